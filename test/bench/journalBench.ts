import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Journal } from '../../electron/journal/Journal'
import { journalFileName } from '../../electron/journal/JournalFile'
import { genesisHash, hashOf, recordLine, type IntentFields, type JournalRecord, type OutcomeFields } from '../../electron/journal/journalRecord'
import { createRecordingLogger } from '../support/recordingLogger'
import { collectGarbage, megabytes, milliseconds, withPeakMemory, type BenchRow } from './benchTable'

const profiles = ['okta-prod', 'okta-test', 'cognito-prod', 'coupa-prod'].map((name) => `2f1c4f7e-5d4e-4b0e-9a57-${name.padStart(12, '0').slice(-12)}`)
const actions = ['update', 'addMember', 'removeMember', 'deprovision', 'create'] as const

/**
 * The journal with `count` changes (an intent and an outcome each, a valid hash chain), written
 * straight to a file: start-up (read, check, index) with the heap it keeps and its peak, the
 * first Activity page right after it (its records read from the file), a per-user lookup by exact
 * id and by text, the undoable deprovision of a user, and the first and a deep Activity page
 * (timed again: the median of five). Figures only.
 */
export async function benchJournal(count: number): Promise<BenchRow[]> {
  const directory = await mkdtemp(join(tmpdir(), 'lanyard-journal-bench-'))
  try {
    const text = journalText(count)
    await writeFile(join(directory, journalFileName), text)
    const heapBefore = heapAfterCollection()
    const started = performance.now()
    const { value: journal, peakHeap } = await withPeakMemory(() => Journal.open({ directory, logger: createRecordingLogger(), actor: 'bench', profileExists: () => true }))
    const opened = performance.now() - started
    const indexHeap = heapAfterCollection() - heapBefore
    const firstPageStarted = performance.now()
    const firstPage = journal.page({})
    const firstPageTime = performance.now() - firstPageStarted
    // Deprovisioned in the first profile every 20th change; its text also matches user-80…89, user-800…
    const user = 'user-8'
    const rows: BenchRow[] = [
      row(
        `Journal: start-up, ${count.toLocaleString('en')} changes read and indexed`,
        opened,
        `file ${megabytes(Buffer.byteLength(text))}; heap kept ${megabytes(Math.max(0, indexHeap))}, peak +${megabytes(Math.max(0, peakHeap - heapBefore))}`,
      ),
      row('Journal: first Activity page right after start-up (50)', firstPageTime, `${firstPage.entries.length} entries`),
      timed(`Journal: one user's entries by exact id (first page)`, () => journal.page({ targetId: user }), (page) => `${page.entries.length} entries`),
      timed(`Journal: one user's entries by text "${user}" (first page)`, () => journal.page({ user }), (page) => `${page.entries.length} entries (ids containing the text too)`),
      timed(`Journal: the undoable deprovision of one user`, () => journal.undoableFor(profiles[0]!, user), (entry) => (entry ? 'found' : 'none')),
      timed('Journal: first Activity page (50, no filter)', () => journal.page({}), (page) => `${sizeOf(page)} as sent`),
      timed('Journal: first Activity page, one profile, failed only', () => journal.page({ profileId: profiles[1], outcome: 'failed' }), (page) => `${page.entries.length} entries`),
    ]
    const deep = deepCursor(journal, 100)
    rows.push(timed('Journal: page 100 of the Activity list', () => journal.page({ cursor: deep }), (page) => `${page.entries.length} entries`))
    return rows
  } finally {
    await rm(directory, { recursive: true, force: true })
  }
}

/** Times `work` after one warm-up run, reporting the median of five. */
function timed<T>(benchmark: string, work: () => T, describe: (value: T) => string): BenchRow {
  work()
  const times: number[] = []
  let value = work()
  for (let run = 0; run < 5; run++) {
    const started = performance.now()
    value = work()
    times.push(performance.now() - started)
  }
  times.sort((left, right) => left - right)
  return row(benchmark, times[2]!, describe(value))
}

function row(benchmark: string, elapsed: number, notes: string): BenchRow {
  return { benchmark, measured: elapsed < 10 ? `${elapsed.toFixed(2)} ms` : milliseconds(elapsed), bound: '–', ratio: '–', notes }
}

function deepCursor(journal: Journal, pages: number): string | undefined {
  let cursor: string | undefined
  for (let page = 1; page < pages; page++) cursor = journal.page({ cursor }).nextCursor ?? undefined
  return cursor
}

function journalText(count: number): string {
  const lines: string[] = []
  let seq = 0
  let prevHash = genesisHash
  const start = Date.parse('2026-01-01T00:00:00.000Z')
  // Shaped like the ids Lanyard writes (randomUUID): their length is part of what the index keeps.
  const uuid = (kind: number, serial: number) => `00000000-0000-4000-800${kind}-${String(serial).padStart(12, '0')}`
  const append = (fields: IntentFields | OutcomeFields, id: string, time: number) => {
    const body = { seq: ++seq, id, time: new Date(time).toISOString(), prevHash, ...fields }
    const record = { ...body, hash: hashOf(body) } as JournalRecord
    prevHash = record.hash
    lines.push(recordLine(record))
  }
  for (let change = 0; change < count; change++) {
    const time = start + change * 60_000
    const action = actions[change % actions.length]!
    const userId = `user-${change % 1000}`
    const intentId = uuid(1, change)
    const snapshot =
      action === 'deprovision'
        ? { userId, userName: userId, displayName: `Person ${userId}`, status: 'ACTIVE', active: true, groups: [{ id: 'g1', name: 'Engineering' }], mode: 'suspend', extra: {} }
        : null
    append(
      {
        kind: 'intent',
        action,
        actor: 'bench',
        profileId: profiles[change % profiles.length]!,
        profileName: 'Okta prod',
        connectorId: 'okta',
        target: { objectType: 'users', id: action === 'create' ? '' : userId, name: `Person ${userId}` },
        related: action === 'addMember' || action === 'removeMember' ? { objectType: 'groups', id: 'g1', name: 'Engineering' } : null,
        changes: action === 'update' ? [{ attribute: 'title', before: 'Analyst', after: 'Engineer' }] : [],
        snapshot,
        undoOf: null,
      },
      intentId,
      time,
    )
    const status = change % 17 === 0 ? 'failed' : 'applied'
    const target = action === 'create' ? { id: `new-${change}`, name: `Person ${userId}` } : null
    append({ kind: 'outcome', intentId, status, message: 'Done.', steps: [], details: {}, reconciled: false, target }, uuid(2, change), time + 1000)
  }
  return lines.join('')
}

function sizeOf(value: unknown): string {
  return `${(JSON.stringify(value).length / 1024).toFixed(0)} KB`
}

/** After a full collection, so the figure is what is kept, not what is waiting to be collected. */
function heapAfterCollection(): number {
  collectGarbage()
  return process.memoryUsage().heapUsed
}
