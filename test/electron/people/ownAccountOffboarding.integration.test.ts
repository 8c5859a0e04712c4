import { describe, expect, it } from 'vitest'
import type { ConnectorId } from '../../../shared/catalogue/types'
import type { OffboardingPlan, OffboardReport } from '../../../shared/people'
import { sandboxOwnAccount } from '../../support/sandboxOwnAccounts'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addSandboxProfiles, connectorOrder, startPeopleServices, startTenants, stateAtTarget, type PeopleServices, type Tenants } from './peopleHarness'

/*
 * Against the four sandbox tenants: the account each profile signs in with (Okta's token owner,
 * GoTo's administrator, Coupa's API user) is never offboarded unasked, and the target shows it
 * untouched; with the override and a reason it is, and the journal keeps both. Cognito signs in
 * with IAM keys, which are no pool user: nothing there is refused.
 */

const newDirectory = useTemporaryDirectories()

/** The account each tenant's credentials sign in as, as the tenant itself knows it. */
function ownAccounts(tenants: Tenants): Partial<Record<ConnectorId, string>> {
  return Object.fromEntries(connectorOrder.map((connectorId) => [connectorId, sandboxOwnAccount(connectorId, tenants[connectorId]) ?? undefined]))
}

async function answer<T>(services: PeopleServices, name: 'people.planOffboarding' | 'people.offboard', input: unknown): Promise<T> {
  const result = await services.call(name, input)
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}

describe("offboarding a profile's own account", () => {
  it('is skipped in the plan and the run with why, and the targets show it untouched', async () => {
    const tenants = await startTenants()
    const services = await startPeopleServices(newDirectory())
    const profiles = await addSandboxProfiles(services, tenants)
    const own = ownAccounts(tenants)
    const withOwn = (['okta', 'coupa', 'gotomeeting'] as const).map((connectorId) => ({ profileId: profiles[connectorId], userId: own[connectorId]! }))
    const before = await Promise.all(withOwn.map((account, index) => stateAtTarget(tenants, (['okta', 'coupa', 'gotomeeting'] as const)[index]!, account.userId)))

    const plan = await answer<OffboardingPlan>(services, 'people.planOffboarding', { accounts: withOwn })
    expect(plan.steps.map((step) => step.action)).toEqual(['skip', 'skip', 'skip'])
    expect(plan.steps[0]!.reason).toMatch(/is the user this profile's API token belongs to .*lock Lanyard out of Okta/)
    expect(plan.steps[1]!.reason).toMatch(/is a Coupa API user/)
    expect(plan.steps[2]!.reason).toMatch(/is the administrator this profile signs in as .*GoTo's GET \/me/)

    const report = await answer<OffboardReport>(services, 'people.offboard', { personName: 'The admins', accounts: withOwn, reason: 'INC-1 test' })
    expect(report.accounts.map((account) => [account.result, account.error?.details?.refusal])).toEqual([
      ['skipped', 'own_account'],
      ['skipped', 'own_account'],
      ['skipped', 'own_account'],
    ])
    const after = await Promise.all(withOwn.map((account, index) => stateAtTarget(tenants, (['okta', 'coupa', 'gotomeeting'] as const)[index]!, account.userId)))
    expect(after).toEqual(before)
  })

  it('goes ahead with the override, and the journal keeps the override and the ticket on the operation and each change', async () => {
    const tenants = await startTenants()
    const services = await startPeopleServices(newDirectory())
    const profiles = await addSandboxProfiles(services, tenants)
    const account = { profileId: profiles.okta, userId: ownAccounts(tenants).okta! }

    const report = await answer<OffboardReport>(services, 'people.offboard', {
      personName: 'Okta admin',
      accounts: [account],
      reason: '  INC-2 admin leaves  ',
      ownAccountOverride: 'The token moves to the new admin first',
    })
    expect(report.accounts.map((result) => result.result)).toEqual(['done'])
    expect(report.operation.reason).toBe('INC-2 admin leaves')
    expect(report.operation.entries.map((entry) => [entry.reason, entry.ownAccountOverride])).toEqual([['INC-2 admin leaves', 'The token moves to the new admin first']])
    expect(await stateAtTarget(tenants, 'okta', account.userId)).toMatchObject({ status: 'SUSPENDED' })
  })

  it('refuses nothing on Cognito, whose IAM keys are no pool user', async () => {
    expect(connectorOrder).toContain('cognito')
    const tenants = await startTenants()
    const services = await startPeopleServices(newDirectory())
    const profiles = await addSandboxProfiles(services, tenants)
    const [someone] = tenants.cognito.tenant.users()
    const plan = await answer<OffboardingPlan>(services, 'people.planOffboarding', { accounts: [{ profileId: profiles.cognito, userId: someone!.username }] })
    expect(plan.steps[0]!.reason ?? '').not.toMatch(/lock Lanyard out/)
    // Said in the plan, where the other targets show their refusal.
    expect(plan.steps[0]!.effect.join(' ')).toMatch(/IAM access keys, which are not users of the pool/)
  })
})
