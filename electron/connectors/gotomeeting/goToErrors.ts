import type { HttpResponse, TargetErrorDescription } from '../../http/types'

/*
 * GoTo answers errors in three shapes (coupa-gotomeeting.md B.6): the Admin API's
 * `{"incidentId","errors":[{"code":"user.not.found","value":"…"}]}`, its gateway's
 * `{"int_err_code":"InvalidToken","msg":"…"}` (or AWS's `{"message":"…"}`), and the OAuth server's
 * RFC 6749 `{"error":"invalid_grant","error_description":"…"}`. The codes that say more than the
 * status get a message of their own; the rest keep the HTTP client's status wording.
 */

interface ReadBody {
  targetCode?: string
  value?: string
  summary?: string
  requestId?: string
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

function readBody(response: HttpResponse): ReadBody {
  const body = (response.data && typeof response.data === 'object' ? response.data : {}) as Record<string, unknown>
  const requestId = text(body.incidentId) ?? response.headers['x-amzn-requestid']
  const first = Array.isArray(body.errors) ? (body.errors[0] as Record<string, unknown> | undefined) : undefined
  if (first && typeof first === 'object') {
    const code = text(first.code)
    const value = typeof first.value === 'string' ? first.value : undefined
    return { targetCode: code, value, summary: [code, value ? `"${value}"` : ''].filter(Boolean).join(' '), requestId }
  }
  if (text(body.error)) return { targetCode: text(body.error), summary: text(body.error_description), requestId }
  if (text(body.int_err_code)) return { targetCode: text(body.int_err_code), summary: text(body.msg), requestId }
  return { summary: text(body.message) ?? text(body.msg), requestId }
}

/** `user.firstName.invalid` → "first name". */
function fieldWords(code: string): string {
  const field = code.split('.')[1] ?? 'value'
  const words: Record<string, string> = { email: 'email', firstName: 'first name', lastName: 'last name', locale: 'locale', timeZone: 'time zone', name: 'name' }
  return words[field] ?? field
}

/** Reads an Admin API or gateway error into the HTTP client's description. */
export function describeGoToError(response: HttpResponse): TargetErrorDescription {
  const { targetCode, value, summary, requestId } = readBody(response)
  const description: TargetErrorDescription = { targetCode, summary, requestId }
  const quoted = value ? ` "${value}"` : ''
  const say = (code: TargetErrorDescription['code'], message: string): TargetErrorDescription => ({ ...description, code, message })
  /** The same, marked at the GoTo field it is about (`firstName`), so the form shows it there. */
  const sayAt = (field: string, code: TargetErrorDescription['code'], message: string): TargetErrorDescription => ({
    ...say(code, message),
    fields: { [field]: message },
  })

  switch (targetCode) {
    case 'user.not.found':
      return say('not_found', 'GoTo has no such user in this account: it may have been deleted. Refresh the list.')
    case 'group.not.found':
      return say(response.status === 404 ? 'not_found' : 'invalid_input', 'GoTo has no such group in this account: it may have been deleted. Refresh the list.')
    case 'account.not.found':
      return say('not_found', `GoTo has no account with the key${quoted} for this administrator. Check the profile's Account key.`)
    case 'user.name.conflict':
      return sayAt('email', 'conflict', `Another GoTo user of this account already has the email${quoted}. Choose another email, or open that user.`)
    case 'group.name.conflict':
      return say('conflict', `A group called${quoted} already exists in this GoTo account. Choose another name.`)
    case 'group.name.required':
      return say('invalid_input', 'GoTo needs a name for the group. Enter one and try again.')
    case 'license.seats.exceeded':
      return say('conflict', `The GoTo licence${quoted} has no free seat. Free a seat or add seats in the GoTo Admin Center, then try again.`)
    case 'InvalidToken':
      return say('auth_failed', "GoTo did not accept Lanyard's sign-in, even after signing in again. Test the profile's connection; check that the OAuth client may use the Admin API (scope identity:).")
  }
  if (targetCode && /^(user|group)\.\w+\.(invalid|required)$/.test(targetCode)) {
    const what = targetCode.endsWith('.required') ? `needs the ${fieldWords(targetCode)}` : `did not accept the ${fieldWords(targetCode)}${quoted}`
    return sayAt(targetCode.split('.')[1] ?? '', 'invalid_input', `GoTo ${what}. Correct it and try again.`)
  }
  return description
}

/**
 * The OAuth server's refusals, all of them `auth_failed` with what to fix in the profile, for the
 * profile's grant (`personalAccessToken` or `password`). The password grant is deprecated for new
 * OAuth clients (B.1): a client without it says so here.
 */
export function describeGoToSignInError(response: HttpResponse, grantType: 'personalAccessToken' | 'password' = 'password'): TargetErrorDescription {
  const { targetCode, summary, requestId } = readBody(response)
  const description: TargetErrorDescription = { targetCode, summary, requestId }
  const say = (message: string): TargetErrorDescription => ({ ...description, code: 'auth_failed', message })
  const byToken = grantType === 'personalAccessToken'
  switch (targetCode) {
    case 'invalid_grant':
      return say(
        byToken
          ? "GoTo did not accept the profile's Personal access token (it may have been revoked, or made for another OAuth client). Make a new one for this client in GoTo and save it in the profile."
          : "GoTo did not accept the profile's Username and Password. Check the username, then save the password in the profile again.",
      )
    case 'invalid_client':
      return say("GoTo did not accept the profile's Client Id and Client Secret. Copy them again from the GoTo Developer Center and save the profile.")
    case 'unsupported_grant_type':
    case 'unauthorized_client':
      return say(
        byToken
          ? 'This OAuth client may not sign in with a personal access token. Enable that grant for the client in the GoTo Developer Center, or choose username and password in the profile.'
          : 'This OAuth client may not sign in with a username and password (GoTo no longer enables that for new clients). Choose a personal access token in the profile, or use an OAuth client that has the password grant enabled.',
      )
  }
  if (response.status >= 400 && response.status < 500 && response.status !== 429) {
    const values = byToken ? 'Personal access token' : 'Username, Password'
    return say(`GoTo refused to sign Lanyard in (HTTP ${response.status}). Check the profile's ${values}, Client Id and Client Secret.`)
  }
  return description
}

/**
 * GoTo documents no rate limit (B.6) and its 429 carries no hint; limits of this kind count per
 * second, so one second is waited. A `Retry-After`, should GoTo send one, is read by the HTTP
 * client instead (null here).
 */
export function goToRetryAfter(response: HttpResponse): number | null {
  return response.headers['retry-after'] ? null : 1_000
}
