import { describe, expect, it } from 'vitest'
import { getDescriptor } from '../../../shared/catalogue'
import type { ConnectorId } from '../../../shared/catalogue/types'
import type { PeopleSearchStarted } from '../../../shared/people'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addPersonEverywhere, addSandboxProfiles, connectorOrder, person, resultsOf, startPeopleServices, startTenants, until, type PeopleServices } from './peopleHarness'

const newDirectory = useTemporaryDirectories()

async function fourProfiles() {
  const tenants = await startTenants()
  const services = await startPeopleServices(newDirectory())
  const profiles = await addSandboxProfiles(services, tenants)
  const users = await addPersonEverywhere(tenants)
  const connectorOf = (profileId: string) => connectorOrder.find((connectorId) => profiles[connectorId] === profileId)!
  return { tenants, services, profiles, users, connectorOf }
}

async function search(services: PeopleServices, text: string, searchKey = 'people-view'): Promise<PeopleSearchStarted> {
  const started = await services.call('people.search', { search: text, profileSet: 'sandbox', searchKey })
  if (!started.ok) throw new Error(started.error.message)
  return started.value as PeopleSearchStarted
}

describe('people search', () => {
  it('answers at once with the profiles asked, then each profile as it answers: a slow one holds back nobody', async () => {
    const { tenants, services, profiles, users, connectorOf } = await fourProfiles()
    tenants.okta.setLatency(1500)

    const started = await search(services, person.email)

    expect(started.profiles.map((profile) => [profile.connectorId, profile.profileId])).toEqual(connectorOrder.map((connectorId) => [connectorId, profiles[connectorId]]))
    expect(resultsOf(services, started.searchId)).toEqual([])
    await until(() => resultsOf(services, started.searchId).length >= 3, 'three profiles answered')
    expect(resultsOf(services, started.searchId).map((results) => connectorOf(results.profileId))).not.toContain('okta')
    await until(() => resultsOf(services, started.searchId).length === 4, 'Okta answered too')

    const byConnector = Object.fromEntries(resultsOf(services, started.searchId).map((results) => [connectorOf(results.profileId), results]))
    for (const connectorId of connectorOrder) {
      const results = byConnector[connectorId]!
      expect(results, connectorId).toMatchObject({ status: 'found', truncated: false, error: null, searched: getDescriptor(connectorId).objectTypes[0]!.searchHint })
      expect(results.accounts, connectorId).toHaveLength(1)
      expect(results.accounts[0], connectorId).toMatchObject({
        profileId: profiles[connectorId],
        connectorId,
        application: getDescriptor(connectorId).label,
        userId: users[connectorId],
        email: person.email,
        givenName: person.givenName,
        familyName: person.familyName,
        state: 'active',
      })
    }
    const userNames: Record<ConnectorId, string> = { okta: person.email, cognito: 'dana.offboardtest', coupa: 'dana.offboardtest', gotomeeting: person.email }
    expect(Object.fromEntries(connectorOrder.map((connectorId) => [connectorId, byConnector[connectorId]!.accounts[0]!.userName]))).toEqual(userNames)
    expect(Object.fromEntries(connectorOrder.map((connectorId) => [connectorId, byConnector[connectorId]!.accounts[0]!.statusLabel]))).toEqual({
      okta: 'ACTIVE',
      cognito: 'CONFIRMED',
      coupa: 'active',
      gotomeeting: 'ACTIVE',
    })
  })

  it("gives Okta's last sign-in from the list answer, and says so when more matched than one page holds", async () => {
    const { tenants, services, profiles } = await fourProfiles()
    const signedIn = tenants.okta.tenant.users().find((user) => user.lastLogin !== null && user.status === 'ACTIVE')!
    const login = (signedIn.profile as { login: string }).login
    const requestsBefore = tenants.okta.requestCount()

    const started = await search(services, login)
    await until(() => resultsOf(services, started.searchId).length === 4, 'every profile answered')

    const okta = resultsOf(services, started.searchId).find((results) => results.profileId === profiles.okta)!
    expect(okta.accounts.find((account) => account.userId === signedIn.id)?.lastSignInAt).toBe(signedIn.lastLogin)
    // One list request per profile, never one per row for the last sign-in.
    expect(tenants.okta.requestCount() - requestsBefore).toBe(1)

    const wide = await search(services, 'active', 'wide')
    await until(() => resultsOf(services, wide.searchId).length === 4, 'the wide search answered')
    const coupa = resultsOf(services, wide.searchId).find((results) => results.profileId === profiles.coupa)!
    expect(coupa).toMatchObject({ status: 'found', truncated: true })
    expect(coupa.accounts).toHaveLength(25)
  })

  it('emits nothing late for a search replaced by a newer one under the same key, or cancelled', async () => {
    const { tenants, services } = await fourProfiles()
    for (const tenant of Object.values(tenants)) tenant.setLatency(300)

    const replaced = await search(services, 'dana.offboard')
    const newer = await search(services, person.email)
    const cancelled = await search(services, 'offboardtest', 'other-view')
    expect(await services.call('people.cancel', { searchKey: 'other-view' })).toEqual({ ok: true, value: null })
    // Started after the others, so once it has answered everywhere, theirs would have arrived too.
    const last = await search(services, person.givenName, 'last-view')
    await until(() => resultsOf(services, newer.searchId).length === 4 && resultsOf(services, last.searchId).length === 4, 'the newer searches answered')

    expect(resultsOf(services, replaced.searchId)).toEqual([])
    expect(resultsOf(services, cancelled.searchId)).toEqual([])
    expect(resultsOf(services, newer.searchId).every((results) => results.status === 'found' && results.accounts.length === 1)).toBe(true)
  })

  it('reports a failing profile with its error while the others answer, and no secret in any event', async () => {
    const { tenants, services, profiles } = await fourProfiles()
    tenants.coupa.faults.script([{ kind: 'server_error', method: 'GET', path: /^\/api\/users$/, times: 4 }])

    const started = await search(services, person.email)
    await until(() => resultsOf(services, started.searchId).length === 4, 'every profile answered')

    const results = resultsOf(services, started.searchId)
    const coupa = results.find((answer) => answer.profileId === profiles.coupa)!
    expect(coupa).toMatchObject({ status: 'failed', accounts: [], error: { code: 'network' } })
    expect(coupa.error?.message).toMatch(/Coupa|500|answer/i)
    expect(results.filter((answer) => answer.status === 'found').map((answer) => answer.accounts.length)).toEqual([1, 1, 1])
    const everything = JSON.stringify(services.events)
    for (const tenant of Object.values(tenants)) {
      const secrets: string[] = Object.values(tenant.credentials)
      for (const secret of secrets.filter((value) => value.length >= 12)) expect(everything).not.toContain(secret)
    }
  })

  it('searches only the profiles of the set asked for', async () => {
    const { services } = await fourProfiles()
    const started = await services.call('people.search', { search: person.email, profileSet: 'real', searchKey: 'people-view' })
    expect(started).toMatchObject({ ok: true, value: { profiles: [] } })
  })
})
