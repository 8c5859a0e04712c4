import type { ConnectorId } from '../../../shared/catalogue/types'
import type { JobChange, JobEstimate, JobPlanRow } from '../../../shared/jobs'
import { steadyRate, type Quota } from '../../http/RequestBudget'
import type { HttpMethod } from '../../http/types'
import { cognitoBudgetFamily, cognitoQuotaOf } from '../../connectors/cognito/cognitoBudget'
import { oktaBudgetFamily } from '../../connectors/okta/oktaBudget'
import { coupaQuota } from '../../connectors/coupa/coupaBudget'
import { goToAdminQuota } from '../../connectors/gotomeeting/goToBudget'

/**
 * Cognito's operations per change, in the order they go: each spends its own quota category
 * (cognitoBudget.ts), which AWS limits apart, so the estimate times each category at its own pace.
 * A deprovision reads the user and their groups, then disables and signs out; an undo enables, then
 * reads the two back; an add counts the user's groups first (at most 25, CONNECTORS.md: refused before
 * calling); a remove is one call.
 */
const cognitoOperations: Record<JobChange['action'], readonly string[]> = {
  deprovision: ['AdminGetUser', 'AdminListGroupsForUser', 'AdminDisableUser', 'AdminUserGlobalSignOut'],
  undoDeprovision: ['AdminEnableUser', 'AdminGetUser', 'AdminListGroupsForUser'],
  addMember: ['AdminListGroupsForUser', 'AdminAddUserToGroup'],
  removeMember: ['AdminRemoveUserFromGroup'],
}

/**
 * Okta's requests per change, in the order they go, each counted in the bucket its method and path
 * fall in (oktaBudget.ts): a deprovision reads the user (user:read), their groups and suspends
 * (users:other); an undo unsuspends, then reads the two back; a membership is one call on the group.
 */
const oktaRequests: Record<JobChange['action'], readonly (readonly [HttpMethod, string])[]> = {
  deprovision: [['GET', '/api/v1/users/id'], ['GET', '/api/v1/users/id/groups'], ['POST', '/api/v1/users/id/lifecycle/suspend']],
  undoDeprovision: [['POST', '/api/v1/users/id/lifecycle/unsuspend'], ['GET', '/api/v1/users/id'], ['GET', '/api/v1/users/id/groups']],
  addMember: [['PUT', '/api/v1/groups/group/users/id']],
  removeMember: [['DELETE', '/api/v1/groups/group/users/id']],
}

/**
 * Requests one change of a job sends, per target (reads before it, the change's own steps, reads
 * after an undo to check it), as test/integration/requestsPerAction.test.ts pins them for a single
 * click; a job's membership change does not read the group and the user again (the plan did), as
 * test/electron/jobs/jobRequestCounts.integration.test.ts counts on the wire.
 */
export const requestsPerChange: Record<ConnectorId, Record<JobChange['action'], number>> = {
  okta: countsOf(oktaRequests),
  cognito: countsOf(cognitoOperations),
  // The user (roles and groups with it), then PUT active=false; memberships by group type, below.
  coupa: { deprovision: 2, undoDeprovision: 2, addMember: 2, removeMember: 3 },
  // The user and the account's licences, then PUT adminRoles and PUT licenseKeys; undo the same two PUTs and a read back.
  // A job's deprovision sends fewer or more (goToDeprovisionRange below).
  gotomeeting: { deprovision: 4, undoDeprovision: 4, addMember: 1, removeMember: 1 },
}

/** How many requests each change sends, where the requests themselves are listed. */
function countsOf(requests: Record<JobChange['action'], readonly unknown[]>): Record<JobChange['action'], number> {
  const { deprovision, undoDeprovision, addMember, removeMember } = requests
  return { deprovision: deprovision.length, undoDeprovision: undoDeprovision.length, addMember: addMember.length, removeMember: removeMember.length }
}

/**
 * A GoTo deprovision reads the user, then sends only the steps the account needs: PUT adminRoles
 * if it has any, DELETE its custom roles if any, PUT licenseKeys (after reading the account's
 * licences, one read shared by changes in flight) if it holds any. The plan found the user by
 * email and knows none of these, so it says the range: the read and one step, up to all of them.
 */
const goToDeprovisionRange = { least: 2, most: 5 }

/**
 * Coupa changes a membership from the user, per group type: a content group has its own add and
 * remove calls; a role or approval group is added by one PUT of the user's list (Coupa adds to it)
 * but removed by reading the user, clearing the list and giving back the rest; an account group
 * reads the user first either way (the account-security-type rule).
 */
const coupaMembershipRequests: Record<string, Record<'addMember' | 'removeMember', number>> = {
  groups: { addMember: 1, removeMember: 1 },
  roles: { addMember: 1, removeMember: 3 },
  'user-groups': { addMember: 1, removeMember: 3 },
  'account-groups': { addMember: 2, removeMember: 3 },
}

/** What one planned change will send, from what the plan knows of it: the fewest and the most. */
export function requestsOfChange(change: JobChange): { least: number; most: number } {
  if (change.connectorId === 'gotomeeting' && change.action === 'deprovision') return goToDeprovisionRange
  const known = (requests: number) => ({ least: requests, most: requests })
  if (change.connectorId === 'coupa' && change.group && (change.action === 'addMember' || change.action === 'removeMember')) {
    const byType = coupaMembershipRequests[change.group.objectType]
    if (byType) return known(byType[change.action])
  }
  return known(requestsPerChange[change.connectorId][change.action])
}

