import type { ConnectorId } from '../../../shared/catalogue/types'
import type { JobChange, JobPlan } from '../../../shared/jobs'

/*
 * Jobs tests start jobs from plans they write themselves (the planner has tests of its own): a
 * plan here is just ready rows of changes, each row one account. Free of vitest: the kill -9
 * test's child process uses it too.
 */

export interface PlannedAccount {
  profileId: string
  profileName?: string
  connectorId: ConnectorId
  userId: string
  displayName?: string
}

let plans = 0

export function deprovisionPlan(accounts: readonly PlannedAccount[], requestsPerChange = 3, requestsPerSecond = 9): JobPlan {
  const changes = accounts.map((account): JobChange => change(account, 'deprovision', null))
  return planOf('deprovisionAccounts', `Deprovision ${accounts.length} accounts`, changes, requestsPerChange, requestsPerSecond)
}

export function membershipPlan(action: 'addMember' | 'removeMember', group: { objectType: string; id: string; name: string }, accounts: readonly PlannedAccount[]): JobPlan {
  const changes = accounts.map((account) => change(account, action, group))
  return planOf(action === 'addMember' ? 'addMembers' : 'removeMembers', `${action} ${accounts.length}`, changes, 1, 9)
}

function change(account: PlannedAccount, action: JobChange['action'], group: JobChange['group']): JobChange {
  return {
    profileId: account.profileId,
    profileName: account.profileName ?? `${account.connectorId} sandbox`,
    connectorId: account.connectorId,
    objectType: 'users',
    objectId: account.userId,
    displayName: account.displayName ?? account.userId,
    action,
    group,
    before: 'ACTIVE',
    after: action === 'deprovision' ? 'SUSPENDED' : 'changed',
    entryToUndo: null,
  }
}

function planOf(kind: JobPlan['kind'], title: string, changes: JobChange[], requestsPerChange: number, requestsPerSecond: number): JobPlan {
  const byProfile = new Map<string, JobChange[]>()
  for (const one of changes) byProfile.set(one.profileId, [...(byProfile.get(one.profileId) ?? []), one])
  plans += 1
  return {
    planId: `test-plan-${plans}`,
    kind,
    title,
    rows: changes.map((one, index) => ({ line: index + 1, input: one.objectId, state: 'ready', reason: null, changes: [one] })),
    counts: { ready: changes.length, skipped: 0, problems: 0, changes: changes.length },
    estimate: {
      requests: changes.length * requestsPerChange,
      requestsAtMost: changes.length * requestsPerChange,
      planRequests: 0,
      secondsAtLeast: 0,
      seconds: 0,
      perProfile: [...byProfile].map(([profileId, ofProfile]) => ({
        profileId,
        profileName: ofProfile[0]!.profileName,
        changes: ofProfile.length,
        requests: ofProfile.length * requestsPerChange,
        requestsPerSecond,
        secondsAtLeast: 0,
        seconds: 0,
      })),
    },
  }
}
