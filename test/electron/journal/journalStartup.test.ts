import { readFileSync, writeFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Journal, NewIntent } from '../../../electron/journal/Journal'
import type { OutcomeStatus } from '../../../shared/journal'
import { outcomeStatuses } from '../../../shared/journal'
import { expectAppError } from '../../support/expectAppError'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { journalPath } from '../directory/directoryHarness'
import { openJournal, profileId, updateIntent } from './journalFixtures'

const newDirectory = useTemporaryDirectories()
const users = ['user-1', 'user-2', 'user-12', 'Ada Lovelace']

type Step =
  | { kind: 'change'; action: 'update' | 'create' | 'deprovision' | 'addMember'; user: number; status: OutcomeStatus | null; inOperation: boolean }
  | { kind: 'undo'; of: number; status: OutcomeStatus | null }
  | { kind: 'settle'; of: number; status: OutcomeStatus }
  | { kind: 'operation' }

const status = fc.option(fc.constantFrom(...outcomeStatuses), { nil: null })
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('change' as const), action: fc.constantFrom('update' as const, 'create' as const, 'deprovision' as const, 'addMember' as const), user: fc.nat(users.length - 1), status, inOperation: fc.boolean() }), weight: 5 },
  fc.record({ kind: fc.constant('undo' as const), of: fc.nat(), status }),
  fc.record({ kind: fc.constant('settle' as const), of: fc.nat(), status: fc.constantFrom(...outcomeStatuses) }),
  fc.record({ kind: fc.constant('operation' as const) }),
)

function intentOf(step: Extract<Step, { kind: 'change' }>, operationId: string | null): NewIntent {
  const user = users[step.user]!
  const id = step.action === 'create' ? '' : user
  const snapshot = { userId: user, userName: user, displayName: user, status: 'ACTIVE', active: true, groups: [{ id: 'g1', name: 'Engineering' }], mode: 'suspend', extra: {} }
  return updateIntent(user, {
    action: step.action,
    target: { objectType: 'users', id, name: user },
    related: step.action === 'addMember' ? { objectType: 'groups', id: 'g1', name: 'Engineering' } : null,
    changes: step.action === 'create' ? [{ attribute: 'userName', before: null, after: user.toLowerCase() }] : step.action === 'update' ? [{ attribute: 'title', before: 'Analyst', after: 'Engineer' }] : [],
    snapshot: step.action === 'deprovision' ? snapshot : null,
    ...(operationId && { operationId }),
  })
}

/** Writes the steps through the journal's own API: every kind of record and every link between them. */
async function record(journal: Journal, steps: Step[]): Promise<{ intents: string[]; operations: string[] }> {
  const intents: string[] = []
  const deprovisions: string[] = []
  const operations: string[] = []
  const outcome = async (intentId: string, status: OutcomeStatus, created: string | null = null) => {
    const steps = status === 'partial' ? [{ name: 'Set the password', status: 'failed' as const, writes: ['password'] }] : []
    const target = created ? { id: `new-${created}`, name: created } : null
    await journal.recordOutcome({ intentId, status, message: `It was ${status}.`, steps, details: { code: status }, reconciled: false, target })
  }
  for (const step of steps) {
    if (step.kind === 'operation') {
      operations.push((await journal.recordOperation({ action: 'offboard', title: `Offboarding ${operations.length}`, undoOf: null })).id)
    } else if (step.kind === 'settle' && intents.length > 0) {
      await outcome(intents[step.of % intents.length]!, step.status)
    } else if (step.kind === 'undo' && deprovisions.length > 0) {
      const undoOf = deprovisions[step.of % deprovisions.length]!
      const intent = await journal.recordIntent(updateIntent('undo', { action: 'undoDeprovision', target: { objectType: 'users', id: 'user-1', name: 'user-1' }, changes: [], undoOf }))
      intents.push(intent.id)
      if (step.status) await outcome(intent.id, step.status)
    } else if (step.kind === 'change') {
      const intent = await journal.recordIntent(intentOf(step, step.inOperation ? (operations.at(-1) ?? null) : null))
      intents.push(intent.id)
      if (step.action === 'deprovision') deprovisions.push(intent.id)
      if (step.status) await outcome(intent.id, step.status, step.action === 'create' && step.status !== 'failed' ? users[step.user]! : null)
    }
  }
  return { intents, operations }
}

/** Everything the journal answers about its contents, to compare two journals by. */
function answers(journal: Journal, { intents, operations }: { intents: string[]; operations: string[] }) {
  return {
    list: journal.list({}),
    pages: [journal.page({ limit: 3 }), journal.page({ outcome: 'partial' }), journal.page({ user: 'user-1' })],
    // A create's id is the one the target answered (`new-…`): found by it too.
    byUser: users.flatMap((user) => [user, `new-${user}`]).map((id) => ({ entries: journal.list({ targetId: id }), undoable: journal.undoableFor(profileId, id) })),
    intents: intents.map((id) => ({ record: journal.intent(id), affected: journal.affectedBy(id), evidence: evidenceOf(journal, id) })),
    operations: operations.map((id) => ({ view: journal.operation(id), record: journal.operationRecord(id), children: journal.childrenOf(id) })),
    unsettled: journal.unsettled(),
  }
}

