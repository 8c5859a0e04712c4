import { RequestBudget, type BudgetState, type Quota } from '../../http/RequestBudget'

/**
 * Coupa documents "25 requests per second and a burst query limit of 20 calls" and no rate headers
 * (coupa-gotomeeting.md A.2, [DOC S1 0012]): a bucket of 20 calls refilled at 25 a second, as the
 * sandbox tenant enforces it (CoupaRateLimiter). The budget spends 25 a second evenly after a burst
 * of three (burstOf), so the bucket never holds fewer than 17 calls: 20 at once would empty it.
 */
export const coupaQuota: Quota = { limit: 25, windowMs: 1000 }

export function createCoupaBudget(onChange?: (state: BudgetState) => void): RequestBudget {
  return new RequestBudget({ quotaOf: () => coupaQuota, onChange })
}
