import { describe, expect, it } from 'vitest'
import type { Journal } from '../../../electron/journal/Journal'
import type { JournalListInput, OutcomeStatus } from '../../../shared/journal'
import { expectAppError } from '../../support/expectAppError'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { openJournal, profileId, updateIntent } from './journalFixtures'

const newDirectory = useTemporaryDirectories()
const otherProfileId = '2f1c4f7e-5d4e-4b0e-9a57-0c0ffee00002'

async function change(journal: Journal, intent: Parameters<Journal['recordIntent']>[0], status: OutcomeStatus = 'applied', answered: { id: string; name: string } | null = null) {
  const record = await journal.recordIntent(intent)
  if (status !== 'pending') await journal.recordOutcome({ intentId: record.id, status, message: 'Done.', steps: [], details: {}, reconciled: false, target: answered })
  return record.id
}

function deprovisionOf(userId: string, overrides: Partial<Parameters<Journal['recordIntent']>[0]> = {}) {
  const snapshot = { userId, userName: userId, displayName: userId, status: 'ACTIVE', active: true, groups: [], mode: 'suspend', extra: {} }
  return updateIntent(userId, { action: 'deprovision', target: { objectType: 'users', id: userId, name: `Person ${userId}` }, changes: [], snapshot, ...overrides })
}

/** Every page of a query, read by following nextCursor: the ids page by page. */
function pages(journal: Journal, input: JournalListInput): string[][] {
  const result: string[][] = []
  let cursor: string | undefined
  do {
    const page = journal.page({ ...input, cursor })
    result.push(page.entries.map((entry) => entry.target.name))
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return result
}

describe('journal queries', () => {
  it('pages newest first with an opaque cursor, every entry once, the last page without a cursor', async () => {
    const { journal } = await openJournal(newDirectory())
    for (const name of ['A', 'B', 'C', 'D', 'E']) await change(journal, updateIntent(name))
    expect(pages(journal, { limit: 2 })).toEqual([['E', 'D'], ['C', 'B'], ['A']])
    expect(pages(journal, { limit: 5 })).toEqual([['E', 'D', 'C', 'B', 'A']])
  })

  it('pages a filtered list by profile, outcome and exact target', async () => {
    const { journal } = await openJournal(newDirectory())
    await change(journal, updateIntent('A'))
    await change(journal, updateIntent('B', { profileId: otherProfileId }), 'failed')
    await change(journal, updateIntent('C'), 'failed')
    await change(journal, updateIntent('D'), 'pending')
    await change(journal, updateIntent('E'), 'failed')
    expect(pages(journal, { profileId, outcome: 'failed', limit: 1 })).toEqual([['E'], ['C']])
    expect(pages(journal, { outcome: 'pending' })).toEqual([['D']])
    expect(pages(journal, { profileId: otherProfileId })).toEqual([['B']])
    expect(pages(journal, { targetId: '00u-c' })).toEqual([['C']])
  })

  it('finds a user by exact id, not every id that contains it, including a create whose id the target gave', async () => {
    const { journal } = await openJournal(newDirectory())
    await change(journal, deprovisionOf('user-42'))
    await change(journal, deprovisionOf('user-420'))
    await change(journal, updateIntent('New person', { action: 'create', target: { objectType: 'users', id: '', name: 'New person' } }), 'applied', { id: 'user-42', name: 'New person' })
    expect(journal.list({ targetId: 'user-42' }).map((entry) => entry.target.name)).toEqual(['New person', 'Person user-42'])
    expect(journal.list({ user: 'user-42' })).toHaveLength(3)
  })

  it('answers the undoable deprovision of a (profile, user) by exact ids, newest first', async () => {
    const { journal } = await openJournal(newDirectory())
    const older = await change(journal, deprovisionOf('user-42'))
    const newer = await change(journal, deprovisionOf('user-42'))
    await change(journal, deprovisionOf('user-420'))
    await change(journal, deprovisionOf('user-42', { profileId: otherProfileId }))
    await change(journal, deprovisionOf('user-7'), 'failed')
    expect(journal.undoableFor(profileId, 'user-42')?.id).toBe(newer)
    await change(journal, deprovisionOf('user-42', { action: 'undoDeprovision', undoOf: newer }))
    expect(journal.undoableFor(profileId, 'user-42')?.id).toBe(older)
    expect(journal.undoableFor(profileId, 'user-4')).toBeNull()
    expect(journal.undoableFor(profileId, 'user-7')).toBeNull()
  })

  it('gets one entry by id, and names an unknown one', async () => {
    const { journal } = await openJournal(newDirectory())
    const id = await change(journal, updateIntent('Ada Lovelace'))
    expect(journal.entry(id)).toMatchObject({ id, summary: 'Changed the title of Ada Lovelace' })
    expect(() => journal.entry('no-such-entry')).toThrowError('This journal entry does not exist')
  })

  it('refuses a cursor it did not give, saying to start again', async () => {
    const { journal } = await openJournal(newDirectory())
    const error = await expectAppError(Promise.resolve().then(() => journal.page({ cursor: 'not-a-cursor' })), 'invalid_input')
    expect(error.message).toContain('Load the list again from its first page')
  })

  it('rebuilds the same index from the file at the next start', async () => {
    const directory = newDirectory()
    const { journal } = await openJournal(directory)
    const deprovision = await change(journal, deprovisionOf('user-42'))
    await change(journal, updateIntent('B'), 'failed')
    await change(journal, updateIntent('New person', { action: 'create', target: { objectType: 'users', id: '', name: 'New person' } }), 'applied', { id: '00u-new', name: 'New person' })
    const { journal: restarted } = await openJournal(directory)
    expect(pages(restarted, { limit: 2 })).toEqual(pages(journal, { limit: 2 }))
    expect(restarted.undoableFor(profileId, 'user-42')?.id).toBe(deprovision)
    expect(restarted.list({ targetId: '00u-new' }).map((entry) => entry.target.name)).toEqual(['New person'])
  })
})

describe('unsettled changes', () => {
  it('are the intents whose latest outcome is missing or pending, oldest first, as appended and as reopened', async () => {
    const directory = newDirectory()
    const { journal } = await openJournal(directory)
    const outcome = (intentId: string, status: OutcomeStatus) =>
      journal.recordOutcome({ intentId, status, message: 'Checked.', steps: [], details: {}, reconciled: true, target: null })
    const settled = await change(journal, updateIntent('Settled'))
    const toldLater = await change(journal, updateIntent('Told later'), 'pending')
    const unknownAgain = await change(journal, updateIntent('Unknown again'), 'undetermined')
    const lost = await change(journal, updateIntent('Lost'), 'pending')
    await outcome(toldLater, 'pending')
    await outcome(toldLater, 'applied')
    // "Could not tell", then "could not be checked": pending again, and still in its place by seq.
    await outcome(unknownAgain, 'pending')
    const expected = [unknownAgain, lost]
    expect(journal.unsettled().map((intent) => intent.id)).toEqual(expected)
    expect((await openJournal(directory)).journal.unsettled().map((intent) => intent.id)).toEqual(expected)
    expect(expected).not.toContain(settled)
  })
})
