import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { oktaHarness, type OktaHarness } from './oktaSandboxHarness'

/** An ACTIVE user in two OKTA_GROUPs (and Everyone). */
function personInTwoGroups(harness: OktaHarness) {
  const user = harness.tenant.addUser({ firstName: 'Ada', lastName: 'Lovelace' })
  const first = harness.tenant.addGroup({ name: 'Analysts' })
  const second = harness.tenant.addGroup({ name: 'Engines' })
  harness.tenant.addMember(first.id, user.id)
  harness.tenant.addMember(second.id, user.id)
  return { user, first, second }
}

/** Deactivated by Lanyard, then taken out of both groups behind its back: what undo must repair. */
async function deactivatedAndOutOfGroups(harness: OktaHarness) {
  const person = personInTwoGroups(harness)
  const snapshot = await harness.connector.readDeprovisionSnapshot(person.user.id)
  await harness.connector.deprovision(person.user.id, snapshot)
  harness.tenant.removeMember(person.first.id, person.user.id)
  harness.tenant.removeMember(person.second.id, person.user.id)
  return { ...person, snapshot }
}

describe('Okta deprovision: suspend mode (the default)', () => {
  it('snapshots status and every group except Everyone, suspends, and undo unsuspends', async () => {
    const harness = await oktaHarness()
    const { connector, tenant } = harness
    const { user, first, second } = personInTwoGroups(harness)

    const snapshot = await connector.readDeprovisionSnapshot(user.id)
    expect(snapshot).toMatchObject({
      userId: user.id,
      userName: 'ada.lovelace@example.com',
      displayName: 'Ada Lovelace',
      status: 'ACTIVE',
      active: true,
      mode: 'suspend',
    })
    expect(snapshot.groups.map((group) => group.name).sort()).toEqual(['Analysts', 'Engines'])
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot)

    expect(await connector.deprovision(user.id, snapshot)).toEqual([{ name: 'Suspend Ada Lovelace', status: 'applied' }])
    expect(tenant.user(user.id)?.status).toBe('SUSPENDED')
    expect(tenant.groupsOf(user.id).map((group) => group.id)).toEqual(expect.arrayContaining([first.id, second.id]))

    expect(await connector.undoDeprovision(user.id, snapshot)).toEqual([{ name: 'Unsuspend Ada Lovelace', status: 'applied' }])
    expect(tenant.user(user.id)?.status).toBe('ACTIVE')
  })

  it('refuses to suspend a user who is not ACTIVE, before any change request', async () => {
    const harness = await oktaHarness()
    const user = harness.tenant.addUser({ firstName: 'Ada', lastName: 'Lovelace', status: 'LOCKED_OUT' })
    const snapshot = await harness.connector.readDeprovisionSnapshot(user.id)
    harness.mark()
    const error = await expectAppError(harness.connector.deprovision(user.id, snapshot), 'conflict')
    expect(error.message).toContain('only suspend an ACTIVE user')
    expect(error.message).toContain('LOCKED_OUT')
    expect(harness.requests()).toHaveLength(0)
  })

  it('reports a failed suspend with the exact step, as network: a 500 may come after Okta suspended', async () => {
    const harness = await oktaHarness()
    const { user } = personInTwoGroups(harness)
    const snapshot = await harness.connector.readDeprovisionSnapshot(user.id)
    harness.sandbox.faults.script([{ kind: 'server_error', method: 'POST', path: /\/lifecycle\/suspend$/ }])
    const error = await expectAppError(harness.connector.deprovision(user.id, snapshot), 'network')
    expect(error.message).toContain('Deprovision of Ada Lovelace: "Suspend Ada Lovelace" got no clear answer. Okta had a problem answering (HTTP 500).')
    expect(error.message).not.toContain('may have been carried out')
    expect(error.extra.steps).toEqual([{ name: 'Suspend Ada Lovelace', status: 'failed', message: expect.stringContaining('HTTP 500') }])
    expect(harness.tenant.user(user.id)?.status).toBe('ACTIVE')
  })
})

