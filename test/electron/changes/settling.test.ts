import { describe, expect, it } from 'vitest'
import type { Connector } from '../../../electron/connectors/Connector'
import { Settling, type SettlingBackoff } from '../../../electron/changes/Settling'
import { AppError } from '../../../electron/errors/AppError'
import { FakeDirectory } from '../../support/fakeConnector'
import { createRecordingLogger } from '../../support/recordingLogger'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { openJournal, profileId, updateIntent } from '../journal/journalFixtures'

/*
 * Background and on-demand settling (issue 11, defect 10): a change whose answer was lost is
 * checked as soon as the target answers, without a restart, and never in bursts.
 */

const newDirectory = useTemporaryDirectories()

async function settlingWith(backoff: SettlingBackoff = { firstMs: 1, maxMs: 4, attempts: 3 }) {
  const { journal } = await openJournal(newDirectory())
  const fake = new FakeDirectory()
  const connector: Connector = fake.factory('okta')({ profileId, profileName: 'Okta prod', environment: 'sandbox', values: {}, secrets: {}, logger: createRecordingLogger() })
  const emitted: string[] = []
  const settling = new Settling({ journal, connectorFor: async () => connector, logger: createRecordingLogger(), emit: (event, payload) => void (event === 'journal.appended' && emitted.push((payload as { entryId: string }).entryId)), backoff })
  const ada = fake.addUser('Ada', 'Lovelace', { title: 'Engineer' })
  /** A title change whose answer was lost: the intent, no outcome. */
  const lostUpdate = async (id = ada) => (await journal.recordIntent(updateIntent('Ada Lovelace', { target: { objectType: 'users', id, name: 'Ada Lovelace' } }))).id
  const lostCreate = async () =>
    (await journal.recordIntent(updateIntent('Grace Hopper', { action: 'create', target: { objectType: 'users', id: '', name: 'Grace Hopper' }, changes: [{ attribute: 'userName', before: null, after: 'grace.hopper@example.com' }] }))).id
  const untilQuiet = async () => {
    while (settling.busy) await new Promise((resolve) => setTimeout(resolve, 1))
  }
  const reads = () => fake.calls.filter((call) => call.startsWith('get') || call.startsWith('list')).length
  return { journal, fake, settling, emitted, ada, lostUpdate, lostCreate, untilQuiet, reads }
}

describe('settling in the background and on demand', () => {
  it('settles a change that ended pending as soon as the target answers, without a restart', async () => {
    const { journal, settling, emitted, lostUpdate, untilQuiet } = await settlingWith()
    const entryId = await lostUpdate()
    settling.watch(entryId)
    await untilQuiet()
    expect(journal.entry(entryId).outcome).toMatchObject({ status: 'applied', reconciled: true, message: 'The target holds the new values.' })
    expect(emitted).toEqual([entryId])
  })

  it('checks a failing target a bounded number of times, one check at a time, and writes the reason once', async () => {
    const { journal, fake, settling, lostUpdate, untilQuiet, reads } = await settlingWith({ firstMs: 1, maxMs: 4, attempts: 3 })
    fake.onCall = (method) => {
      if (method === 'get') throw new AppError('network', 'Okta could not be reached.')
    }
    const entryId = await lostUpdate()
    // Told twice (the change, then a retry of the same entry): still one chain of checks.
    settling.watch(entryId)
    settling.watch(entryId)
    await untilQuiet()
    expect(reads()).toBe(3)
    expect(journal.entry(entryId).outcome).toMatchObject({ status: 'pending', reconciled: true, message: expect.stringContaining('Okta could not be reached.') })
    expect((await journal.verify()).records).toBe(2)
  })

  it('shares one check between two Check nows of the same entry', async () => {
    const { fake, settling, lostCreate, reads } = await settlingWith()
    const entryId = await lostCreate()
    const release = fake.holdLists()
    const first = settling.settle(entryId)
    const second = settling.settle(entryId)
    release()
    const [one, two] = await Promise.all([first, second])
    expect(one.outcome.status).toBe('failed')
    expect(two).toEqual(one)
    expect(reads()).toBe(1)
    // Settled: a third Check now answers from the journal without reading the target.
    await settling.settle(entryId)
    expect(reads()).toBe(1)
  })

  it('checks the pending changes of a profile once a call to it succeeded', async () => {
    const { journal, settling, lostUpdate, untilQuiet } = await settlingWith({ firstMs: 1, maxMs: 1, attempts: 0 })
    const entryId = await lostUpdate()
    settling.watch(entryId)
    expect(settling.busy).toBe(false)
    settling.profileAnswered('another-profile')
    expect(settling.busy).toBe(false)
    settling.profileAnswered(profileId)
    await untilQuiet()
    expect(journal.entry(entryId).outcome.status).toBe('applied')
  })

  it('cuts the check under way short when the app closes, records nothing and starts no other', async () => {
    const { journal, fake, settling, lostCreate, lostUpdate } = await settlingWith({ firstMs: 1, maxMs: 1, attempts: 5 })
    fake.holdLists()
    const held = await lostCreate()
    const waiting = await lostUpdate()
    const check = settling.settle(held)
    settling.watch(waiting)
    await settling.close()
    expect((await check).outcome.status).toBe('pending')
    settling.watch(waiting)
    expect(settling.busy).toBe(false)
    expect(journal.unsettled().map((intent) => intent.id)).toEqual([held, waiting])
    expect(journal.entry(held).outcome.reconciled).toBe(false)
  })
})
