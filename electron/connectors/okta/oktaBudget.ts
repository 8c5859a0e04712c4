import type { HttpMethod } from '../../http/types'
import { RequestBudget, type BudgetState, type Quota, type ReportedWindow } from '../../http/RequestBudget'

/**
 * Okta's rate-limit buckets as the client counts them (okta.md §6.2): the exact path first, then
 * the longest prefix, and the method matters. Every answer says how much of its bucket is left
 * (`X-Rate-Limit-*`, §6.1), so the budget follows those headers; the documented per-minute limits
 * below only cover the first requests of a bucket, before an answer has said.
 */
export function oktaBudgetFamily(method: HttpMethod, path: string): string {
  const segments = path.split('/').filter((segment) => segment !== '')
  const [api, version, collection] = segments
  if (api !== 'api' || version !== 'v1') return 'other'
  if (collection === 'users') {
    if (segments.length === 3) return 'users'
    if (segments.length === 4) return method === 'GET' ? 'user:read' : 'user:write'
    return 'users:other'
  }
  if (collection === 'groups') return segments.length === 4 ? 'group' : 'groups'
  return 'other'
}

/** The smallest plan's limit (Integrator Free: 100 a minute in every bucket we use), until Okta's headers say more. */
const documentedQuota: Quota = { limit: 100, windowMs: 60_000 }

/**
 * `X-Rate-Limit-Reset` is epoch seconds on Okta's clock: measured against the answer's `Date`
 * (okta.md §6.1), so a skewed local clock does not send the next window's requests early. `Date`
 * has whole seconds, so the estimate errs late, never early.
 */
export function readOktaRateHeaders(headers: Readonly<Record<string, string>>, now: number): ReportedWindow | null {
  const limit = Number(headers['x-rate-limit-limit'])
  const remaining = Number(headers['x-rate-limit-remaining'])
  const reset = Number(headers['x-rate-limit-reset'])
  if (![limit, remaining, reset].every((value) => Number.isFinite(value) && value >= 0) || headers['x-rate-limit-reset'] === undefined) return null
  const serverNow = Date.parse(headers['date'] ?? '')
  const skew = Number.isNaN(serverNow) ? 0 : now - serverNow
  return { limit, remaining, resetsAt: reset * 1000 + skew }
}

export function createOktaBudget(onChange?: (state: BudgetState) => void): RequestBudget {
  return new RequestBudget({ quotaOf: () => documentedQuota, readHeaders: readOktaRateHeaders, onChange })
}
