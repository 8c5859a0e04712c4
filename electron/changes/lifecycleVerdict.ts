import { requireCapability } from '../connectors/capabilities'
import type { Connector, DeprovisionSnapshot } from '../connectors/Connector'
import { compareWithTarget, describePart, differencesFrom, type SnapshotComparison } from './snapshotComparison'
import { uncheckable, type Verdict } from './verdict'
import type { IntentRecord } from '../journal/journalRecord'

/**
 * Settles an unfinished deprovision or undo by comparing the user now with everything the snapshot
 * recorded (status, memberships, and each list the adapter keeps: GoTo's licences and roles). A
 * deprovision took effect where every part it takes away is gone; an undo, where every part is
 * back. Anything between is `partial`, so undo (and a further undo) stays on offer. A deprovision
 * with steps the target cannot show (Cognito's sign-out, see `resendableSteps`) is never read as
 * done: at most partial, so finishing it sends those steps again.
 */
export async function lifecycleVerdict(connector: Connector, intent: IntentRecord, signal?: AbortSignal): Promise<Verdict> {
  const snapshot = intent.snapshot
  if (!snapshot) return uncheckable('the journal entry holds no snapshot of the user.')
  const deprovisions = requireCapability(connector, 'deprovisions')
  const comparison = await compareWithTarget(deprovisions, snapshot, signal)
  if (intent.action !== 'deprovision') return undoVerdict(snapshot, comparison)
  return deprovisionVerdict(snapshot, comparison, deprovisions.resendableSteps?.(snapshot) ?? [])
}

export function deprovisionVerdict(snapshot: DeprovisionSnapshot, { live, parts }: SnapshotComparison, resendable: readonly string[] = []): Verdict {
  const name = snapshot.displayName
  const taken = parts.filter((part) => part.taken)
  if (taken.length === 0) return { status: 'failed', message: `${name} held nothing a deprovision takes away: nothing was changed.` }
  if (taken.every((part) => part.missing.length === part.recorded.length)) {
    if (resendable.length > 0) return { status: 'partial', message: unreadableStepsMessage(snapshot, live, resendable) }
    return { status: 'applied', message: `${name} is ${live.status} (was ${snapshot.status}): the deprovision took effect.` }
  }
  if (taken.every((part) => part.missing.length === 0)) {
    return { status: 'failed', message: `${name} is still ${live.status}: the deprovision did not take effect.` }
  }
  const gone = taken.filter((part) => part.missing.length > 0).map((part) => describePart(part, part.missing))
  const kept = taken
    .filter((part) => part.missing.length < part.recorded.length)
    .map((part) => describePart(part, part.recorded.filter((item) => !part.missing.includes(item))))
  return {
    status: 'partial',
    message: `The deprovision of ${name} took effect only in part: ${gone.join('; ')} taken away, but still holds ${kept.join('; ')}.`,
  }
}

function unreadableStepsMessage(snapshot: DeprovisionSnapshot, live: DeprovisionSnapshot, resendable: readonly string[]): string {
  const steps = resendable.map((step) => `"${step}"`).join(', ')
  return (
    `${snapshot.displayName} is ${live.status} (was ${snapshot.status}), but whether ${steps} happened cannot be read back from the target. ` +
    'Finishing the deprovision sends it again (harmless if it was done); nothing else is sent twice.'
  )
}

export function undoVerdict(snapshot: DeprovisionSnapshot, comparison: SnapshotComparison): Verdict {
  const name = snapshot.displayName
  const { live, parts } = comparison
  const differences = differencesFrom(comparison)
  if (differences.length === 0) {
    return { status: 'applied', message: `${name} is ${live.status} again and holds everything recorded before the deprovision.` }
  }
  const taken = parts.filter((part) => part.taken)
  if (taken.length > 0 && taken.every((part) => part.missing.length === part.recorded.length)) {
    return { status: 'failed', message: `${name} is ${live.status}, not ${snapshot.status}: the undo did not take effect.` }
  }
  return { status: 'partial', message: `The undo of ${name} took effect only in part: ${differences.join(' ')}` }
}
