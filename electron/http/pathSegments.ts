/*
 * What may not sit in one segment of a request path. Adapters build paths from ids
 * (`/groups/{id}/users/{id}`); an id that is a dot segment, or holds a path separator once decoded,
 * would address another resource: `..` turns a membership removal into `DELETE /groups/{id}`, the
 * whole group, and `..%2F..` is the same thing to a server that decodes before routing.
 */

/** How many rounds of percent-decoding are looked through (`%252e` is `%2e` is `.`). */
const decodingRounds = 4

/** The segment and each of its percent-decoded forms, until decoding changes nothing or fails. */
function decodedForms(segment: string): string[] {
  const forms = [segment]
  let current = segment
  for (let round = 0; round < decodingRounds; round++) {
    let next: string
    try {
      next = decodeURIComponent(current)
    } catch {
      break
    }
    if (next === current) break
    forms.push(next)
    current = next
  }
  return forms
}

/**
 * Why a segment cannot be sent in a path, in words for the person ("is ..", "holds a /"), or null
 * when it can. Checks the segment as given and every decoded form of it.
 */
export function pathSegmentProblem(segment: string): string | null {
  // Most segments (every path an adapter builds from ordinary ids) have nothing to decode.
  const forms = segment.includes('%') ? decodedForms(segment) : [segment]
  for (const form of forms) {
    if (form === '.' || form === '..') return `is "${form}"`
    if (form.includes('/')) return 'holds a "/"'
    if (form.includes('\\')) return 'holds a "\\"'
  }
  return null
}
