import { RequestBudget, type BudgetState, type Quota } from '../../http/RequestBudget'

/** The Admin API's family; the sign-in (OAuth token endpoint, another host) has no published limit. */
export const goToAdminFamily = 'admin'
export const goToSignInFamily = 'sign-in'

export const goToAdminQuota: Quota = { limit: 10, windowMs: 1000 }

/**
 * GoTo's Admin API: 10 requests per second, answered beyond with a 429 and no rate headers. GoTo's
 * developer reference ("Rate Limiting": "default — 10 requests per second", limits applied per API,
 * 429 when reached) gives the figure; our offline notes (coupa-gotomeeting.md B.6) did not have it.
 * The sandbox tenant enforces the same (electron/sandbox/gotomeeting/goToErrors.ts).
 */
export function createGoToBudget(onChange?: (state: BudgetState) => void): RequestBudget {
  return new RequestBudget({ quotaOf: (family) => (family === goToAdminFamily ? goToAdminQuota : null), onChange })
}
