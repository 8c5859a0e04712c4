import type { JournalEntry } from '../../shared/journal'
import type { Journal } from '../journal/Journal'
import type { IntentRecord } from '../journal/journalRecord'
import type { StoredChange } from './JobStore'

/**
 * The journal is the truth about what a job sent: every change writes its intent (and fsyncs it)
 * before its request goes out. So a change of the job's operation with no intent was never sent,
 * and one with an intent is never sent again: its outcome is read, or settled against the target.
 */
export class JournalledChanges {
  private readonly byKey = new Map<string, string>()

  constructor(
    private readonly journal: Journal,
    operationId: string,
  ) {
    // Oldest first, so a retried change's newest entry wins.
    for (const intent of journal.childrenOf(operationId)) this.byKey.set(intentKey(intent), intent.id)
  }

  /** The change's newest journal entry in this operation, or null when it was never sent. */
  entryFor(change: StoredChange): JournalEntry | null {
    const entryId = this.byKey.get(changeKey(change))
    return entryId ? this.journal.entry(entryId) : null
  }
}

function intentKey(intent: IntentRecord): string {
  const other = intent.action === 'undoDeprovision' ? intent.undoOf : (intent.related?.id ?? null)
  return JSON.stringify([intent.profileId, intent.action, intent.target.id, other])
}

function changeKey(change: StoredChange): string {
  const other = change.action === 'undoDeprovision' ? change.entryToUndo : (change.group?.id ?? null)
  return JSON.stringify([change.profileId, change.action, change.objectId, other])
}
