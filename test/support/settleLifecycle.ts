import type { Connector, DeprovisionSnapshot } from '../../electron/connectors/Connector'
import { checkIntent, type Verdict } from '../../electron/journal/checkIntent'
import type { IntentRecord } from '../../electron/journal/journalRecord'

/**
 * How settling judges a deprovision or undo of `snapshot` left without an outcome (its answer
 * lost), reading the connector's target as it is now: the check start-up, the background and
 * Check now all run.
 */
export function settleLifecycle(connector: Connector, action: 'deprovision' | 'undoDeprovision', snapshot: DeprovisionSnapshot): Promise<Verdict> {
  const intent: IntentRecord = {
    kind: 'intent',
    seq: 1,
    id: 'intent-under-test',
    time: new Date().toISOString(),
    prevHash: '',
    hash: '',
    action,
    actor: 'helpdesk.anna',
    profileId: 'profile-1',
    profileName: 'Sandbox',
    connectorId: connector.descriptor.id,
    target: { objectType: 'users', id: snapshot.userId, name: snapshot.displayName },
    related: null,
    changes: [],
    snapshot: JSON.parse(JSON.stringify(snapshot)) as DeprovisionSnapshot,
    undoOf: action === 'undoDeprovision' ? 'deprovision-under-test' : null,
  }
  return checkIntent(connector, intent)
}
