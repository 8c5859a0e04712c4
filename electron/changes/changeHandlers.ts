import type { Handlers } from '../../shared/contract'
import type { ChangeCompletionService } from './ChangeCompletionService'
import type { DeprovisionService } from './DeprovisionService'
import type { Reconciliation } from './Reconciliation'
import type { Settling } from './Settling'

/** The journal calls that change something: undo, completion and settling of recorded changes. */
type ChangeCall = 'journal.undo' | 'journal.undoOperation' | 'journal.complete' | 'journal.finishDeprovision' | 'journal.reconciled' | 'journal.settle'

/** How long `journal.reconciled` waits for start-up reconciliation before answering with what it has. */
export const reconciliationWaitMs = 15_000

/** Thin, input already validated by the contract wrapper. */
export function createChangeHandlers(
  reconciliation: Reconciliation,
  deprovisions: DeprovisionService,
  completions: ChangeCompletionService,
  settling: Settling,
): Pick<Handlers, ChangeCall> {
  return {
    'journal.undo': ({ entryId }) => deprovisions.undo(entryId),
    'journal.undoOperation': ({ operationId }) => deprovisions.undoOperation(operationId),
    'journal.complete': (input) => completions.complete(input),
    'journal.finishDeprovision': ({ entryId }) => deprovisions.finishDeprovision(entryId),
    'journal.reconciled': () => reconciliation.settled(reconciliationWaitMs),
    'journal.settle': ({ entryId }) => settling.settle(entryId),
  }
}
