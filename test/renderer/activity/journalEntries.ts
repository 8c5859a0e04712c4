import type { JournalEntry } from '../../../shared/journal'

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
    ...overrides,
  }
}
