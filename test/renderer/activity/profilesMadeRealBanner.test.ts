// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { installApi } from '../../../renderer/src/api/lanyardApi'
import { routes } from '../../../renderer/src/router'
import StartupBanners from '../../../renderer/src/shell/StartupBanners.vue'
import { useAppStore } from '../../../renderer/src/stores/app'
import { createFakeLanyardApi } from '../support/fakeLanyardApi'

describe('the note on Sandbox profiles made Real at start-up', () => {
  it('names each profile, says why and what it changes, and goes away when dismissed', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    const api = createFakeLanyardApi()
    api.answer('journal.reconciled', () => ({ ok: true, value: [] }))
    api.answer('app.info', () => ({
      ok: true,
      value: {
        version: '1',
        platform: 'linux',
        dataDirectory: '/tmp/x',
        keychain: 'available',
        storageProblem: null,
        sandbox: { enabled: true, switchedOffBy: null, profileIds: [] },
        profilesMadeReal: [{ profileId: '5d0b2b8e-8f7e-4a43-9d1b-7c3f2a1e0b11', name: 'Acme test', connectorId: 'okta' }],
      },
    }))
    installApi(api)
    await useAppStore().load()
    const router = createRouter({ history: createMemoryHistory(), routes })
    await router.push('/profiles')
    const wrapper = mount(StartupBanners, { global: { plugins: [pinia, router] } })
    await flushPromises()

    const note = wrapper.get('[data-note="profiles-made-real"]')
    expect(note.text()).toContain('Acme test')
    expect(note.text()).toMatch(/not a sandbox on this computer.*now Real.*typed confirmation/)
    await note.get('button').trigger('click')
    expect(wrapper.find('[data-note="profiles-made-real"]').exists()).toBe(false)
  })
})
