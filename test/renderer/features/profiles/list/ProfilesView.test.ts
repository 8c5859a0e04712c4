// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { installApi } from '../../../../../renderer/src/api/lanyardApi'
import ProfilesView from '../../../../../renderer/src/features/profiles/list/ProfilesView.vue'
import { routes } from '../../../../../renderer/src/router'
import { useProfilesStore } from '../../../../../renderer/src/stores/profiles'
import { useUiStore } from '../../../../../renderer/src/stores/ui'
import type { ProfileView } from '../../../../../shared/profiles'
import { createFakeLanyardApi, profileView, type FakeLanyardApi } from '../../../support/fakeLanyardApi'

let api: FakeLanyardApi
let pinia: Pinia
let profiles: ProfileView[]

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  profiles = []
  api = createFakeLanyardApi({ 'profiles.list': () => ({ ok: true, value: profiles }) })
  installApi(api)
})

afterEach(() => {
  document.body.innerHTML = ''
})

async function mountView() {
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push('/profiles')
  await useProfilesStore().load()
  const wrapper = mount(ProfilesView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

function button(wrapper: Awaited<ReturnType<typeof mountView>>['wrapper'], name: string) {
  const found = wrapper.findAll('button').find((candidate) => candidate.text() === name)
  if (!found) throw new Error(`no button "${name}"`)
  return found
}

describe('the profiles screen', () => {
  it('explains what a profile is when there is none', async () => {
    const { wrapper } = await mountView()

    expect(wrapper.text()).toContain('No profiles yet')
    expect(wrapper.text()).toContain('A profile tells Lanyard how to reach one tenant')
  })

  it('shows each profile with its environment, address and secret state, grouped by connector', async () => {
    profiles = [
      profileView({ name: 'Okta prod', environment: 'real', values: { url: 'https://prod.okta.com' }, secrets: { token: 'stored' } }),
      profileView({
        connectorId: 'gotomeeting',
        name: 'GoTo',
        values: { url: 'https://api.getgo.com/admin/rest/v1/', username: 'admin@acme.com', clientId: 'c', accountKey: 'k' },
        secrets: { password: 'stored', clientSecret: 'missing' },
      }),
    ]
    const { wrapper } = await mountView()
    const groups = wrapper.findAll('section.profile-group')

    expect(groups.map((group) => group.find('h2').text())).toEqual(['GoToMeeting', 'Okta'])
    const okta = wrapper.find('li[aria-label="Okta prod"]')
    expect(okta.text()).toContain('Real tenant')
    expect(okta.text()).toContain('https://prod.okta.com')
    expect(okta.text()).toContain('token stored')
    const goTo = wrapper.find('li[aria-label="GoTo"]')
    expect(goTo.text()).toContain('Sandbox')
    expect(goTo.text()).toContain('password stored')
    expect(goTo.text()).toContain('client secret missing')
    expect(goTo.text()).toContain('Enter secrets')
    expect(okta.text()).not.toContain('Enter secrets')
  })

  it('deletes a profile only after confirmation that names the keychain entries', async () => {
    const profile = profileView({ name: 'Okta sandbox' })
    profiles = [profile]
    api.answer('profiles.delete', () => {
      profiles = []
      return { ok: true, value: null }
    })
    const { wrapper } = await mountView()
    const ui = useUiStore()

    await button(wrapper, 'Delete Okta sandbox').trigger('click')
    expect(ui.confirmation?.message).toContain("Its Token is removed from this computer's keychain too.")
    expect(ui.confirmation?.typeToConfirm).toBeUndefined()
    ui.settleConfirmation(true)
    await flushPromises()

    expect(api.callsTo('profiles.delete')).toEqual([{ profileId: profile.id }])
    expect(ui.toasts.map((toast) => toast.message)).toContain('Profile "Okta sandbox" and its keychain entries were deleted.')
  })

  it('asks for the name to be typed before deleting a real tenant profile, and does nothing on cancel', async () => {
    profiles = [profileView({ name: 'Okta prod', environment: 'real' })]
    const { wrapper } = await mountView()
    const ui = useUiStore()

    await button(wrapper, 'Delete Okta prod').trigger('click')
    expect(ui.confirmation?.typeToConfirm).toBe('Okta prod')
    ui.settleConfirmation(false)
    await flushPromises()

    expect(api.callsTo('profiles.delete')).toHaveLength(0)
  })

  it('imports a file: preview, choices, a toast asking for secrets, and rows ready for them', async () => {
    const imported = profileView({ name: 'Okta shared', secrets: { token: 'missing' } })
    api.answer('profiles.importPreview', () => ({
      ok: true,
      value: [
        { index: 0, connectorId: 'okta', name: 'Okta shared', environment: 'sandbox', clashesWith: null, suggestedName: 'Okta shared', secretsNeeded: ['token'], refusal: null },
        { index: 1, connectorId: 'okta', name: 'Okta other', environment: 'sandbox', clashesWith: null, suggestedName: 'Okta other', secretsNeeded: ['token'], refusal: null },
      ],
    }))
    api.answer('profiles.import', () => {
      const other = profileView({ name: 'Okta other', secrets: { token: 'missing' } })
      profiles = [imported, other]
      return { ok: true, value: { added: [imported, other], replaced: [], skipped: 0 } }
    })
    const { wrapper, router } = await mountView()
    const input = wrapper.find('input[type="file"]')
    const file = new File(['{"format":"lanyard-profiles"}'], 'team.lanyard-profiles.json', { type: 'application/json' })
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true })

    await input.trigger('change')
    await flushPromises()
    expect(api.callsTo('profiles.importPreview')).toEqual([{ content: '{"format":"lanyard-profiles"}' }])
    expect(wrapper.find('dialog').text()).toContain('Okta other')

    await button(wrapper, 'Import 2 profiles').trigger('click')
    await flushPromises()

    expect(useUiStore().toasts.map((toast) => toast.message)).toContain('2 profiles imported — enter their secrets')
    expect(wrapper.find('li[aria-label="Okta shared"]').text()).toContain('token missing')
    await button(wrapper, 'Enter secrets for Okta shared').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe(`/profiles/${imported.id}/edit`)
  })

  it('closes the import when it is done though old secrets linger, and keeps the message in view', async () => {
    const replaced = profileView({ name: 'Okta shared', secrets: { token: 'missing' } })
    profiles = [profileView({ ...replaced, secrets: { token: 'stored' } })]
    api.answer('profiles.importPreview', () => ({
      ok: true,
      value: [{ index: 0, connectorId: 'okta', name: 'Okta shared', environment: 'sandbox', clashesWith: replaced.id, suggestedName: 'Okta shared (2)', secretsNeeded: ['token'], refusal: null }],
    }))
    const message = 'The import is done: replaced "Okta shared", whose secrets must now be entered again. The old Token of "Okta shared" could not be removed from the keychain.'
    api.answer('profiles.import', () => {
      profiles = [replaced]
      return { ok: false, error: { code: 'keychain_unavailable', message } }
    })
    const { wrapper } = await mountView()
    const input = wrapper.find('input[type="file"]')
    Object.defineProperty(input.element, 'files', { value: [new File(['{}'], 'team.lanyard-profiles.json')], configurable: true })
    await input.trigger('change')
    await flushPromises()
    await wrapper.find('dialog select').setValue('replace')
    await button(wrapper, 'Import 1 profile').trigger('click')
    await flushPromises()

    // A retry would import again over what is already imported: the dialog closes, the message stays until dismissed.
    expect(api.callsTo('profiles.import')).toEqual([{ content: '{}', resolutions: [{ index: 0, action: 'replace' }] }])
    expect(wrapper.find('dialog [role="alert"]').exists()).toBe(false)
    expect(useUiStore().toasts).toEqual([expect.objectContaining({ kind: 'error', message })])
    expect(wrapper.find('li[aria-label="Okta shared"]').text()).toContain('token missing')
  })

  it('exports only the ticked profiles', async () => {
    const first = profileView({ name: 'A' })
    const second = profileView({ name: 'B' })
    profiles = [first, second]
    api.answer('profiles.export', () => ({ ok: true, value: { fileName: 'x.lanyard-profiles.json', content: '{}' } }))
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:fake')
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined)
    const { wrapper } = await mountView()

    expect(button(wrapper, 'Export selected').attributes('disabled')).toBeDefined()
    await wrapper.find('input[aria-label="Select B for export"]').setValue(true)
    await button(wrapper, 'Export selected (1)').trigger('click')
    await flushPromises()

    expect(api.callsTo('profiles.export')).toEqual([{ profileIds: [second.id] }])
    expect(created).toHaveBeenCalledTimes(1)
  })
})
