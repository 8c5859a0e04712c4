import type { Handlers } from '../../shared/contract'
import type { Journal } from './Journal'

/** The journal's queries; the calls that change something through it are `changes/changeHandlers.ts`. */
type JournalQuery = 'journal.list' | 'journal.get' | 'journal.undoableFor' | 'journal.unsettledFor' | 'journal.verify' | 'journal.export' | 'journal.operation'

/** `journal.*` reads: thin, input already validated by the contract wrapper. */
export function createJournalHandlers(journal: Journal): Pick<Handlers, JournalQuery> {
  return {
    'journal.list': async (input) => journal.page(input),
    'journal.get': async ({ entryId }) => journal.entry(entryId),
    'journal.undoableFor': async ({ profileId, userId }) => journal.undoableFor(profileId, userId),
    'journal.unsettledFor': async ({ profileId, userId }) => journal.unsettledFor(profileId, userId),
    'journal.verify': () => journal.verify(),
    'journal.export': async ({ format, filter }) => journal.export(format, filter),
    'journal.operation': async ({ operationId }) => journal.operation(operationId),
  }
}