function evidenceOf(journal: Journal, id: string) {
  const intent = journal.intent(id)
  if (intent.action !== 'create') return null
  const evidence = journal.createEvidence(intent)
  return { knownId: evidence.knownId, claims: users.map((user) => evidence.claimOf(`new-${user}`)), rivals: evidence.rivals }
}

/** A synchronous call as a promise, for expectAppError. */
async function asPromise<T>(call: () => T): Promise<T> {
  return call()
}

function lines(directory: string): string[] {
  return readFileSync(journalPath(directory), 'utf8').split('\n').filter((line) => line !== '')
}

describe('journal start-up', () => {
  it('answers from its index and the records read again exactly as from the records it wrote itself', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const directory = newDirectory()
        const { journal: writer } = await openJournal(directory)
        const written = await record(writer, steps)
        // The writer builds every entry from the records in memory; the reopened journal from its index and the file.
        const { journal: reopened } = await openJournal(directory)
        expect(answers(reopened, written)).toEqual(answers(writer, written))
      }),
      { numRuns: 25 },
    )
  })

  it('leaves a line that is not a record out of the index, as it always did, and verify names it', async () => {
    const directory = newDirectory()
    const { journal: writer } = await openJournal(directory)
    const first = await writer.recordIntent(updateIntent('Ada Lovelace'))
    await writer.recordIntent(updateIntent('Grace Hopper'))
    const content = lines(directory)
    content[0] = content[0]!.replace('"kind":"intent"', '"kind":"intent","note":"added later"')
    writeFileSync(journalPath(directory), content.map((line) => `${line}\n`).join(''))

    const { journal } = await openJournal(directory)
    expect(journal.list({}).map((entry) => entry.target.name)).toEqual(['Grace Hopper'])
    await expectAppError(asPromise(() => journal.entry(first.id)), 'not_found')
    expect((await journal.verify()).problem).toMatchObject({ line: 1 })
  })

  it('leaves a record damaged further in than start-up checks out of lists, refuses it by id with the reason, and verify names it', async () => {
    const directory = newDirectory()
    const { journal: writer } = await openJournal(directory)
    const damaged = await writer.recordIntent(updateIntent('Ada Lovelace'))
    await writer.recordIntent(updateIntent('Grace Hopper'))
    const content = lines(directory)
    // The index's fields are sound; a change's value is not one a journal record can hold.
    content[0] = content[0]!.replace('"after":"Engineer"', '"after":{"not":"a value"}')
    writeFileSync(journalPath(directory), content.map((line) => `${line}\n`).join(''))

    const { journal } = await openJournal(directory)
    expect(journal.list({}).map((entry) => entry.target.name)).toEqual(['Grace Hopper'])
    expect(journal.page({}).entries.map((entry) => entry.target.name)).toEqual(['Grace Hopper'])
    // Both are still unsettled: start-up reconciliation gets the one it can read, and does not fail on the other.
    expect(journal.unsettled().map((intent) => intent.target.name)).toEqual(['Grace Hopper'])
    const error = await expectAppError(asPromise(() => journal.entry(damaged.id)), 'internal')
    expect(error.message).toMatch(/does not have the shape of a journal record: it was edited or damaged\. Use "Verify journal"/)
    expect((await journal.verify()).problem).toMatchObject({ line: 1 })
  })

  it('refuses a record changed on disk after start-up instead of showing what the file says now', async () => {
    const directory = newDirectory()
    const { journal: writer } = await openJournal(directory)
    const ada = await writer.recordIntent(updateIntent('Ada Lovelace'))
    await writer.recordIntent(updateIntent('Ada Lovelace', { changes: [] }))
    const { journal } = await openJournal(directory)
    const [first, second] = lines(directory)
    // The second record, cut to the first one's place, is still valid JSON of the right shape: another record.
    const padded = `${second!.slice(0, -1)}${' '.repeat(first!.length - second!.length)}}`
    writeFileSync(journalPath(directory), `${padded}\n${first}\n`)
    const error = await expectAppError(asPromise(() => journal.entry(ada.id)), 'internal')
    expect(error.message).toMatch(/is no longer the record Lanyard read at start-up: it was edited or damaged/)
  })

  it('checks the last record, which the next one chains onto, and warns when it does not match its hash', async () => {
    const directory = newDirectory()
    const { journal: writer } = await openJournal(directory)
    await writer.recordIntent(updateIntent('Ada Lovelace'))
    await writer.recordIntent(updateIntent('Grace Hopper'))
    const { logger: quiet } = await openJournal(directory)
    expect(quiet.lines.filter((line) => line.level === 'warn')).toEqual([])

    const content = lines(directory)
    content[1] = content[1]!.replace('Grace Hopper', 'Someone Else')
    writeFileSync(journalPath(directory), content.map((line) => `${line}\n`).join(''))
    const { journal, logger } = await openJournal(directory)
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('last record does not match its hash') }))
    // As before, start-up does not refuse the journal: it goes on, and verify names the edited line.
    await journal.recordIntent(updateIntent('Alan Turing'))
    expect((await journal.verify()).problem).toMatchObject({ line: 2, reason: expect.stringContaining('was edited after it was written') })
  })
})
