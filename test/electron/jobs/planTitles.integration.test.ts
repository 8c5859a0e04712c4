import { describe, expect, it } from 'vitest'
import type { JobPlan } from '../../../shared/jobs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addSandboxProfiles, startPeopleServices, startTenants } from '../people/peopleHarness'
import { expectValue } from './jobHarness'

/* A plan's title names its group and says why there is nothing to do when no line is ready. */

const newDirectory = useTemporaryDirectories()

async function setUp() {
  const tenants = await startTenants()
  const services = await startPeopleServices(newDirectory())
  const profiles = await addSandboxProfiles(services, tenants)
  const plan = async (input: unknown) => expectValue<JobPlan>(await services.call('jobs.plan', input))
  return { okta: tenants.okta.tenant, profileId: profiles.okta, plan }
}

describe('the title of a plan with nothing to do', () => {
  it('names the group of an add or remove with no ready line, and says why', async () => {
    const { okta, profileId, plan } = await setUp()
    const sales = okta.addGroup({ name: 'Job Sales' })
    const bo = okta.addUser({ firstName: 'Bo', lastName: 'Seller', login: 'bo.seller@example.com' })
    okta.addMember('Job Sales', bo.id)
    const lines = ['bo.seller@example.com', 'nobody.here@example.com']

    const adding = await plan({ kind: 'addMembers', profileId, groupType: 'groups', groupId: sales.id, lines })
    expect(adding.title).toBe('Add 0 people to Job Sales — nothing to do: 1 line skipped, 1 line with a problem')
    const removing = await plan({ kind: 'removeMembers', profileId, groupType: 'groups', groupId: sales.id, lines: ['nobody.here@example.com'] })
    expect(removing.title).toBe('Remove 0 people from Job Sales — nothing to do: 1 line with a problem')
  })

  it('names the group a move empties when it has no members', async () => {
    const { okta, profileId, plan } = await setUp()
    const empty = okta.addGroup({ name: 'Old Team' })
    const to = okta.addGroup({ name: 'New Team' })
    const moving = await plan({ kind: 'moveMembers', profileId, groupType: 'groups', fromGroupId: empty.id, toGroupId: to.id })
    expect(moving.title).toBe('Move 0 members out of Old Team into New Team — nothing to do: Old Team has no members')
  })

  it('keeps the title of a ready plan as it was', async () => {
    const { okta, profileId, plan } = await setUp()
    const sales = okta.addGroup({ name: 'Job Sales' })
    okta.addUser({ firstName: 'Ana', lastName: 'Seller', login: 'ana.seller@example.com' })
    const adding = await plan({ kind: 'addMembers', profileId, groupType: 'groups', groupId: sales.id, lines: ['ana.seller@example.com'] })
    expect(adding.title).toBe('Add 1 person to Job Sales')
  })
})
