import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Journal, NewIntent } from '../../../electron/journal/Journal'
import { genesisHash, hashOf, recordLine, type JournalRecord } from '../../../electron/journal/journalRecord'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { journalPath } from '../directory/directoryHarness'
import { openJournal, updateIntent } from './journalFixtures'

const newDirectory = useTemporaryDirectories()

/** Lines as a Lanyard before operations wrote them: no `v`, chained from the genesis value. */
function formatOneLines(bodies: Record<string, unknown>[]): string {
  let prevHash = genesisHash
  return bodies
    .map((fields, index) => {
      const body = { seq: index + 1, id: `old-${index + 1}`, time: `2026-10-0${index + 1}T09:00:00.000Z`, prevHash, ...fields }
      const record = { ...body, hash: hashOf(body) } as JournalRecord
      prevHash = record.hash
      return recordLine(record)
    })
    .join('')
}

const oldUpdate = { kind: 'intent', actor: 'helpdesk.bob', ...updateIntent('Ada Lovelace') }
const oldOutcome = { kind: 'outcome', intentId: 'old-1', status: 'applied', message: 'Done.', steps: [], details: {}, reconciled: false, target: null }

function deprovisionOf(userId: string, operationId?: string): NewIntent {
  const snapshot = { userId, userName: userId, displayName: userId, status: 'ACTIVE', active: true, groups: [], mode: 'suspend', extra: {} }
  return updateIntent(userId, { action: 'deprovision', target: { objectType: 'users', id: userId, name: userId }, changes: [], snapshot, ...(operationId && { operationId }) })
}

async function applied(journal: Journal, intent: NewIntent, status: 'applied' | 'failed' = 'applied') {
  const record = await journal.recordIntent(intent)
  await journal.recordOutcome({ intentId: record.id, status, message: 'Done.', steps: [], details: {}, reconciled: false, target: null })
  return record.id
}

describe('journal record formats', () => {
  it('reads and verifies a format-1 journal, and continues its chain in format 2 with operations', async () => {
    const directory = newDirectory()
    writeFileSync(journalPath(directory), formatOneLines([oldUpdate, oldOutcome]))
    const { journal } = await openJournal(directory)
    expect(await journal.verify()).toEqual({ intact: true, records: 2, problem: null })

    const operation = await journal.recordOperation({ action: 'offboard', title: 'Offboarding of ada', undoOf: null })
    await applied(journal, deprovisionOf('ada', operation.id))
    expect(await journal.verify()).toEqual({ intact: true, records: 5, problem: null })
    const written = readFileSync(journalPath(directory), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { v?: number })
    expect(written.map((record) => record.v)).toEqual([undefined, undefined, 2, 2, 2])

    const { journal: restarted } = await openJournal(directory)
    expect(await restarted.verify()).toEqual({ intact: true, records: 5, problem: null })
    expect(restarted.list({}).map((entry) => [entry.summary, entry.operationId])).toEqual([
      ['Suspended ada (kept 0 groups on record)', operation.id],
      ['Changed the title of Ada Lovelace', null],
    ])
  })

  it('refuses an operation in a format-1 record, and a format it does not know, naming the line', async () => {
    const operationInOldFormat = newDirectory()
    writeFileSync(journalPath(operationInOldFormat), formatOneLines([oldUpdate, { ...oldOutcome }, { ...oldUpdate, operationId: 'op-1' }]))
    const { journal } = await openJournal(operationInOldFormat)
    expect((await journal.verify()).problem).toEqual({ line: 3, reason: expect.stringContaining('holds an operation in a format-1 record') })

    const newer = newDirectory()
    writeFileSync(journalPath(newer), formatOneLines([{ ...oldUpdate, v: 3 }]))
    const { journal: fromTheFuture } = await openJournal(newer)
    expect((await fromTheFuture.verify()).problem).toEqual({ line: 1, reason: expect.stringContaining('format 3') })
  })
})

describe('operations', () => {
  it('lists an operation’s changes, pages them by operation, and says how many undo would undo', async () => {
    const { journal } = await openJournal(newDirectory())
    const operation = await journal.recordOperation({ action: 'bulk', title: 'Leavers of November', undoOf: null })
    await applied(journal, deprovisionOf('ada', operation.id))
    await applied(journal, updateIntent('Unrelated'))
    await applied(journal, deprovisionOf('grace', operation.id), 'failed')
    await applied(journal, deprovisionOf('alan', operation.id))

    const view = journal.operation(operation.id)
    expect(view).toMatchObject({ id: operation.id, action: 'bulk', title: 'Leavers of November', actor: 'helpdesk.anna', undoOf: null })
    expect(view.entries.map((entry) => entry.target.name)).toEqual(['ada', 'grace', 'alan'])
    expect(view.undo).toEqual({ available: true, reason: null, undoneBy: null, undoable: 2 })
    expect(journal.page({ operationId: operation.id, limit: 2 }).entries.map((entry) => entry.target.name)).toEqual(['alan', 'grace'])
    expect(journal.list({ operationId: operation.id, outcome: 'failed' }).map((entry) => entry.target.name)).toEqual(['grace'])
  })

  it('has nothing to undo without an undoable change, and names an unknown operation', async () => {
    const { journal } = await openJournal(newDirectory())
    const empty = await journal.recordOperation({ action: 'bulk', title: 'Nothing yet', undoOf: null })
    expect(journal.operation(empty.id).undo).toMatchObject({ available: false, reason: 'This operation made no changes, so there is nothing to undo.' })
    const failed = await journal.recordOperation({ action: 'bulk', title: 'All failed', undoOf: null })
    await applied(journal, deprovisionOf('grace', failed.id), 'failed')
    expect(journal.operation(failed.id).undo.reason).toContain('The deprovision did not happen')
    expect(() => journal.operation('no-such-operation')).toThrowError('This operation is not in the journal')
  })
})
