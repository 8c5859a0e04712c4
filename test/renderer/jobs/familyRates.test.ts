// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import JobProgressPanel from '../../../renderer/src/features/jobs/JobProgressPanel.vue'
import { useBudgetsStore } from '../../../renderer/src/stores/budgets'
import { useProfilesStore } from '../../../renderer/src/stores/profiles'
import { profileView } from '../support/fakeLanyardApi'
import { freshStoresWithApi } from '../support/storeSetup'
import { jobView } from './jobFixtures'

enableAutoUnmount(afterEach)
beforeEach(() => void freshStoresWithApi())

/**
 * A Cognito deprovision spends three quotas (cognito.md §4): the user read, the groups read and the two
 * writes. 36 requests a second in all is within every one of them, though over the write quota alone.
 */
const cognitoRunning = () =>
  jobView({
    rates: [
      {
        profileId: 'cognito-1',
        profileName: 'AWS Cognito Sandbox',
        requestsPerSecond: 36,
        requestsSent: 180,
        families: [
          { family: 'UserUpdate', requestsPerSecond: 18, limitPerSecond: 25, requestsSent: 90 },
          { family: 'UserResourceRead', requestsPerSecond: 9, limitPerSecond: 50, requestsSent: 45 },
          { family: 'UserRead', requestsPerSecond: 9, limitPerSecond: 120, requestsSent: 45 },
        ],
      },
    ],
  })

describe("a running job's rate per profile", () => {
  it('reads each family it spends against its own limit, the closest to it on the meter, never all requests against one family', () => {
    const panel = mount(JobProgressPanel, { props: { job: cognitoRunning(), busy: false } })
    const line = panel.get('.job-progress__rates li')
    expect(line.text().replace(/\s+/g, ' ')).toBe('AWS Cognito Sandbox: UserUpdate 18 of 25 requests/s also UserResourceRead 9 of 50 requests/s, UserRead 9 of 120 requests/s')
    const meter = line.get('meter')
    expect(meter.attributes()).toMatchObject({ value: '18', max: '25', 'aria-label': 'AWS Cognito Sandbox UserUpdate rate against its limit' })
  })

  it('says a family the target does not limit without a limit, and a profile that has sent nothing yet by its rate alone', () => {
    const view = jobView({
      rates: [
        { profileId: 'goto-1', profileName: 'GoTo', requestsPerSecond: 6, requestsSent: 12, families: [
          { family: 'admin', requestsPerSecond: 4, limitPerSecond: 10, requestsSent: 8 },
          { family: 'sign-in', requestsPerSecond: 2, limitPerSecond: null, requestsSent: 4 },
        ] },
        { profileId: 'okta-1', profileName: 'Okta', requestsPerSecond: 0, requestsSent: 0, families: [] },
      ],
    })
    const lines = mount(JobProgressPanel, { props: { job: view, busy: false } }).findAll('.job-progress__rates li').map((li) => li.text().replace(/\s+/g, ' '))
    expect(lines).toEqual(['GoTo: admin 4 of 10 requests/s also sign-in 2 requests/s', 'Okta: 0 requests/s'])
  })

  it("says a profile whose rate-limit window is spent waits for its reset, and until when, where its rate alone reads 0", () => {
    const resetsAt = new Date(Date.now() + 40_000).toISOString()
    useBudgetsStore().byProfile = {
      'okta-1': { profileId: 'okta-1', family: 'user:read', remaining: 0, limit: 600, resetsAt, queued: 12 },
      'goto-1': { profileId: 'goto-1', family: 'admin', remaining: 3, limit: 10, resetsAt, queued: 2 },
      // Spent, but its one-second window resets in a moment: that is the pace, not a wait worth a line.
      'coupa-1': { profileId: 'coupa-1', family: 'all', remaining: 0, limit: 25, resetsAt: new Date(Date.now() + 400).toISOString(), queued: 4 },
    }
    const view = jobView({
      rates: [
        { profileId: 'okta-1', profileName: 'Okta', requestsPerSecond: 0, requestsSent: 600, families: [{ family: 'user:read', requestsPerSecond: 0, limitPerSecond: 10, requestsSent: 600 }] },
        { profileId: 'goto-1', profileName: 'GoTo', requestsPerSecond: 9, requestsSent: 90, families: [{ family: 'admin', requestsPerSecond: 9, limitPerSecond: 10, requestsSent: 90 }] },
        { profileId: 'coupa-1', profileName: 'Coupa', requestsPerSecond: 24, requestsSent: 240, families: [{ family: 'all', requestsPerSecond: 24, limitPerSecond: 25, requestsSent: 240 }] },
      ],
    })
    const lines = mount(JobProgressPanel, { props: { job: view, busy: false } }).findAll('.job-progress__rates li').map((li) => li.text().replace(/\s+/g, ' '))
    expect(lines).toEqual([
      `Okta: user:read 0 of 10 requests/s 12 requests waiting for the rate limit until ${new Date(resetsAt).toLocaleTimeString()}`,
      // Paced, with requests left in its window: the meter already says it runs at its limit.
      'GoTo: admin 9 of 10 requests/s',
      'Coupa: all 24 of 25 requests/s',
    ])
  })

  it("says the retry a profile's requests wait for, in its target's name (the profile's, when it is gone)", async () => {
    const okta = profileView({ id: 'okta-1', name: 'Okta prod' })
    const api = freshStoresWithApi({ 'profiles.list': () => ({ ok: true, value: [okta] }) })
    await useProfilesStore().load()
    const busy = { waiting: 1, retry: { attempt: 1, of: 3, waitMs: 4_000, reason: 'network' as const } }
    const view = jobView({
      rates: [
        { profileId: 'okta-1', profileName: 'Okta prod', requestsPerSecond: 0, requestsSent: 40, families: [] },
        { profileId: 'gone-1', profileName: 'GoTo sandbox', requestsPerSecond: 0, requestsSent: 40, families: [] },
      ],
    })
    const panel = mount(JobProgressPanel, { props: { job: view, busy: false } })
    api.emit('retries.changed', { profileId: 'okta-1', ...busy })
    api.emit('retries.changed', { profileId: 'gone-1', ...busy })
    await flushPromises()
    expect(panel.findAll('.job-progress__rates [data-test="retry-wait"]').map((line) => line.text())).toEqual([
      'No answer from Okta: retry 1 of 3 in 4 s.',
      'No answer from GoTo sandbox: retry 1 of 3 in 4 s.',
    ])
  })
})
