import type { Connector, DeprovisionSnapshot } from '../../electron/connectors/Connector'
import { checkIntent, type Verdict } from '../../electron/changes/checkIntent'
import type { IntentRecord } from '../../electron/journal/journalRecord'

/** An intent left without an outcome (its answer lost), as settling reads it from the journal. */
export function unfinishedIntent(fields: Pick<IntentRecord, 'action' | 'connectorId' | 'target'> & Partial<IntentRecord>): IntentRecord {
  return {
    kind: 'intent',
    seq: 1,
    id: 'intent-under-test',
    time: new Date().toISOString(),
    prevHash: '',
    hash: '',
    actor: 'helpdesk.anna',
    profileId: 'profile-1',
    profileName: 'Sandbox',
    related: null,
    changes: [],
    snapshot: null,
    undoOf: null,
    ...fields,
  }
}

/**
 * How settling judges a deprovision or undo of `snapshot` left without an outcome (its answer
 * lost), reading the connector's target as it is now: the check start-up, the background and
 * Check now all run.
 */
export function settleLifecycle(connector: Connector, action: 'deprovision' | 'undoDeprovision', snapshot: DeprovisionSnapshot): Promise<Verdict> {
  const intent = unfinishedIntent({
    action,
    connectorId: connector.descriptor.id,
    target: { objectType: 'users', id: snapshot.userId, name: snapshot.displayName },
    snapshot: JSON.parse(JSON.stringify(snapshot)) as DeprovisionSnapshot,
    undoOf: action === 'undoDeprovision' ? 'deprovision-under-test' : null,
  })
  return checkIntent(connector, intent)
}
