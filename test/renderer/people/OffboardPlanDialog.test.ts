// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import OffboardPlanDialog from '../../../renderer/src/features/people/OffboardPlanDialog.vue'
import type { OffboardingPlan } from '../../../shared/people'
import { accountKey } from '../../../shared/personGrouping'
import { danaLee } from '../../support/personAccounts'

const plan: OffboardingPlan = {
  steps: danaLee().map((account) => ({
    account,
    action: 'deprovision',
    reason: null,
    effect: ['Deprovision suspends the user.', 'Undo brings them back.'],
    recorded: { status: 'ACTIVE', memberships: [{ kind: 'groups', names: ['Sales', 'Everyone'] }] },
  })),
}

/** Lays the plan's list out as a 1024×700 window does: 380 px of list, 130 px an account, scrolled by `scrolled`. */
function layOut(scrolled: number): void {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    if (this.classList.contains('plan__steps')) return DOMRect.fromRect({ x: 0, y: 140, width: 760, height: 380 })
    const steps = [...(this.parentElement?.children ?? [])]
    const index = this.classList.contains('plan__step') ? steps.indexOf(this) : -1
    return DOMRect.fromRect({ x: 0, y: index < 0 ? 0 : 140 + index * 130 - scrolled, width: 760, height: 120 })
  })
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('the offboarding plan in a small window', () => {
  it('says how many accounts are below the fold and which, until they are scrolled into view', async () => {
    layOut(0)
    const wrapper = mount(OffboardPlanDialog, {
      props: { open: true, personName: 'Dana Lee', plan, chosen: plan.steps.map((step) => accountKey(step.account)) },
      attachTo: document.body,
    })
    await flushPromises()
    const hint = () => wrapper.find('.plan__more')
    expect(hint().exists()).toBe(true)
    expect(hint().text()).toBe('1 more account below: GoToMeeting. Scroll the list to see it.')

    layOut(140)
    await wrapper.get('.plan__steps').trigger('scroll')
    await flushPromises()
    expect(hint().exists()).toBe(false)
    wrapper.unmount()
  })
})
