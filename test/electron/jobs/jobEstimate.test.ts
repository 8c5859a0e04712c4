import { describe, expect, it } from 'vitest'
import { cognitoBudgetFamily, cognitoQuotaOf } from '../../../electron/connectors/cognito/cognitoBudget'
import { oktaBudgetFamily } from '../../../electron/connectors/okta/oktaBudget'
import { steadyRate } from '../../../electron/http/RequestBudget'
import { estimateJob } from '../../../electron/jobs/plan/jobEstimate'
import { deprovisionPlan, membershipPlan, type PlannedAccount } from './testPlans'

/*
 * Cognito limits each quota category apart (cognito.md §4): a deprovision's reads (AdminGetUser: UserRead,
 * AdminListGroupsForUser: UserResourceRead) do not wait for its writes' UserUpdate quota. So a plan's time is
 * each family's requests at that family's pace, the slowest family bounding it, not every request at the
 * write quota.
 */

const cognitoAccounts = (count: number): PlannedAccount[] =>
  Array.from({ length: count }, (_, index) => ({ profileId: 'cognito-profile', profileName: 'AWS Cognito Sandbox', connectorId: 'cognito', userId: `user.${index}` }))

/** Seconds the slowest family takes: each family's requests at its documented pace, as the budget spends it. */
function slowestFamilySeconds(operationsPerChange: readonly string[], changes: number): number {
  const perFamily = new Map<string, number>()
  for (const operation of operationsPerChange) perFamily.set(cognitoBudgetFamily(operation), (perFamily.get(cognitoBudgetFamily(operation)) ?? 0) + changes)
  return Math.max(...[...perFamily].map(([family, requests]) => requests / steadyRate(cognitoQuotaOf(family))))
}

describe("a Cognito plan's estimate", () => {
  it('times a deprovision job by its slowest quota family: the two writes at UserUpdate, the reads at their own quotas', () => {
    const people = 120
    const estimate = estimateJob(deprovisionPlan(cognitoAccounts(people)).rows, 0)
    const seconds = slowestFamilySeconds(['AdminGetUser', 'AdminListGroupsForUser', 'AdminDisableUser', 'AdminUserGlobalSignOut'], people)
    expect(estimate).toMatchObject({ requests: 4 * people, requestsAtMost: 4 * people, secondsAtLeast: Math.ceil(seconds), seconds: Math.ceil(seconds) })
    // Half what every request at the write quota took: the reads go beside the writes.
    expect(Math.ceil(seconds)).toBeLessThan(Math.ceil((4 * people) / steadyRate(cognitoQuotaOf('UserUpdate'))))
    // The profile's pace is all its requests over that time, above the write quota alone.
    expect(estimate.perProfile).toEqual([
      { profileId: 'cognito-profile', profileName: 'AWS Cognito Sandbox', changes: people, requests: 4 * people, requestsPerSecond: Math.round(((4 * people) / seconds) * 10) / 10, secondsAtLeast: Math.ceil(seconds), seconds: Math.ceil(seconds) },
    ])
  })

  it('times a membership job by the group write quota, its read of the user\'s groups beside it', () => {
    const people = 100
    const group = { objectType: 'groups', id: 'sales', name: 'sales' }
    const estimate = estimateJob(membershipPlan('addMember', group, cognitoAccounts(people)).rows, 0)
    const seconds = slowestFamilySeconds(['AdminListGroupsForUser', 'AdminAddUserToGroup'], people)
    expect(estimate).toMatchObject({ requests: 2 * people, seconds: Math.ceil(seconds) })
    expect(Math.ceil(seconds)).toBe(Math.ceil(people / steadyRate(cognitoQuotaOf('UserResourceUpdate'))))
  })
})

describe("an Okta plan's estimate", () => {
  const oktaAccounts = (count: number): PlannedAccount[] =>
    Array.from({ length: count }, (_, index) => ({ profileId: 'okta-profile', profileName: 'Okta Sandbox', connectorId: 'okta', userId: `00u${index}` }))

  it("times a deprovision job by its busiest bucket: the groups read and the suspend in users:other, the user's read in user:read beside them", () => {
    const people = 120
    const estimate = estimateJob(deprovisionPlan(oktaAccounts(people)).rows, 0)
    const perSecond = 600 / 60
    // users:other takes two of each deprovision's three requests; user:read its third, at the same pace, side by side.
    expect(oktaBudgetFamily('GET', '/api/v1/users/00u1/groups')).toBe('users:other')
    expect(oktaBudgetFamily('POST', '/api/v1/users/00u1/lifecycle/suspend')).toBe('users:other')
    expect(oktaBudgetFamily('GET', '/api/v1/users/00u1')).toBe('user:read')
    expect(estimate).toMatchObject({ requests: 3 * people, secondsAtLeast: (2 * people) / perSecond, seconds: (2 * people) / perSecond })
  })
})
