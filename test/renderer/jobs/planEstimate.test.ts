// @vitest-environment happy-dom
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import JobPlanView from '../../../renderer/src/features/jobs/JobPlanView.vue'
import { durationRange } from '../../../renderer/src/features/jobs/jobWords'
import { offboardPlan } from './jobFixtures'

enableAutoUnmount(afterEach)

describe("the plan's estimate", () => {
  it('says what the run will send apart from what planning already sent', () => {
    const plan = offboardPlan(40)
    const wrapper = mount(JobPlanView, { props: { plan: { ...plan, estimate: { ...plan.estimate, requests: 120, planRequests: 7 } }, starting: false, startError: null } })
    const estimate = wrapper.get('.job-plan__estimate').text().replace(/\s+/g, ' ')
    expect(estimate).toMatch(/120 requests to send/)
    expect(estimate).toMatch(/planning already sent 7 requests/)
  })

  it('says a range where the plan cannot know how many steps each change takes', () => {
    const plan = offboardPlan(40)
    const wrapper = mount(JobPlanView, { props: { plan: { ...plan, estimate: { ...plan.estimate, requests: 2_000, requestsAtMost: 5_000 } }, starting: false, startError: null } })
    expect(wrapper.get('.job-plan__estimate').text().replace(/\s+/g, ' ')).toMatch(/from 2,000 to 5,000 requests to send/)
  })

  it("says the time as a range where the requests are one, from the fewest to the most at each profile's rate", () => {
    const plan = offboardPlan(40)
    // A GoTo deprovision is 2 to 5 requests: 1,200 changes at about 9.9 a second take 4 to 9 minutes (as planned for 1,000 leavers).
    const goTo = { profileId: 'goto-1', profileName: 'GoTo Sandbox', changes: 1_200, requests: 2_400, requestsPerSecond: 9.9, secondsAtLeast: 243, seconds: 521 }
    const estimate = { ...plan.estimate, requests: 2_400, requestsAtMost: 6_000, secondsAtLeast: 243, seconds: 521, perProfile: [goTo] }
    const wrapper = mount(JobPlanView, { props: { plan: { ...plan, estimate }, starting: false, startError: null } })
    const text = wrapper.get('.job-plan__estimate').text().replace(/\s+/g, ' ')
    expect(text).toMatch(/Estimate: about 4–9 min to run/)
    expect(text).toMatch(/GoTo Sandbox: 1,200 changes at up to 9.9 requests\/s, about 4–9 min/)
  })

  it('reads one figure where both ends round alike, and says the range in words at every scale', () => {
    expect(durationRange(300, 300)).toBe('about 5 min')
    expect(durationRange(290, 310)).toBe('about 5 min')
    expect(durationRange(20, 50)).toBe('under a minute')
    expect(durationRange(30, 100)).toBe('up to about 2 min')
    expect(durationRange(3_000, 6_000)).toBe('about 50 min to 1 h 40 min')
  })
})
