import type { CallInput, CallName, CallOutput, EventName, EventPayload } from '../../../shared/contract'
import type { LanyardError } from '../../../shared/errors'
import type { JournalEntry } from '../../../shared/journal'

export interface MainEvent<E extends EventName = EventName> {
  event: E
  payload: EventPayload<E>
}

/** The user object type of every connector's descriptor. */
const userType = 'users'

function changed(profileId: string, objectType: string, ids: string[]): MainEvent<'directory.changed'> {
  return { event: 'directory.changed', payload: { profileId, objectType, ids } }
}

function appended(entry: JournalEntry): MainEvent<'journal.appended'> {
  return { event: 'journal.appended', payload: { entryId: entry.id, entry } }
}

/** What a change names in its input, as main reports it touched (its user, and the group of a membership). */
function touchedByInput<N extends CallName>(name: N, input: CallInput<N>): MainEvent[] {
  const call = { name, input } as { [K in CallName]: { name: K; input: CallInput<K> } }[CallName]
  switch (call.name) {
    case 'directory.update':
    case 'directory.delete':
      return [changed(call.input.profileId, call.input.objectType, [call.input.objectId])]
    case 'directory.addMember':
    case 'directory.removeMember':
      return [changed(call.input.profileId, userType, [call.input.userId]), changed(call.input.profileId, call.input.groupType ?? 'groups', [call.input.groupId])]
    case 'directory.deprovision':
      return [changed(call.input.profileId, userType, [call.input.userId])]
    default:
      return []
  }
}

/**
 * The events main emits before it answers a successful change (electron/changes/recordChange.ts):
 * `journal.appended` where the answer names the entry, and `directory.changed` for the objects the
 * call names. Main also names a deprovisioned user's groups; a fake cannot know them, so a test
 * that needs them emits them itself.
 */
export function mainEventsAfter<N extends CallName>(name: N, input: CallInput<N>, output: CallOutput<N>): MainEvent[] {
  const call = { name, input, output } as { [K in CallName]: { name: K; input: CallInput<K>; output: CallOutput<K> } }[CallName]
  switch (call.name) {
    case 'directory.create':
      return [changed(call.input.profileId, call.input.objectType, [call.output.id])]
    case 'directory.deprovision':
      return [appended(call.output), ...touchedByInput(call.name, call.input)]
    case 'journal.undo': {
      const entry = call.output.entry
      return [appended(entry), changed(entry.profileId, entry.target.objectType, [entry.target.id])]
    }
    case 'journal.complete':
      return [appended(call.output), changed(call.output.profileId, call.output.target.objectType, [call.output.target.id])]
    default:
      return touchedByInput(name, input)
  }
}

/**
 * The events main emits before it answers a journaled change that failed: what the change may have
 * touched when some step was applied (`partial_failure`) or nobody can tell (`network`, `internal`),
 * nothing when the target refused it. Only changes whose input names what they touch. Main also
 * sends the failed entry (`journal.appended`); a fake knows only its id, so a test that needs the
 * entry emits it itself.
 */
export function mainEventsAfterFailure<N extends CallName>(name: N, input: CallInput<N>, error: LanyardError): MainEvent[] {
  const entryId = error.details?.entryId
  if (!entryId || !['partial_failure', 'network', 'internal'].includes(error.code)) return []
  return touchedByInput(name, input)
}
