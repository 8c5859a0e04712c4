import { describe, expect, it } from 'vitest'
import type { ConnectorId } from '../../../shared/catalogue/types'
import type { JobPlan } from '../../../shared/jobs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addPersonEverywhere, addSandboxProfiles, connectorOrder, person, startPeopleServices, startTenants, stateAtTarget } from '../people/peopleHarness'
import { expectValue, untilJobIs } from './jobHarness'

const newDirectory = useTemporaryDirectories()

/** What a deprovision leaves, in each target's own words (stateAtTarget reads it through the target's API). */
const deprovisioned: Record<ConnectorId, Record<string, unknown>> = {
  okta: { status: 'SUSPENDED' },
  cognito: { enabled: false },
  coupa: { active: false },
  gotomeeting: { status: 'SUSPENDED' },
}

async function setUp() {
  const tenants = await startTenants()
  const services = await startPeopleServices(newDirectory())
  const profiles = await addSandboxProfiles(services, tenants)
  const users = await addPersonEverywhere(tenants)
  const plan = async (input: unknown) => expectValue<JobPlan>(await services.call('jobs.plan', input))
  const run = async (planned: JobPlan) => untilJobIs(services, expectValue<{ id: string }>(await services.call('jobs.start', { planId: planned.planId })).id, ['done'])
  return { tenants, services, profiles, users, plan, run }
}

describe('a list deprovisioned and undone in one profile, on every connector', () => {
  for (const connectorId of connectorOrder) {
    it(`${connectorId}: the account found by email, deprovisioned, then brought back from the journal`, async () => {
      const { tenants, profiles, users, plan, run } = await setUp()
      const before = await stateAtTarget(tenants, connectorId, users[connectorId])

      const planned = await plan({ kind: 'deprovisionAccounts', profileId: profiles[connectorId], lines: [person.email] })
      expect(planned.rows.map((row) => [row.state, row.changes.map((change) => change.objectId)])).toEqual([['ready', [users[connectorId]]]])
      expect((await run(planned)).job.counts).toMatchObject({ done: 1, failed: 0 })
      expect(await stateAtTarget(tenants, connectorId, users[connectorId])).toMatchObject(deprovisioned[connectorId])

      const undo = await plan({ kind: 'undoAccounts', profileId: profiles[connectorId], lines: [person.email] })
      expect((await run(undo)).job.counts).toMatchObject({ done: 1, failed: 0 })
      expect(await stateAtTarget(tenants, connectorId, users[connectorId])).toEqual(before)
    })
  }
})

describe('membership jobs where the target changes memberships', () => {
  it('cognito: adds a list to a group, as the pool then shows', async () => {
    const { tenants, profiles, users, plan, run } = await setUp()
    tenants.cognito.tenant.addGroup({ name: 'job-sales' })
    const planned = await plan({ kind: 'addMembers', profileId: profiles.cognito, groupType: 'groups', groupId: 'job-sales', lines: [person.email] })
    expect(planned.counts).toMatchObject({ ready: 1, changes: 1 })
    expect((await run(planned)).job.counts).toMatchObject({ done: 1, failed: 0 })
    expect((await stateAtTarget(tenants, 'cognito', users.cognito)).groups).toContain('job-sales')
  })

  it('coupa: adds a role from the user side, as Coupa then shows', async () => {
    const { tenants, profiles, users, plan, run } = await setUp()
    const role = tenants.coupa.tenant.role('Expense User') ?? tenants.coupa.tenant.role('Approver')!
    const planned = await plan({ kind: 'addMembers', profileId: profiles.coupa, groupType: 'roles', groupId: String(role.id), lines: [person.email] })
    expect(planned.counts).toMatchObject({ ready: 1, changes: 1 })
    expect((await run(planned)).job.counts).toMatchObject({ done: 1, failed: 0 })
    expect((await stateAtTarget(tenants, 'coupa', users.coupa)).roles).toContain(role.name)
  })

  it('gotomeeting: refuses a membership job before reading anything, saying GoTo does not change memberships', async () => {
    const { services, profiles } = await setUp()
    const result = await services.call('jobs.plan', { kind: 'addMembers', profileId: profiles.gotomeeting, groupType: 'groups', groupId: '1', lines: [person.email] })
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported' } })
  })
})
