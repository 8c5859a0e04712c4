import type { Result } from '../../../shared/errors'
import type { JournalEntry, JournalOperation, JournalPage } from '../../../shared/journal'
import { entryFacts, matchesFilter, prepareFilter } from '../../../shared/journalFilter'
import type { FakeAnswers } from '../support/fakeLanyardApi'

let nextNumber = 1

/** A journal entry as main would report it: an applied deprovision of Ada Lovelace unless told otherwise. */
export function journalEntry(overrides: Partial<JournalEntry> = {}): JournalEntry {
  const number = nextNumber++
  return {
    id: `entry-${number}`,
    time: '2026-03-02T09:15:00.000Z',
    actor: 'jdoe',
    action: 'deprovision',
    profileId: 'profile-okta',
    profileName: 'Okta prod',
    connectorId: 'okta',
    target: { objectType: 'users', id: '00u1ada', name: 'Ada Lovelace' },
    related: null,
    summary: 'Suspended Ada Lovelace and kept her 2 groups on record',
    changes: [{ attribute: 'active', before: true, after: false }],
    recorded: { status: 'ACTIVE', groups: ['Engineering', 'Sales'] },
    outcome: {
      status: 'applied',
      time: '2026-03-02T09:15:02.000Z',
      message: 'Suspended.',
      steps: [{ name: 'Suspend user', status: 'applied' }],
      reconciled: false,
      details: {},
    },
    undo: { available: true, reason: null, undoneBy: null },
    undoOf: null,
    completion: null,
    completes: null,
    operationId: null,
    ...overrides,
  }
}

/** A Cognito create of `ada` that stopped at its password step, as the journal reports it. */
export function partialCreateEntry(overrides: Partial<JournalEntry> = {}): JournalEntry {
  return {
    id: 'entry-partial-create',
    time: '2026-11-20T10:00:00.000Z',
    actor: 'helpdesk',
    action: 'create',
    profileId: 'profile-cognito',
    profileName: 'Cognito sandbox',
    connectorId: 'cognito',
    target: { objectType: 'users', id: 'ada', name: 'ada' },
    related: null,
    summary: 'Created ada, part-way',
    changes: [
      { attribute: 'userName', before: null, after: 'ada' },
      { attribute: 'groups', before: null, after: ['admins'] },
    ],
    recorded: null,
    outcome: {
      status: 'partial',
      time: '2026-11-20T10:00:01.000Z',
      message: 'Creating ada did not complete.',
      steps: [
        { name: 'Create ada', status: 'applied' },
        { name: 'Set the password', status: 'failed', message: 'Password did not conform with policy: Password must have symbol characters', writes: ['password'] },
        { name: 'Add to Admins', status: 'not_attempted' },
      ],
      reconciled: false,
      details: {},
    },
    undo: null,
    undoOf: null,
    completion: { available: true, reason: null, completedBy: null, needsPassword: true },
    completes: null,
    operationId: null,
    ...overrides,
  }
}

/** What `journal.complete` answers: the new entry that finished or rolled back `partial`. */
export function completionEntry(partial: JournalEntry, choice: 'finish' | 'rollback'): JournalEntry {
  const finished = choice === 'finish'
  return {
    ...partial,
    id: `entry-${choice}`,
    action: finished || partial.action === 'update' ? 'update' : 'delete',
    summary: finished ? 'Finished the creation of ada' : 'Deleted ada again',
    changes: [],
    outcome: {
      status: 'applied',
      time: '2026-11-20T10:05:00.000Z',
      message: finished ? 'Finished.' : 'Rolled back: ada was deleted again.',
      steps: finished ? [{ name: 'Set the password', status: 'applied' }, { name: 'Add to admins', status: 'applied' }] : [],
      reconciled: false,
      details: {},
    },
    completion: null,
    completes: partial.id,
  }
}

/** `journal.list`'s answer: one page holding `entries`, and no page after it. */
export function onePage(entries: JournalEntry[]): Result<JournalPage> {
  return { ok: true, value: { entries, nextCursor: null } }
}

