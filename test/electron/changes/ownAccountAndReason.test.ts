import { describe, expect, it } from 'vitest'
import type { JournalEntry } from '../../../shared/journal'
import { FakeDirectory } from '../../support/fakeConnector'
import { MemorySecretStore } from '../../support/MemorySecretStore'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addOktaProfile, journalOnDisk, startServices } from '../directory/directoryHarness'

/*
 * Deprovisioning the account a profile signs in with would lock Lanyard out of the target, undo
 * included: main refuses it unless the call overrides with a stated reason, which is journaled.
 * Any deprovision may carry a ticket or reason, journaled with it.
 */

const newDirectory = useTemporaryDirectories()

/** Through the contract wrapper, as the renderer calls: the input is checked and trimmed there. */
async function deprovisionThroughContract(services: Awaited<ReturnType<typeof setUp>>['services'], input: Record<string, unknown>): Promise<JournalEntry> {
  const result = await services.call('directory.deprovision', input)
  if (!result.ok) throw new Error(result.error.message)
  return result.value as JournalEntry
}

async function setUp() {
  const directory = newDirectory()
  const fake = new FakeDirectory()
  const services = await startServices(directory, { fake, secretStore: new MemorySecretStore() })
  const profileId = await addOktaProfile(services, 'Okta prod')
  const admin = fake.addUser('Ada', 'Admin')
  const other = fake.addUser('Bob', 'Stone')
  fake.ownUserId = admin
  return { directory, fake, services, profileId, admin, other }
}

describe("the profile's own account", () => {
  it('is refused, saying why and what to do, with nothing journaled or sent', async () => {
    const { directory, fake, services, profileId, admin } = await setUp()
    const result = await services.call('directory.deprovision', { profileId, userId: admin })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { refusal: 'own_account' } },
    })
    const message = result.ok ? '' : result.error.message
    expect(message).toMatch(/Ada Admin is the account this profile signs in with/)
    expect(message).toMatch(/lock Lanyard out.*undo/)
    expect(message).toMatch(/Nothing was changed/)
    expect(fake.calls).not.toContain('deprovision')
    expect(fake.statusOf(admin)).toBe('ACTIVE')
    expect(journalOnDisk(directory)).toEqual([])
  })

  it('is deprovisioned with an override whose stated reason the journal keeps', async () => {
    const { directory, fake, services, profileId, admin } = await setUp()
    const entry = await deprovisionThroughContract(services, { profileId, userId: admin, ownAccountOverride: '  Leaver; token rotated to the new admin  ' })
    expect(fake.statusOf(admin)).toBe('SUSPENDED')
    expect(entry.ownAccountOverride).toBe('Leaver; token rotated to the new admin')
    expect(journalOnDisk(directory)[0]).toMatchObject({ kind: 'intent', ownAccountOverride: 'Leaver; token rotated to the new admin' })
  })

  it('refuses an override without a reason', async () => {
    const { services, profileId, admin } = await setUp()
    const result = await services.call('directory.deprovision', { profileId, userId: admin, ownAccountOverride: '   ' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('asks who the profile signs in as once per session, not for every deprovision', async () => {
    const { fake, services, profileId, other } = await setUp()
    const third = fake.addUser('Cy', 'Third')
    await services.handlers['directory.deprovision']({ profileId, userId: other })
    await services.handlers['directory.deprovision']({ profileId, userId: third })
    expect(fake.calls.filter((call) => call === 'signedInUser')).toEqual(['signedInUser'])
  })
})

describe('the ticket or reason of a deprovision', () => {
  it('is trimmed, journaled with the intent and shown on the entry', async () => {
    const { directory, services, profileId, other } = await setUp()
    const entry = await deprovisionThroughContract(services, { profileId, userId: other, reason: '  INC-4711 leaver  ' })
    expect(entry.reason).toBe('INC-4711 leaver')
    expect(journalOnDisk(directory)[0]).toMatchObject({ kind: 'intent', reason: 'INC-4711 leaver' })
    expect((await services.handlers['journal.get']({ entryId: entry.id })).reason).toBe('INC-4711 leaver')
  })

  it('is absent when none is given, and refused past its length limit, naming the limit', async () => {
    const { directory, services, profileId, other } = await setUp()
    const tooLong = await services.call('directory.deprovision', { profileId, userId: other, reason: 'x'.repeat(501) })
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(tooLong.ok ? '' : tooLong.error.message).toMatch(/500 characters/)
    const entry = await deprovisionThroughContract(services, { profileId, userId: other, reason: '   ' })
    expect(entry.reason).toBeNull()
    expect(journalOnDisk(directory)[0]).not.toHaveProperty('reason')
  })

  it('is found by the Activity search and written in the export', async () => {
    const { services, profileId, other } = await setUp()
    await services.handlers['directory.deprovision']({ profileId, userId: other, reason: 'INC-4711 leaver' })
    expect((await services.handlers['journal.list']({ user: 'inc-4711' })).entries.map((entry) => entry.target.name)).toEqual(['Bob Stone'])
    expect((await services.handlers['journal.list']({ user: 'INC-9999' })).entries).toEqual([])
    const csv = (await services.handlers['journal.export']({ format: 'csv', filter: {} })).content
    expect(csv.split('\r\n')[0]).toContain('Ticket or reason')
    expect(csv).toContain('INC-4711 leaver')
  })
})
