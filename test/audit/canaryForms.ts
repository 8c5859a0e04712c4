/**
 * The forms a secret can take on its way out: as it is, URL-encoded (in a query or a form body),
 * and base64 or base64url (a Basic header, a token wrapped in JSON). A search for a canary looks
 * for every one of them.
 */
export function canaryForms(secret: string): { form: string; text: string }[] {
  const bytes = Buffer.from(secret, 'utf8')
  const forms = [
    { form: 'plain', text: secret },
    { form: 'URL-encoded', text: encodeURIComponent(secret) },
    { form: 'base64', text: bytes.toString('base64') },
    { form: 'base64url', text: bytes.toString('base64url') },
  ]
  // Inside a longer encoded text (`user:secret` in a Basic header) the secret's encoding depends
  // on where it starts; its middle, encoded at each of the three offsets, still shows.
  for (let shift = 0; shift <= 2; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift, 0x3a), bytes])
    forms.push({ form: 'base64 inside a longer text', text: encoded.toString('base64').slice(4, -4) })
    forms.push({ form: 'base64url inside a longer text', text: encoded.toString('base64url').slice(4, -4) })
  }
  const seen = new Set<string>()
  return forms.filter(({ text }) => text.length >= 8 && !seen.has(text) && seen.add(text))
}

/** Which canaries show in the text, in any form: `<label> (<form>)` for each. */
export function findCanaries(text: string, canaries: ReadonlyMap<string, string>): string[] {
  const found: string[] = []
  for (const [label, secret] of canaries) {
    const hit = canaryForms(secret).find(({ text: form }) => text.includes(form))
    if (hit) found.push(`${label} (${hit.form})`)
  }
  return found
}
