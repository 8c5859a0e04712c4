import { RequestBudget, type BudgetState, type Quota } from '../../http/RequestBudget'

/** The Admin API's family; the sign-in (OAuth token endpoint, another host) has no published limit. */
export const goToAdminFamily = 'admin'
export const goToSignInFamily = 'sign-in'

export const goToAdminQuota: Quota = { limit: 10, windowMs: 1000 }

/**
 * GoTo's Admin API: 10 requests per second, answered beyond with a 429 and no rate headers. The
 * API reference was not available offline (coupa-gotomeeting.md B.6 calls the limit undocumented);
 * 10 a second is the figure the sandbox tenant enforces (electron/sandbox/gotomeeting/goToErrors.ts).
 */
export function createGoToBudget(onChange?: (state: BudgetState) => void): RequestBudget {
  return new RequestBudget({ quotaOf: (family) => (family === goToAdminFamily ? goToAdminQuota : null), onChange })
}
