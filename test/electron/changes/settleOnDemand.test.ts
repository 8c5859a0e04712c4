import { describe, expect, it } from 'vitest'
import { AppError } from '../../../electron/errors/AppError'
import { FakeDirectory } from '../../support/fakeConnector'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addOktaProfile, startServices } from '../directory/directoryHarness'

/*
 * Settling through the services (issue 11, defect 10): a change whose answer was lost is settled
 * in the background, after the next call to its profile that succeeds, and by `journal.settle`
 * (Check now) — and undo no longer waits for a restart.
 */

const newDirectory = useTemporaryDirectories()

async function withLostDeprovision(settlingBackoff = { firstMs: 1, maxMs: 4, attempts: 3 }) {
  const fake = new FakeDirectory()
  const services = await startServices(newDirectory(), { fake, settlingBackoff })
  const profileId = await addOktaProfile(services)
  const ada = fake.addUser('Ada', 'Lovelace')
  // The suspension happens, but its answer is lost on the way back.
  fake.onCall = (method) => {
    if (method !== 'deprovision') return
    fake.objects.get(ada)!.status = 'SUSPENDED'
    throw new AppError('network', 'The connection was reset.')
  }
  await expect(services.handlers['directory.deprovision']({ profileId: profileId, userId: ada })).rejects.toMatchObject({ code: 'network' })
  fake.onCall = null
  const [entry] = (await services.handlers['journal.list']({ action: 'deprovision' })).entries
  return { services, fake, profileId, ada, entry: entry! }
}

async function entryNow(services: Awaited<ReturnType<typeof startServices>>, entryId: string) {
  return (await services.handlers['journal.list']({})).entries.find((entry) => entry.id === entryId)!
}

describe('settling without a restart', () => {
  it('settles a deprovision whose answer was lost in the background, and offers undo', async () => {
    const { services, entry } = await withLostDeprovision()
    expect(entry.outcome.status).toBe('pending')
    let now = await entryNow(services, entry.id)
    for (let wait = 0; wait < 1000 && now.outcome.status === 'pending'; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 2))
      now = await entryNow(services, entry.id)
    }
    expect(now.outcome).toMatchObject({ status: 'applied', reconciled: true, message: 'Ada Lovelace is SUSPENDED (was ACTIVE): the deprovision took effect.' })
    expect(now.undo).toEqual({ available: true, reason: null, undoneBy: null })
    await services.close()
  })

  it('settles it on demand with journal.settle (Check now), reading the target once', async () => {
    const { services, fake, entry } = await withLostDeprovision({ firstMs: 1, maxMs: 1, attempts: 0 })
    fake.calls.length = 0
    const settled = await services.call('journal.settle', { entryId: entry.id })
    expect(settled).toMatchObject({ ok: true, value: { id: entry.id, outcome: { status: 'applied', reconciled: true }, undo: { available: true } } })
    expect(fake.calls).toEqual(['readDeprovisionSnapshot'])
    expect(await services.call('journal.settle', { entryId: 'no-such-entry' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await services.call('journal.settle', { entryId: entry.id, extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    await services.close()
  })

  it('settles it once another call to the same profile succeeds', async () => {
    const { services, profileId, entry } = await withLostDeprovision({ firstMs: 1, maxMs: 1, attempts: 0 })
    expect((await entryNow(services, entry.id)).outcome.status).toBe('pending')
    await services.handlers['directory.list']({ profileId: profileId, objectType: 'users', search: '', pageSize: 10 })
    let now = await entryNow(services, entry.id)
    for (let wait = 0; wait < 1000 && now.outcome.status === 'pending'; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 2))
      now = await entryNow(services, entry.id)
    }
    expect(now.outcome.status).toBe('applied')
    await services.close()
  })
})
