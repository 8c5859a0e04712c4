import type { HttpResponse, TargetErrorDescription } from '../../http/types'

interface OktaErrorBody {
  errorCode?: unknown
  errorSummary?: unknown
  errorCauses?: unknown
}

function causesOf(value: unknown): string[] {
  // errorCauses is an array of {errorSummary}, usually; a few endpoints send one object (okta.md §5.1).
  const list = Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : []
  return list
    .map((cause: unknown) => (cause && typeof cause === 'object' ? (cause as { errorSummary?: unknown }).errorSummary : undefined))
    .filter((summary): summary is string => typeof summary === 'string' && summary !== '')
}

/**
 * A cause names its attribute first ("title: The field is too long", okta.md §5.1): the profile
 * attribute it refused, or the password, with Okta's words for that field.
 */
function fieldsOf(causes: readonly string[]): Record<string, string> | undefined {
  const fields: Record<string, string> = {}
  for (const cause of causes) {
    const match = /^([A-Za-z]\w*): (.+)$/s.exec(cause)
    const name = match?.[1]
    const words = match?.[2]?.trim()
    if (!name || !words) continue
    fields[name === 'password' ? 'password' : `profile.${name}`] ??= `Okta says: "${words}".`
  }
  return Object.keys(fields).length > 0 ? fields : undefined
}

/** Lifecycle refusals Okta answers with 403 although the token is fine: the user's status forbids it. */
const statusRefusals = new Set(['E0000016', 'E0000032', 'E0000038'])

/**
 * Reads Okta's error body (okta.md §5) into the HTTP client's description, and corrects the codes
 * whose status says something else than what happened: a duplicate login is a 400 but a conflict
 * for the person; a wrong-status lifecycle call is a 403 but no permission problem.
 */
export function describeOktaError(response: HttpResponse): TargetErrorDescription {
  const body = (response.data && typeof response.data === 'object' ? response.data : {}) as OktaErrorBody
  const targetCode = typeof body.errorCode === 'string' ? body.errorCode : undefined
  const summary = typeof body.errorSummary === 'string' ? body.errorSummary : undefined
  const causes = causesOf(body.errorCauses)
  const requestId = response.headers['x-okta-request-id']
  const fields = fieldsOf(causes)
  const description: TargetErrorDescription = { targetCode, summary, causes, requestId, ...(fields ? { fields } : {}) }
  const said = [summary, ...causes].filter(Boolean).join(' — ')

  if (targetCode === 'E0000001' && causes.some((cause) => /already exists/i.test(cause))) {
    return {
      ...description,
      code: 'conflict',
      message: `That value is already used by another object in Okta (Okta says: "${said}"). Choose another value.`,
    }
  }
  if (targetCode && statusRefusals.has(targetCode)) {
    return {
      ...description,
      code: 'conflict',
      message: `Okta does not allow this in the user's current status (Okta says: "${said}"). Refresh the user to see its status.`,
    }
  }
  if (targetCode === 'E0000031') {
    return {
      ...description,
      code: 'invalid_input',
      message: `Okta could not use this search (Okta says: "${said}"). Try plain words: a name, an email or a status.`,
    }
  }
  if (targetCode === 'E0000005') {
    return {
      ...description,
      code: 'auth_failed',
      message: `Okta did not accept how the token was sent (Okta says: "${said}"). Save the API token in the profile again.`,
    }
  }
  return description
}

/** A little slack on top of the reset time, so the retry lands after the window has turned. */
const resetMarginMs = 100

/**
 * How long a 429 asks to wait: `X-Rate-Limit-Reset` is epoch seconds, measured against the
 * answer's own `Date` header rather than the local clock (okta.md §6.1). Falls back to the
 * generic `Retry-After` through the client when Okta's header is missing.
 */
export function oktaRetryAfter(response: HttpResponse, now: number = Date.now()): number | null {
  const reset = Number(response.headers['x-rate-limit-reset'])
  if (!Number.isFinite(reset) || reset <= 0) return null
  const serverNow = Date.parse(response.headers['date'] ?? '')
  const reference = Number.isNaN(serverNow) ? now : serverNow
  return Math.max(0, reset * 1000 - reference) + resetMarginMs
}
