import type { JobChange, JobPlanRow } from '../../../shared/jobs'
import { hasCapability } from '../../connectors/capabilities'
import { ownAccountAdvice, ownAccountRefusal } from '../../connectors/ownAccount'
import type { ConnectorPool } from '../../directory/ConnectorPool'
import { withRequestTally } from '../../http/requestTally'
import type { Logger } from '../../logging/Logger'
import { errorValue } from '../../people/perProfile'
import type { RequestTally } from './lineAccounts'

interface OwnAccountContext {
  connectors: ConnectorPool
  logger: Logger
  /** The plan's requests: the question's one request (once a profile's connector) is counted here. */
  spent: RequestTally
}

/**
 * A ready row's deprovisions of the account a profile signs in with (GoTo's administrator, Okta's
 * token owner) taken out before the job starts: the run would refuse each with this same reason
 * (DeprovisionService asks through the same `ownAccountRefusal`), so the plan says so up front, the
 * estimate counts nothing for them and the run sends nothing for them. A row left with no change is
 * skipped. The question is asked once per profile's connector (the run then asks nothing); what it
 * sends is counted as the plan's own (Coupa's: the tenant's API users, one filtered list).
 */
export async function withoutOwnAccounts(context: OwnAccountContext, rows: readonly JobPlanRow[]): Promise<JobPlanRow[]> {
  return Promise.all(
    rows.map(async (row) => {
      if (row.state !== 'ready') return row
      const verdicts = await Promise.all(row.changes.map((change) => ownAccountVerdict(context, change)))
      const kept = row.changes.filter((_, index) => verdicts[index]!.refused === null)
      const refusals = verdicts.flatMap((verdict) => verdict.refused ?? [])
      const said = [...adviceOnce(refusals), ...verdicts.flatMap((verdict) => verdict.note ?? [])]
      if (said.length === 0) return row
      const reason = [row.reason, ...said].filter(Boolean).join(' ')
      return kept.length === 0 ? { ...row, state: 'skip', reason, changes: [] } : { ...row, reason, changes: kept }
    }),
  )
}

/** Why the change will not happen, or a note that the question could not be asked (the run asks again). */
async function ownAccountVerdict(context: OwnAccountContext, change: JobChange): Promise<{ refused: string | null; note?: string }> {
  if (change.action !== 'deprovision') return { refused: null }
  try {
    const { descriptor } = context.connectors.target(change.profileId)
    const connector = await context.connectors.connectorFor(change.profileId)
    if (!hasCapability(connector, 'deprovisions')) return { refused: null }
    const user = { userId: change.objectId, displayName: change.displayName, extra: {} }
    const refusal = await withRequestTally(() => (context.spent.requests += 1), () => ownAccountRefusal(connector, user, descriptor.label))
    return { refused: refusal?.message ?? null }
  } catch (error) {
    const message = errorValue(error, context.logger, 'job plan own account').message
    return { refused: null, note: `Could not ask ${change.profileName} which account it signs in with (the run asks again before deprovisioning ${change.displayName}): ${message}` }
  }
}

/** Refusals on several profiles (Okta's token owner, GoTo's administrator): each one's reason, then their shared advice once. */
function adviceOnce(refusals: readonly string[]): string[] {
  if (refusals.length < 2) return [...refusals]
  const reasons = refusals.map((refusal) => (refusal.endsWith(` ${ownAccountAdvice}`) ? refusal.slice(0, -ownAccountAdvice.length - 1) : refusal))
  return [...reasons, ownAccountAdvice]
}
