// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { installApi } from '../../../../../renderer/src/api/lanyardApi'
import ProfileForm from '../../../../../renderer/src/features/profiles/form/ProfileForm.vue'
import { getDescriptor } from '../../../../../shared/catalogue'
import { createFakeLanyardApi, profileView, type FakeLanyardApi } from '../../../support/fakeLanyardApi'

/* A hand-made profile's environment is the person's choice: none is picked for them. */

let api: FakeLanyardApi
let pinia: Pinia

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  api = createFakeLanyardApi({ 'profiles.list': () => ({ ok: true, value: [] }), 'profiles.create': (input) => ({ ok: true, value: profileView(input as object) }) })
  installApi(api)
})

afterEach(() => {
  document.body.innerHTML = ''
})

function mountForm(profile?: ReturnType<typeof profileView>) {
  return mount(ProfileForm, { props: { descriptor: getDescriptor('okta'), profile }, global: { plugins: [pinia] }, attachTo: document.body })
}

async function fillOkta(wrapper: ReturnType<typeof mountForm>, url: string): Promise<void> {
  await wrapper.find('#profile-name').setValue('Acme')
  await wrapper.find('#profile-field-url').setValue(url)
  await wrapper.find('#profile-field-token').setValue('SSWS-token-1234567890')
}

async function submit(wrapper: ReturnType<typeof mountForm>): Promise<void> {
  await wrapper.find('form').trigger('submit')
  await flushPromises()
}

describe('choosing the environment', () => {
  it('starts with neither chosen, refuses to save until one is, with the message at the choice, and focuses it', async () => {
    const wrapper = mountForm()
    const radios = wrapper.findAll('input[name="environment"]')
    expect(radios.map((radio) => (radio.element as HTMLInputElement).checked)).toEqual([false, false])
    await fillOkta(wrapper, 'https://acme.okta.com')

    await submit(wrapper)

    expect(api.calls.filter((call) => call.name === 'profiles.create')).toEqual([])
    const error = wrapper.find('#profile-environment-error')
    expect(error.text()).toMatch(/Choose Sandbox or Real/)
    expect(wrapper.find('#profile-environment').attributes('aria-describedby')).toContain('profile-environment-error')
    expect(document.activeElement).toBe(radios[0]!.element)
    // Nothing typed is lost.
    expect((wrapper.find('#profile-field-url').element as HTMLInputElement).value).toBe('https://acme.okta.com')
  })

  it('refuses a real address as Sandbox at the address field, and saves it as Real', async () => {
    const wrapper = mountForm()
    await fillOkta(wrapper, 'https://acme.okta.com')
    await wrapper.find('input[name="environment"][value="sandbox"]').setValue(true)
    await submit(wrapper)
    expect(wrapper.find('#profile-field-url-error').text()).toMatch(/not a sandbox on this computer.*choose Real/)
    expect(api.calls.filter((call) => call.name === 'profiles.create')).toEqual([])

    await wrapper.find('input[name="environment"][value="real"]').setValue(true)
    await submit(wrapper)
    expect(api.calls.find((call) => call.name === 'profiles.create')?.input).toMatchObject({ environment: 'real', values: { url: 'https://acme.okta.com' } })
  })

  it('keeps the environment of a saved profile', () => {
    const wrapper = mountForm(profileView({ environment: 'real' }))
    expect((wrapper.find('input[name="environment"][value="real"]').element as HTMLInputElement).checked).toBe(true)
  })
})
