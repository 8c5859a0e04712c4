import { RequestBudget, type BudgetState, type Quota } from '../../http/RequestBudget'

/**
 * Coupa documents "25 requests per second and a burst query limit of 20 calls" and no rate headers
 * (coupa-gotomeeting.md A.2, [DOC S1 0012]). At most 20 in any second keeps within both: a bucket
 * of 20 refilled at 25 a second never refuses 20 calls spread over a second.
 */
export const coupaQuota: Quota = { limit: 20, windowMs: 1000 }

export function createCoupaBudget(onChange?: (state: BudgetState) => void): RequestBudget {
  return new RequestBudget({ quotaOf: () => coupaQuota, onChange })
}
