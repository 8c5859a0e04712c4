// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { installApi } from '../../../../renderer/src/api/lanyardApi'
import ProfilesView from '../../../../renderer/src/features/profiles/list/ProfilesView.vue'
import { routes } from '../../../../renderer/src/router'
import { useAppStore } from '../../../../renderer/src/stores/app'
import { useProfilesStore } from '../../../../renderer/src/stores/profiles'
import type { AppInfo, SandboxStatus } from '../../../../shared/contract'
import type { ProfileView } from '../../../../shared/profiles'
import { listCalls, mountAt, page, users } from '../../directory/list/listFixtures'
import { createFakeLanyardApi, profileView, type FakeAnswers } from '../../support/fakeLanyardApi'

enableAutoUnmount(afterEach)
afterEach(() => {
  document.body.innerHTML = ''
})

// One of Lanyard's own Sandbox profiles before its tenant ever started: no secrets yet.
const sandboxProfile = profileView({ name: 'Okta Sandbox', values: { url: 'http://127.0.0.1' }, secrets: { token: 'missing' } })

function appInfo(sandbox: Partial<SandboxStatus>): AppInfo {
  return {
    version: '1',
    platform: 'linux',
    dataDirectory: '/data',
    keychain: 'available',
    storageProblem: null,
    sandbox: { enabled: true, switchedOffBy: null, profileIds: [sandboxProfile.id], ...sandbox },
  }
}

async function loadAppInfo(): Promise<void> {
  await useAppStore().load()
  await flushPromises()
}

async function openList(sandbox: Partial<SandboxStatus>, answers: FakeAnswers = {}) {
  const mounted = await mountAt(`/profiles/${sandboxProfile.id}/users`, sandboxProfile, {
    'app.info': () => ({ ok: true, value: appInfo(sandbox) }),
    'directory.list': () => page(users(3)),
    ...answers,
  })
  await loadAppInfo()
  return mounted
}

async function openProfiles(profiles: ProfileView[], sandbox: Partial<SandboxStatus>, answers: FakeAnswers = {}) {
  setActivePinia(createPinia())
  const api = createFakeLanyardApi({
    'profiles.list': () => ({ ok: true, value: profiles }),
    'app.info': () => ({ ok: true, value: appInfo(sandbox) }),
    ...answers,
  })
  installApi(api)
  await useProfilesStore().load()
  await useAppStore().load()
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push('/profiles')
  const wrapper = mount(ProfilesView, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, api }
}

describe("Lanyard's own Sandbox profiles in the renderer", () => {
  it('lists one before its tenant has given it secrets, instead of asking the person for them', async () => {
    const { wrapper, api } = await openList({})

    expect(wrapper.text()).not.toContain('Enter the token first')
    expect(wrapper.text()).not.toContain('Enter secrets')
    expect(listCalls(api)).toHaveLength(1)
  })

  it('while they are off, says so and how to turn them on, without calling the target', async () => {
    const { wrapper, api } = await openList({ enabled: false }, {
      'app.setSandbox': () => ({ ok: true, value: { enabled: true, switchedOffBy: null, profileIds: [sandboxProfile.id] } }),
    })

    expect(wrapper.text()).toContain('Sandbox profiles are off')
    expect(wrapper.text()).toContain('Turn them on under Profiles')
    expect(listCalls(api)).toHaveLength(0)

    await wrapper.findAll('button').find((button) => button.text() === 'Turn sandbox profiles on')?.trigger('click')
    await flushPromises()
    expect(api.callsTo('app.setSandbox')).toEqual([{ enabled: true }])
    expect(listCalls(api)).toHaveLength(1)
  })

  it('names LANYARD_SANDBOX=off when that variable turned them off, and offers no button that cannot work', async () => {
    const { wrapper } = await openList({ enabled: false, switchedOffBy: 'LANYARD_SANDBOX' })

    expect(wrapper.text()).toContain('Lanyard was started with LANYARD_SANDBOX=off')
    expect(wrapper.findAll('button').some((button) => button.text() === 'Turn sandbox profiles on')).toBe(false)
  })

  it('in the profiles list: a note instead of "token missing", an Off badge while off, and the setting', async () => {
    const real = profileView({ name: 'Okta prod', environment: 'real', values: { url: 'https://prod.okta.com' }, secrets: { token: 'missing' } })
    const on = await openProfiles([sandboxProfile, real], {})
    const row = on.wrapper.get(`li[aria-label="Okta Sandbox"]`)
    expect(row.text()).toContain('starts, with its own credentials, when this profile is first used')
    expect(row.text()).not.toContain('token missing')
    // Its values are stand-ins until the tenant starts: not shown as if they were the tenant's.
    expect(row.text()).not.toContain('http://127.0.0.1')
    expect(row.findAll('button').map((button) => button.text())).not.toContain('Enter secrets for Okta Sandbox')
    expect(on.wrapper.get(`li[aria-label="Okta prod"]`).text()).toContain('token missing')

    const off = await openProfiles([sandboxProfile], { enabled: false }, {
      'app.setSandbox': () => ({ ok: true, value: { enabled: true, switchedOffBy: null, profileIds: [sandboxProfile.id] } }),
    })
    expect(off.wrapper.get(`li[aria-label="Okta Sandbox"]`).text()).toContain('Off')
    const setting = off.wrapper.get('input[type="checkbox"]:not(.profile-row__select)')
    expect((setting.element as HTMLInputElement).checked).toBe(false)
    await setting.setValue(true)
    await flushPromises()
    expect(off.api.callsTo('app.setSandbox')).toEqual([{ enabled: true }])
    expect(off.wrapper.get(`li[aria-label="Okta Sandbox"]`).text()).not.toContain('Sandbox profiles are off')
  })
})
