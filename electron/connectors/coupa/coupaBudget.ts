import { RequestBudget, type BudgetState, type Quota } from '../../http/RequestBudget'

/**
 * Coupa documents "25 requests per second and a burst query limit of 20 calls" and no rate headers
 * (coupa-gotomeeting.md A.2, [DOC S1 0012]): a bucket of 20 calls refilled at 25 a second, as the
 * sandbox tenant enforces it (CoupaRateLimiter). The budget spends 25 a second evenly, after a burst
 * of the 20 less what arrival jitter may crowd into the bucket (burstOf): the bucket then never runs dry.
 */
export const coupaQuota: Quota = { limit: 25, windowMs: 1000, bucket: 20 }

export function createCoupaBudget(onChange?: (state: BudgetState) => void): RequestBudget {
  return new RequestBudget({ quotaOf: () => coupaQuota, onChange })
}
