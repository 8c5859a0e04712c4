import type { Handlers } from '../../shared/contract'
import type { ChangeCompletionService } from '../directory/ChangeCompletionService'
import type { DeprovisionService } from '../directory/DeprovisionService'
import type { Journal } from './Journal'
import type { Reconciliation } from './Reconciliation'
import type { Settling } from './Settling'

type JournalCall = Extract<keyof Handlers, `journal.${string}`>

/** How long `journal.reconciled` waits for start-up reconciliation before answering with what it has. */
export const reconciliationWaitMs = 15_000

/** `journal.*`: thin, input already validated by the contract wrapper. */
export function createJournalHandlers(
  journal: Journal,
  reconciliation: Reconciliation,
  deprovisions: DeprovisionService,
  completions: ChangeCompletionService,
  settling: Settling,
): Pick<Handlers, JournalCall> {
  return {
    'journal.list': async (input) => journal.page(input),
    'journal.get': async ({ entryId }) => journal.entry(entryId),
    'journal.undoableFor': async ({ profileId, userId }) => journal.undoableFor(profileId, userId),
    'journal.verify': () => journal.verify(),
    'journal.export': async ({ format, filter }) => journal.export(format, filter),
    'journal.undo': ({ entryId }) => deprovisions.undo(entryId),
    'journal.operation': async ({ operationId }) => journal.operation(operationId),
    'journal.undoOperation': ({ operationId }) => deprovisions.undoOperation(operationId),
    'journal.complete': (input) => completions.complete(input),
    'journal.reconciled': () => reconciliation.settled(reconciliationWaitMs),
    'journal.settle': ({ entryId }) => settling.settle(entryId),
  }
}
