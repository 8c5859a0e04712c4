// @vitest-environment happy-dom
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import JobPlanView from '../../../renderer/src/features/jobs/JobPlanView.vue'
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
})