/**
 * The pace a job's changes are sent at, per target other than Cognito: the quota of the family its
 * writes spend, as the request budget spends it. Okta's headers tell the real limit of an org once it
 * answers; before that the plan uses the 600 a minute most orgs have for user writes.
 */
const writeQuota: Record<ConnectorId, Quota> = {
  okta: { limit: 600, windowMs: 60_000 },
  cognito: cognitoQuotaOf('UserUpdate'),
  coupa: coupaQuota,
  gotomeeting: goToAdminQuota,
}

export function requestsPerSecondOf(connectorId: ConnectorId): number {
  return connectorId === 'okta' ? writeQuota.okta.limit / 60 : steadyRate(writeQuota[connectorId])
}

/** A change's requests by the rate-limit family they spend, each family at its own pace a second. */
interface FamilyRequests {
  family: string
  perSecond: number
  least: number
  most: number
}

/**
 * The rate-limit family of each request a change sends, where the target limits them apart and the
 * plan knows the requests: Cognito's quota categories, Okta's buckets (each at the per-minute limit
 * most orgs have, until an org's headers say more). Null for a target whose requests share one pace.
 */
function familiesOfRequests(change: JobChange): { families: string[]; perSecond: (family: string) => number } | null {
  if (change.connectorId === 'cognito') {
    return { families: cognitoOperations[change.action].map(cognitoBudgetFamily), perSecond: (family) => steadyRate(cognitoQuotaOf(family)) }
  }
  if (change.connectorId === 'okta') {
    return { families: oktaRequests[change.action].map(([method, path]) => oktaBudgetFamily(method, path)), perSecond: () => requestsPerSecondOf('okta') }
  }
  return null
}

/** A change's requests per family (Cognito's, Okta's); any other target's all at its write family's pace. */
function familiesOfChange(change: JobChange): FamilyRequests[] {
  const split = familiesOfRequests(change)
  if (!split) return [{ family: 'writes', perSecond: requestsPerSecondOf(change.connectorId), ...requestsOfChange(change) }]
  const families = new Map<string, FamilyRequests>()
  for (const family of split.families) {
    const entry = families.get(family) ?? { family, perSecond: split.perSecond(family), least: 0, most: 0 }
    entry.least += 1
    entry.most += 1
    families.set(family, entry)
  }
  return [...families.values()]
}

/**
 * How long the ready rows take: each profile's requests, each family of them at its own pace (a
 * Cognito or Okta deprovision's reads beside its writes), the slowest family setting the profile's time and
 * profiles side by side, the slowest setting the whole. Where a change's requests are a range (a GoTo
 * deprovision) so is the time: `secondsAtLeast` at the fewest, `seconds` at the most. A profile's
 * `requestsPerSecond` is all its requests over that time. `planRequests` is what planning already
 * sent (its lookups and reads), said apart: the run sends `requests` on top of it.
 */
export function estimateJob(rows: readonly JobPlanRow[], planRequests: number): JobEstimate {
  const perProfile = new Map<string, { profileId: string; profileName: string; changes: number; families: Map<string, FamilyRequests> }>()
  for (const change of rows.filter((row) => row.state === 'ready').flatMap((row) => row.changes)) {
    const entry = perProfile.get(change.profileId) ?? { profileId: change.profileId, profileName: change.profileName, changes: 0, families: new Map() }
    entry.changes += 1
    for (const { family, perSecond, least, most } of familiesOfChange(change)) {
      const spent = entry.families.get(family) ?? { family, perSecond, least: 0, most: 0 }
      spent.least += least
      spent.most += most
      entry.families.set(family, spent)
    }
    perProfile.set(change.profileId, entry)
  }
  const profiles = [...perProfile.values()].map(({ profileId, profileName, changes, families }) => {
    const spent = [...families.values()]
    const requests = spent.reduce((sum, family) => sum + family.least, 0)
    const requestsAtMost = spent.reduce((sum, family) => sum + family.most, 0)
    const slowest = (count: (family: FamilyRequests) => number) => Math.max(...spent.map((family) => count(family) / family.perSecond))
    const secondsAtMost = slowest((family) => family.most)
    const profile = { profileId, profileName, changes, requests, requestsPerSecond: round(requestsAtMost / secondsAtMost), secondsAtLeast: Math.ceil(slowest((family) => family.least)), seconds: Math.ceil(secondsAtMost) }
    return { profile, requestsAtMost }
  })
  return {
    requests: profiles.reduce((sum, { profile }) => sum + profile.requests, 0),
    requestsAtMost: profiles.reduce((sum, { requestsAtMost }) => sum + requestsAtMost, 0),
    planRequests,
    secondsAtLeast: Math.max(0, ...profiles.map(({ profile }) => profile.secondsAtLeast)),
    seconds: Math.max(0, ...profiles.map(({ profile }) => profile.seconds)),
    perProfile: profiles.map(({ profile }) => profile),
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
