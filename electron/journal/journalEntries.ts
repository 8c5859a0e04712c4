import { getDescriptor } from '../../shared/catalogue'
import type { JournalEntry } from '../../shared/journal'
import { summarize } from './journalSummary'
import type { IntentRecord, JournalRecord, OutcomeRecord } from './journalRecord'

/** What pairing needs to know beyond the journal: whether a profile still exists (for undo). */
export interface EntryContext {
  profileExists(profileId: string): boolean
}

/** The journal's records grouped the way entries need them. */
export class JournalIndex {
  readonly intents: IntentRecord[] = []
  private readonly intentsById = new Map<string, IntentRecord>()
  /** The latest outcome of each intent (reconciliation may add one after a `pending` one). */
  private readonly outcomes = new Map<string, OutcomeRecord>()
  private readonly undos = new Map<string, IntentRecord[]>()

  constructor(records: readonly JournalRecord[] = []) {
    for (const record of records) this.add(record)
  }

  add(record: JournalRecord): void {
    if (record.kind === 'outcome') {
      this.outcomes.set(record.intentId, record)
      return
    }
    this.intents.push(record)
    this.intentsById.set(record.id, record)
    if (record.undoOf) this.undos.set(record.undoOf, [...(this.undos.get(record.undoOf) ?? []), record])
  }

  intent(id: string): IntentRecord | undefined {
    return this.intentsById.get(id)
  }

  outcomeOf(intentId: string): OutcomeRecord | undefined {
    return this.outcomes.get(intentId)
  }

  /** Intents whose outcome is missing or still `pending`: what start-up reconciliation checks. */
  unsettled(): IntentRecord[] {
    return this.intents.filter((intent) => (this.outcomes.get(intent.id)?.status ?? 'pending') === 'pending')
  }

  entry(intent: IntentRecord, context: EntryContext): JournalEntry {
    const outcome = this.outcomes.get(intent.id)
    const status = outcome?.status ?? 'pending'
    const target = {
      objectType: intent.target.objectType,
      id: outcome?.target?.id || intent.target.id,
      name: outcome?.target?.name || intent.target.name,
    }
    return {
      id: intent.id,
      time: intent.time,
      actor: intent.actor,
      action: intent.action,
      profileId: intent.profileId,
      profileName: intent.profileName,
      connectorId: intent.connectorId,
      target,
      related: intent.related,
      summary: summarize(intent, target.name, status),
      changes: intent.changes,
      recorded: intent.snapshot
        ? { status: intent.snapshot.status, groups: intent.snapshot.groups.map((group) => group.name) }
        : null,
      outcome: {
        status,
        time: outcome?.time ?? null,
        message: outcome?.message ?? 'The change was under way when Lanyard stopped. Lanyard checks it against the target at the next start.',
        steps: outcome?.steps ?? [],
        reconciled: outcome?.reconciled ?? false,
        details: outcome?.details ?? {},
      },
      undo: intent.action === 'deprovision' ? this.undoState(intent, context) : null,
      undoOf: intent.undoOf,
    }
  }

  /** Newest first. */
  entries(context: EntryContext): JournalEntry[] {
    return this.intents.map((intent) => this.entry(intent, context)).reverse()
  }

  /**
   * Whether a deprovision can be undone now, and why not. The undo call applies the same rule,
   * so the button and the service never disagree.
   */
  undoState(deprovision: IntentRecord, context: EntryContext): NonNullable<JournalEntry['undo']> {
    const status = this.outcomes.get(deprovision.id)?.status ?? 'pending'
    const refuse = (reason: string, undoneBy: string | null = null) => ({ available: false, reason, undoneBy })
    if (status === 'failed') return refuse('The deprovision did not happen, so there is nothing to undo.')
    if (status === 'pending') return refuse('Whether the deprovision took effect is not known yet. Lanyard checks it at the next start.')
    const undos = this.undos.get(deprovision.id) ?? []
    const applied = undos.find((undo) => this.outcomes.get(undo.id)?.status === 'applied')
    if (applied) return refuse(`Already undone on ${readableTime(applied.time)} by ${applied.actor}.`, applied.id)
    if (undos.some((undo) => (this.outcomes.get(undo.id)?.status ?? 'pending') === 'pending')) {
      return refuse('An undo of this deprovision was started and its outcome is not known yet. Lanyard checks it at the next start.')
    }
    if (!context.profileExists(deprovision.profileId)) {
      return refuse(`The profile "${deprovision.profileName}" no longer exists, so Lanyard cannot reach the target to undo this.`)
    }
    const descriptor = getDescriptor(deprovision.connectorId)
    const users = descriptor.objectTypes.find((type) => type.id === deprovision.target.objectType)
    if (!users?.operations.undoDeprovision) return refuse(`${descriptor.label} cannot undo a deprovision.`)
    return { available: true, reason: null, undoneBy: null }
  }
}

function readableTime(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`
}