/** `journal.get` over whatever `entries()` holds now. */
function entryById(entries: () => JournalEntry[]): NonNullable<FakeAnswers['journal.get']> {
  return ({ entryId }) => {
    const entry = entries().find((candidate) => candidate.id === entryId)
    return entry ? { ok: true, value: entry } : { ok: false, error: { code: 'not_found', message: 'This journal entry does not exist.' } }
  }
}

/** Main's journal reads over whatever `entries()` holds now: the list as one page, and one entry by id. */
export function fakeJournal(entries: () => JournalEntry[]): Pick<FakeAnswers, 'journal.list' | 'journal.get'> {
  return {
    'journal.list': () => onePage(entries()),
    'journal.get': entryById(entries),
  }
}

/** An operation record as main keeps it, without its children (the fake journal gathers them). */
export type OperationRecord = Omit<JournalOperation, 'entries'>

/** Dana Lee offboarded in four profiles at 10:00: three accounts done, GoToMeeting failed. */
export function danaOffboarding(operationId = 'op-dana'): { operation: OperationRecord; entries: JournalEntry[] } {
  const dana = (id: string, profileName: string, connectorId: JournalEntry['connectorId'], minute: number, overrides: Partial<JournalEntry> = {}) =>
    journalEntry({
      id,
      time: `2026-11-20T10:00:0${minute}.000Z`,
      profileId: `profile-${connectorId}`,
      profileName,
      connectorId,
      target: { objectType: 'users', id: `${connectorId}-dana`, name: 'Dana Lee' },
      summary: `Deprovisioned Dana Lee in ${profileName}`,
      recorded: { status: 'ACTIVE', groups: ['Support'] },
      operationId,
      ...overrides,
    })
  const entries = [
    dana(`${operationId}-goto`, 'GoTo prod', 'gotomeeting', 4, {
      outcome: { status: 'failed', time: '2026-11-20T10:00:05.000Z', message: 'GoToMeeting refused the change.', steps: [], reconciled: false, details: {} },
      undo: { available: false, reason: 'The deprovision failed, so there is nothing to undo.', undoneBy: null },
    }),
    dana(`${operationId}-coupa`, 'Coupa prod', 'coupa', 3),
    dana(`${operationId}-cognito`, 'Cognito prod', 'cognito', 2),
    dana(`${operationId}-okta`, 'Okta prod', 'okta', 1),
  ]
  const operation: OperationRecord = {
    id: operationId,
    time: '2026-11-20T10:00:00.000Z',
    actor: 'helpdesk',
    action: 'offboard',
    title: 'Offboarding of Dana Lee',
    undoOf: null,
    undo: { available: true, reason: null, undoneBy: null, undoable: 3 },
  }
  return { operation, entries }
}

/**
 * Main's journal over `entries()` and `operations()`: the list filtered as main filters it (one
 * page, or pages of `pageSize`), one entry by id, and an operation with its children in the order made.
 */
export function fakeJournalWithOperations(
  entries: () => JournalEntry[],
  operations: () => OperationRecord[],
  pageSize = 500,
): Pick<FakeAnswers, 'journal.list' | 'journal.get' | 'journal.operation'> {
  return {
    'journal.list': ({ cursor, limit: _limit, ...filter }) => {
      const prepared = prepareFilter(filter)
      const matching = entries().filter((entry) => matchesFilter(entryFacts(entry), prepared))
      const start = cursor ? Number(cursor) : 0
      const end = start + pageSize
      return { ok: true, value: { entries: matching.slice(start, end), nextCursor: end < matching.length ? String(end) : null } }
    },
    'journal.operation': ({ operationId }) => {
      const record = operations().find((candidate) => candidate.id === operationId)
      if (!record) return { ok: false, error: { code: 'not_found', message: 'This operation does not exist.' } }
      const children = entries().filter((entry) => entry.operationId === operationId).reverse()
      return { ok: true, value: { ...record, entries: children } }
    },
    'journal.get': entryById(entries),
  }
}
