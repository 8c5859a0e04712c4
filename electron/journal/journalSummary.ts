import { accountActionWords, findAccountAction, type AccountActionId } from '../../shared/accountActions'
import { findObjectType, getDescriptor } from '../../shared/catalogue'
import type { ConnectorId } from '../../shared/catalogue/types'
import { fieldLabel } from '../../shared/directoryValidation'
import type { OutcomeStatus } from '../../shared/journal'
import type { IntentRecord } from './journalRecord'

interface Phrase {
  /** The change as done: "Suspended Ada Lovelace (kept 3 groups on record)". */
  done: string
  /** The change as attempted, after "Could not": "suspend Ada Lovelace". */
  attempt: string
}

/** The one sentence the Activity view shows for an entry, in the words a help-desk person uses. */
export function summarize(intent: IntentRecord, targetName: string, status: OutcomeStatus): string {
  const phrase = phraseFor(intent, targetName)
  switch (status) {
    case 'applied':
      return phrase.done
    case 'partial':
      return `${phrase.done} — only partly: some steps did not happen`
    case 'failed':
      return `Could not ${phrase.attempt}`
    case 'pending':
      return `Started to ${phrase.attempt}; whether it took effect is not known yet`
    case 'undetermined':
      return `Started to ${phrase.attempt}; Lanyard could not tell whether it took effect`
  }
}

function phraseFor(intent: IntentRecord, name: string): Phrase {
  if (intent.completes) return completionPhrase(intent, name)
  const kind = objectWord(intent.connectorId, intent.target.objectType)
  const other = intent.related?.name ?? 'a group'
  switch (intent.action) {
    case 'create':
      return { done: `Created ${kind} ${name}`, attempt: `create ${kind} ${name}` }
    case 'update': {
      const fields = listWords(intent.changes.map((change) => fieldLabel(change.attribute).toLowerCase()))
      return { done: `Changed the ${fields} of ${name}`, attempt: `change the ${fields} of ${name}` }
    }
    case 'delete':
      return { done: `Deleted ${kind} ${name}`, attempt: `delete ${kind} ${name}` }
    case 'addMember':
      return { done: `Added ${name} to ${other}`, attempt: `add ${name} to ${other}` }
    case 'removeMember':
      return { done: `Removed ${name} from ${other}`, attempt: `remove ${name} from ${other}` }
    case 'deprovision': {
      const verb = deprovisionVerb(intent.snapshot?.mode)
      return { done: `${verb.past} ${name} (kept ${keptOnRecord(intent.snapshot)} on record)`, attempt: `${verb.present} ${name}` }
    }
    case 'undoDeprovision': {
      const snapshot = intent.snapshot
      const restored = snapshot ? ` (brought back status ${snapshot.status} and ${keptOnRecord(snapshot)})` : ''
      return { done: `Undid the deprovision of ${name}${restored}`, attempt: `undo the deprovision of ${name}` }
    }
    case 'assignLicense':
      return { done: `Assigned ${other} to ${name}`, attempt: `assign ${other} to ${name}` }
    case 'removeLicense':
      return { done: `Removed ${other} from ${name}`, attempt: `remove ${other} from ${name}` }
    default:
      return accountActionPhrase(intent.connectorId, intent.target.objectType, intent.action, name)
  }
}

/**
 * A finish or roll-back of a change that stopped part-way: a roll-back of a create deletes what it
 * made; a deprovision's finish sends its steps that did not happen; anything else sets values, the
 * remaining ones or the old ones.
 */
function completionPhrase(intent: IntentRecord, name: string): Phrase {
  if (intent.action === 'delete') return { done: `Rolled back the creation of ${name}`, attempt: `roll back the creation of ${name}` }
  if (intent.action === 'deprovision') return { done: `Finished deprovisioning ${name}`, attempt: `finish deprovisioning ${name}` }
  const fields = listWords(intent.changes.map((change) => fieldLabel(change.attribute).toLowerCase()))
  return { done: `Completed the change to ${name} (${fields})`, attempt: `complete the change to ${name} (${fields})` }
}

/** An everyday account action in its descriptor's words ("Unlocked Ada Lovelace"). */
function accountActionPhrase(connectorId: ConnectorId, objectType: string, action: AccountActionId, name: string): Phrase {
  const words = findAccountAction(findObjectType(getDescriptor(connectorId), objectType)?.accountActions, action)?.journalWords
  if (!words) return { done: `${accountActionWords[action]}: ${name}`, attempt: `${accountActionWords[action].toLowerCase()} for ${name}` }
  const fill = (text: string) => text.replaceAll('{name}', name)
  return { done: fill(words.done), attempt: fill(words.attempt) }
}

/** The target's lifecycle word for the mode the profile chose; "deprovision" when it has none. */
function deprovisionVerb(mode: string | undefined): { past: string; present: string } {
  const known: Record<string, { past: string; present: string }> = {
    suspend: { past: 'Suspended', present: 'suspend' },
    deactivate: { past: 'Deactivated', present: 'deactivate' },
    disable: { past: 'Disabled', present: 'disable' },
  }
  return (mode && known[mode]) || { past: 'Deprovisioned', present: 'deprovision' }
}

/** "user" for `users`, "user group" for `userGroups`: the descriptor's label, singular, lower case. */
export function objectWord(connectorId: ConnectorId, objectType: string): string {
  const label = findObjectType(getDescriptor(connectorId), objectType)?.label ?? objectType
  return label.toLowerCase().replace(/s$/, '')
}

/** The lists a snapshot keeps beside the groups, in words: GoTo's licences, admin roles and role sets. */
const recordedLists: Readonly<Record<string, string>> = { licenses: 'licence', adminRoles: 'admin role', roleSets: 'role set' }

/** "1 group, 2 licences and 1 admin role": everything the snapshot holds for undo, not its groups alone. */
function keptOnRecord(snapshot: IntentRecord['snapshot']): string {
  const lists = Object.entries(recordedLists).flatMap(([key, noun]) => {
    const list = snapshot?.extra[key]
    return Array.isArray(list) && list.length > 0 ? [countWord(list.length, noun)] : []
  })
  return listWords([countWord(snapshot?.groups.length ?? 0, 'group'), ...lists])
}

function countWord(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function listWords(words: string[]): string {
  const unique = [...new Set(words)]
  if (unique.length === 0) return 'attributes'
  if (unique.length === 1) return unique[0]!
  return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`
}
