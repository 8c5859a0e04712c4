import { findAccountAction } from '../../shared/accountActions'
import { findObjectType, getDescriptor } from '../../shared/catalogue'
import type { Connector } from '../connectors/Connector'
import type { IntentRecord } from '../journal/journalRecord'
import type { Verdict } from './verdict'

/**
 * Settles an everyday account action whose answer was lost. Where the action moves the user to a
 * status the journal recorded (`changes` holds status before → after), reading the user tells:
 * the after status means applied, the before one failed. An email sent, factors reset or sessions
 * ended leave nothing the target shows, so those are settled as "could not tell".
 */
export async function accountActionVerdict(connector: Connector, intent: IntentRecord, signal?: AbortSignal): Promise<Verdict> {
  const { target } = intent
  const action = findAccountAction(findObjectType(getDescriptor(intent.connectorId), target.objectType)?.accountActions, intent.action)
  const label = action?.label.replace(/…$/, '') ?? intent.action
  const statusChange = intent.changes.find((change) => change.attribute === 'status')
  if (!statusChange || statusChange.before === statusChange.after) {
    return { status: 'undetermined', message: `${label} leaves nothing ${connector.descriptor.label} shows, so whether it took effect cannot be read back.` }
  }
  const status = (await connector.get(target.objectType, target.id, signal)).status?.label ?? null
  if (status === statusChange.after) return { status: 'applied', message: `${target.name} is ${status}.` }
  if (status === statusChange.before) return { status: 'failed', message: `${target.name} is still ${status}.` }
  return { status: 'undetermined', message: `${target.name} is ${status ?? 'without a status'}, neither before nor after ${label}.` }
}
