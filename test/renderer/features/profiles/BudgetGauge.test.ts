// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { getActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import BudgetGauge from '../../../../renderer/src/features/profiles/BudgetGauge.vue'
import { useBudgetsStore } from '../../../../renderer/src/stores/budgets'
import type { FakeLanyardApi } from '../../support/fakeLanyardApi'
import { freshStoresWithApi } from '../../support/storeSetup'

let api: FakeLanyardApi

beforeEach(() => {
  api = freshStoresWithApi()
  useBudgetsStore().listen()
})

const budget = (profileId: string, remaining: number, queued: number) => ({
  profileId,
  family: 'user:read',
  remaining,
  limit: 600,
  resetsAt: '2026-01-01T12:00:30.000Z',
  queued,
})

describe('the budget gauge beside a profile', () => {
  it("shows the profile's remaining budget while requests wait, from main's budget.changed, and hides when none wait", async () => {
    const wrapper = mount(BudgetGauge, { props: { profileId: 'p1' }, global: { plugins: [getActivePinia()!] } })
    expect(wrapper.find('[data-test="budget-gauge"]').exists()).toBe(false)

    api.emit('budget.changed', budget('p1', 12, 40))
    await flushPromises()
    const meter = wrapper.find('meter')
    expect([meter.attributes('max'), meter.attributes('value')]).toEqual(['600', '12'])
    expect(wrapper.text()).toContain('40')
    expect(meter.attributes('aria-label')).toMatch(/^40 requests wait for the rate limit: 12 of 600 left \(user:read\), more at /)

    // Another profile's budget is not this one's.
    api.emit('budget.changed', budget('p2', 0, 5))
    await flushPromises()
    expect(wrapper.find('meter').attributes('value')).toBe('12')

    api.emit('budget.changed', budget('p1', 11, 0))
    await flushPromises()
    expect(wrapper.find('[data-test="budget-gauge"]').exists()).toBe(false)
  })
})