describe('Okta deprovision: deactivate mode', () => {
  it('deactivates, and undo activates again without email and re-adds the groups taken away', async () => {
    const harness = await oktaHarness({}, {}, { deprovisionMode: 'deactivate' })
    const { connector, tenant } = harness
    const { user, first, second } = personInTwoGroups(harness)
    const snapshot = await connector.readDeprovisionSnapshot(user.id)
    expect(snapshot.mode).toBe('deactivate')

    expect(await connector.deprovision(user.id, snapshot)).toEqual([{ name: 'Deactivate Ada Lovelace', status: 'applied' }])
    expect(tenant.user(user.id)?.status).toBe('DEPROVISIONED')
    // Someone removed a membership in the meantime: undo must bring it back.
    tenant.removeMember(first.id, user.id)

    harness.mark()
    const steps = await connector.undoDeprovision(user.id, snapshot)
    expect(steps).toEqual([
      { name: 'Activate Ada Lovelace again', status: 'applied' },
      { name: 'Add back to Analysts', status: 'applied' },
    ])
    expect(tenant.user(user.id)?.status).toBe('ACTIVE')
    expect(tenant.groupsOf(user.id).map((group) => group.id)).toEqual(expect.arrayContaining([first.id, second.id]))
    expect(harness.requests().map((request) => request.path)).toContain(`/api/v1/users/${user.id}/lifecycle/activate?sendEmail=false`)
  })

  it('reports a group deleted since as a failed step with the reason, and still does the others', async () => {
    const harness = await oktaHarness({}, {}, { deprovisionMode: 'deactivate' })
    const { connector, tenant } = harness
    const { user, first, second, snapshot } = await deactivatedAndOutOfGroups(harness)
    await connector.delete('groups', first.id)

    const error = await expectAppError(connector.undoDeprovision(user.id, snapshot), 'partial_failure')
    const byName = Object.fromEntries((error.extra.steps ?? []).map((step) => [step.name, step]))
    expect(byName['Activate Ada Lovelace again']?.status).toBe('applied')
    expect(byName['Add back to Analysts']).toMatchObject({ status: 'failed', message: expect.stringContaining('no longer exists') })
    expect(byName['Add back to Engines']?.status).toBe('applied')
    expect(tenant.groupsOf(user.id).map((group) => group.id)).toContain(second.id)
  })

  it('stops at a failing second undo step: later steps are not attempted, and a second undo finishes', async () => {
    const harness = await oktaHarness({}, {}, { deprovisionMode: 'deactivate' })
    const { connector } = harness
    const { user, snapshot } = await deactivatedAndOutOfGroups(harness)
    const [firstBack, secondBack] = snapshot.groups
    // The membership PUT is retried (it is idempotent): fail every attempt.
    harness.sandbox.faults.script([{ kind: 'unavailable', method: 'PUT', path: `/api/v1/groups/${firstBack!.id}/users/${user.id}`, times: 10 }])

    const error = await expectAppError(connector.undoDeprovision(user.id, snapshot), 'partial_failure')
    expect(error.extra.steps).toEqual([
      { name: 'Activate Ada Lovelace again', status: 'applied' },
      { name: `Add back to ${firstBack!.name}`, status: 'failed', message: expect.stringContaining('HTTP 503') },
      { name: `Add back to ${secondBack!.name}`, status: 'not_attempted' },
    ])
    expect(error.message).toContain('Run undo again')

    harness.sandbox.faults.clear()
    expect(await connector.undoDeprovision(user.id, snapshot)).toEqual([
      { name: "Bring back Ada Lovelace's status (ACTIVE)", status: 'applied', message: 'Already ACTIVE in Okta: nothing to change.' },
      { name: `Add back to ${firstBack!.name}`, status: 'applied' },
      { name: `Add back to ${secondBack!.name}`, status: 'applied' },
    ])
  })

  it('undo brings a user who was SUSPENDED before the deactivation back to SUSPENDED, not ACTIVE', async () => {
    const harness = await oktaHarness({}, {}, { deprovisionMode: 'deactivate' })
    const { connector, tenant } = harness
    const user = tenant.addUser({ firstName: 'Ada', lastName: 'Lovelace', status: 'SUSPENDED' })
    const snapshot = await connector.readDeprovisionSnapshot(user.id)
    await connector.deprovision(user.id, snapshot)
    expect(tenant.user(user.id)?.status).toBe('DEPROVISIONED')

    expect(await connector.undoDeprovision(user.id, snapshot)).toEqual([
      { name: 'Activate Ada Lovelace again', status: 'applied' },
      { name: 'Suspend Ada Lovelace again', status: 'applied' },
    ])
    expect(tenant.user(user.id)?.status).toBe('SUSPENDED')
  })

  it('refuses an unknown deprovision mode in the profile', async () => {
    const harness = await oktaHarness({}, {}, { deprovisionMode: 'obliterate' })
    const error = await expectAppError(harness.connector.readDeprovisionSnapshot(harness.tenant.users()[0]!.id), 'invalid_input')
    expect(error.message).toContain('obliterate')
  })
})
