import type { JournalOperation, OperationUndoState } from '../../shared/journal'
import { readableTime, type EntryContext, type JournalIndex } from './journalEntries'
import type { IndexedOperation } from './recordSummary'

/** An operation as the renderer sees it: its record, its changes in the order made, and its undo state. */
export function operationView(index: JournalIndex, operation: IndexedOperation, context: EntryContext): JournalOperation {
  return {
    id: operation.id,
    time: operation.time,
    actor: operation.actor,
    action: operation.action,
    title: operation.title,
    undoOf: operation.undoOf,
    reason: operation.reason ?? null,
    entries: index.readableEntries(index.childrenOf(operation.id), context),
    undo: operationUndoState(index, operation, context),
  }
}

/**
 * Undo applies to an operation while any of its changes can still be undone (each by the same
 * rule as its own Undo button); the undo of an operation undoes just those. When none can, the
 * reason is the operation's own undo that did it, or the first child's reason.
 */
export function operationUndoState(index: JournalIndex, operation: IndexedOperation, context: EntryContext): OperationUndoState {
  const refuse = (reason: string, undoneBy: string | null = null) => ({ available: false, reason, undoneBy, undoable: 0 })
  if (operation.action === 'undo') return refuse('This is itself an undo; its changes are undone one by one from their entries.')
  const children = index.childrenOf(operation.id)
  if (children.length === 0) return refuse('This operation made no changes, so there is nothing to undo.')
  // A deprovision's finish is undone with the deprovision it finishes: counted once.
  const states = children.map((child) => (child.action === 'deprovision' && !child.completes ? index.undoState(child, context) : null))
  const undoable = states.filter((state) => state?.available).length
  if (undoable > 0) return { available: true, reason: null, undoneBy: null, undoable }
  const lastUndo = index.undosOfOperation(operation.id).at(-1)
  if (lastUndo && states.some((state) => state?.undoneBy)) {
    return refuse(`Already undone on ${readableTime(lastUndo.time)} by ${lastUndo.actor}.`, lastUndo.id)
  }
  const firstReason = states.find((state) => state?.reason)?.reason
  return refuse(firstReason ? `None of its changes can be undone now. ${firstReason}` : 'None of its changes can be undone: only deprovisions are undone from the journal.')
}
