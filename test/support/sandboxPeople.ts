import { tenantDefaults } from '../../electron/sandbox/framework/tenantBasics'
import { companyDirectory, peopleIn, type SandboxApplication } from '../../electron/sandbox/people/companyAccounts'

/**
 * How many of the company's people have an account in one sandbox tenant: `users` is the company's
 * headcount, and not everyone is in every application (README "Sandbox people"). Tests that count
 * a tenant's seeded users ask this instead of assuming the headcount.
 */
export function seededAccounts(application: SandboxApplication, users: number, seed: string = tenantDefaults.seed): number {
  return peopleIn(companyDirectory({ count: users, seed }), application).length
}

/** The sizes of the pages a list of `total` items comes in, `pageSize` at a time: [60, 60, 10] for 130 by 60. */
export function pageSizesOf(total: number, pageSize: number): number[] {
  return Array.from({ length: Math.ceil(total / pageSize) }, (_, page) => Math.min(pageSize, total - page * pageSize))
}
