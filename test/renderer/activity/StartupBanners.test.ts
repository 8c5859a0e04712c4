// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { installApi } from '../../../renderer/src/api/lanyardApi'
import { routes } from '../../../renderer/src/router'
import StartupBanners from '../../../renderer/src/shell/StartupBanners.vue'
import type { JournalEntry } from '../../../shared/journal'
import { createFakeLanyardApi, type FakeLanyardApi } from '../support/fakeLanyardApi'
import { journalEntry } from './journalEntries'

let api: FakeLanyardApi
let pinia: Pinia

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  api = createFakeLanyardApi()
  installApi(api)
})

async function mountBanners(reconciled: JournalEntry[]) {
  api.answer('journal.reconciled', () => ({ ok: true, value: reconciled }))
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push('/profiles')
  const wrapper = mount(StartupBanners, { global: { plugins: [pinia, router] } })
  await flushPromises()
  return wrapper
}

describe('the start-up reconciliation banner', () => {
  it('lists the changes that were unfinished and how each was settled, with a link to Activity', async () => {
    const wrapper = await mountBanners([
      journalEntry({ outcome: { ...journalEntry().outcome, reconciled: true, message: 'Okta shows the user suspended.' } }),
      journalEntry({
        action: 'addMember',
        target: { objectType: 'users', id: '00u2', name: 'Bob Stone' },
        outcome: { ...journalEntry().outcome, status: 'failed', reconciled: true, message: 'Bob Stone is not in Sales.' },
      }),
    ])

    expect(api.callsTo('journal.reconciled')).toEqual([{}])
    const banner = wrapper.get('.reconciliation')
    expect(banner.text()).toContain('2 changes were unfinished when Lanyard last stopped; they were checked against the targets:')
    expect(banner.findAll('li').map((item) => item.text())).toEqual([
      'Deprovision — Ada Lovelace in Okta prod: applied — Okta shows the user suspended.',
      'Add to group — Bob Stone in Okta prod: failed — Bob Stone is not in Sales.',
    ])
    expect(banner.get('a').attributes('href')).toBe('/activity')
    expect(banner.get('a').text()).toBe('See Activity')
  })

  it('goes away when dismissed', async () => {
    const wrapper = await mountBanners([journalEntry({ outcome: { ...journalEntry().outcome, reconciled: true } })])

    await wrapper.get('button[aria-label="Dismiss the start-up check message"]').trigger('click')

    expect(wrapper.find('.reconciliation').exists()).toBe(false)
    expect(wrapper.find('.startup-banners').exists()).toBe(false)
  })

  it('shows nothing when nothing was unfinished', async () => {
    const wrapper = await mountBanners([])

    expect(wrapper.find('.startup-banners').exists()).toBe(false)
  })

  it('says so when the start-up check could not be reported', async () => {
    api.answer('journal.reconciled', () => ({ ok: false, error: { code: 'internal', message: 'The journal file could not be read.' } }))
    const router = createRouter({ history: createMemoryHistory(), routes })
    const wrapper = mount(StartupBanners, { global: { plugins: [pinia, router] } })
    await flushPromises()

    expect(wrapper.get('.reconciliation').text()).toContain(
      'Lanyard could not report the changes it checked at start-up. The journal file could not be read.',
    )
  })
})
