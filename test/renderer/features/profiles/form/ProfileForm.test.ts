// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { installApi } from '../../../../../renderer/src/api/lanyardApi'
import ProfileForm from '../../../../../renderer/src/features/profiles/form/ProfileForm.vue'
import { getDescriptor, type ConnectorId } from '../../../../../shared/catalogue'
import type { ProfileView } from '../../../../../shared/profiles'
import { createFakeLanyardApi, profileView, type FakeLanyardApi } from '../../../support/fakeLanyardApi'

let api: FakeLanyardApi
let pinia: Pinia

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  api = createFakeLanyardApi({ 'profiles.list': () => ({ ok: true, value: [] }) })
  installApi(api)
})

afterEach(() => {
  document.body.innerHTML = ''
})

function mountForm(connectorId: ConnectorId, profile?: ProfileView) {
  return mount(ProfileForm, {
    props: { descriptor: getDescriptor(connectorId), profile },
    global: { plugins: [pinia] },
    attachTo: document.body,
  })
}

type Wrapper = ReturnType<typeof mountForm>

async function fill(wrapper: Wrapper, selector: string, value: string): Promise<void> {
  await wrapper.find(selector).setValue(value)
}

async function submit(wrapper: Wrapper): Promise<void> {
  await wrapper.find('form').trigger('submit')
  await flushPromises()
}

async function choose(wrapper: Wrapper, environment: 'sandbox' | 'real'): Promise<void> {
  await wrapper.find(`input[name="environment"][value="${environment}"]`).setValue(true)
}

function labelText(wrapper: Wrapper, forId: string): string {
  return wrapper.find(`label[for="${forId}"]`).text()
}

describe('the profile form', () => {
  it('marks required parameters with * and aria-required, optional ones without', () => {
    const wrapper = mountForm('cognito')

    expect(labelText(wrapper, 'profile-field-userPoolId')).toBe('User Pool Id *')
    expect(wrapper.find('label[for="profile-field-userPoolId"] [aria-hidden="true"]').text()).toBe('*')
    expect(wrapper.find('#profile-field-userPoolId').attributes('aria-required')).toBe('true')
    expect(labelText(wrapper, 'profile-field-url')).toBe('Target URL')
    expect(wrapper.find('#profile-field-url').attributes('aria-required')).toBeUndefined()
  })

  it('uses input types from the parameter kinds: url, email and password for secrets', async () => {
    const wrapper = mountForm('gotomeeting')
    // The password grant's fields (a new profile starts on the personal access token).
    await wrapper.find('#profile-field-grantType').setValue('password')

    expect(wrapper.find('#profile-field-url').attributes('type')).toBe('url')
    expect(wrapper.find('#profile-field-username').attributes('type')).toBe('email')
    expect(wrapper.find('#profile-field-password').attributes('type')).toBe('password')
    expect(wrapper.find('#profile-field-clientSecret').attributes('type')).toBe('password')
    // The descriptor's default fills the field on create.
    expect((wrapper.find('#profile-field-url').element as HTMLInputElement).value).toBe('https://api.getgo.com/admin/rest/v1/')
  })

  it('shows only the fields of the sign-in method chosen, and asks only for those on create', async () => {
    const wrapper = mountForm('coupa')
    const shown = () => ['clientId', 'clientSecret', 'scopes', 'apiKey'].filter((key) => wrapper.find(`#profile-field-${key}`).exists())
    expect((wrapper.find('#profile-field-authMethod').element as HTMLSelectElement).value).toBe('oauth')
    expect(shown()).toEqual(['clientId', 'clientSecret', 'scopes'])
    expect((wrapper.find('#profile-field-scopes').element as HTMLInputElement).value).toContain('core.user.read')
    await wrapper.find('#profile-field-authMethod').setValue('apiKey')
    expect(shown()).toEqual(['apiKey'])
    await wrapper.find('#profile-name').setValue('Coupa')
    await wrapper.find('#profile-field-url').setValue('https://acme.coupahost.com')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.find('#profile-field-apiKey').attributes('aria-invalid')).toBe('true')
    expect(wrapper.text()).not.toContain('Enter the Client identifier')
  })

  it('shows a URL error next to the field when it loses focus, linked for screen readers', async () => {
    const wrapper = mountForm('okta')
    const url = wrapper.find('#profile-field-url')

    await url.setValue('acme.okta')
    await url.trigger('blur')

    const error = wrapper.find('#profile-field-url-error')
    expect(error.text()).toMatch(/full address starting with https:\/\//)
    expect(url.attributes('aria-invalid')).toBe('true')
    expect(url.attributes('aria-describedby')).toContain('profile-field-url-error')

    await url.setValue('https://acme.okta.com')
    await url.trigger('blur')
    expect(wrapper.find('#profile-field-url-error').exists()).toBe(false)
  })

  it('refuses http:// for a real tenant at the field when it loses focus, and sends nothing', async () => {
    const wrapper = mountForm('okta')
    await fill(wrapper, '#profile-name', 'Okta prod')
    await wrapper.find('input[name="environment"][value="real"]').setValue(true)
    await fill(wrapper, '#profile-field-token', 'typed-token')
    const url = wrapper.find('#profile-field-url')

    await url.setValue('http://acme.okta.com')
    await url.trigger('blur')

    expect(wrapper.find('#profile-field-url-error').text()).toBe(
      'Real tenants need an address starting with https://, since over http:// the credentials would travel in clear. Use https://acme.okta.com instead.',
    )
    await submit(wrapper)
    expect(api.callsTo('profiles.create')).toHaveLength(0)
    expect(document.activeElement?.id).toBe('profile-field-url')
  })

  it('clears the address error as the https:// address is typed', async () => {
    const wrapper = mountForm('okta')
    await wrapper.find('input[name="environment"][value="real"]').setValue(true)
    const url = wrapper.find('#profile-field-url')
    await url.setValue('http://acme.okta.com')
    await url.trigger('blur')
    expect(wrapper.find('#profile-field-url-error').exists()).toBe(true)

    await url.setValue('https://acme.okta.com')

    expect(wrapper.find('#profile-field-url-error').exists()).toBe(false)
  })

  it('keeps http:// on this computer for a sandbox, and flags it at once when the environment becomes real', async () => {
    const wrapper = mountForm('okta')
    await choose(wrapper, 'sandbox')
    const url = wrapper.find('#profile-field-url')
    await url.setValue('http://127.0.0.1:4010')
    await url.trigger('blur')
    expect(wrapper.find('#profile-field-url-error').exists()).toBe(false)

    await wrapper.find('input[name="environment"][value="real"]').setValue(true)
    expect(wrapper.find('#profile-field-url-error').text()).toContain('Real tenants need an address starting with https://')

    await wrapper.find('input[name="environment"][value="sandbox"]').setValue(true)
    expect(wrapper.find('#profile-field-url-error').exists()).toBe(false)
  })

  it('shows at once, when a real profile saved on http:// by an older version is opened, what to change', () => {
    const wrapper = mountForm('okta', profileView({ name: 'Okta prod', environment: 'real', values: { url: 'http://acme.okta.com' } }))

    expect(wrapper.find('#profile-field-url-error').text()).toContain('Real tenants need an address starting with https://')
    expect(wrapper.find('#profile-field-url-error').text()).toContain('Use https://acme.okta.com instead.')
  })

  it('shows no error at once when a well-formed profile is opened', () => {
    const wrapper = mountForm('okta', profileView({ environment: 'real' }))
    expect(wrapper.find('#profile-field-url-error').exists()).toBe(false)
  })

  it('refuses http:// to another computer for a sandbox profile', async () => {
    const wrapper = mountForm('okta')
    await choose(wrapper, 'sandbox')
    const url = wrapper.find('#profile-field-url')
    await url.setValue('http://acme.oktapreview.com')
    await url.trigger('blur')

    expect(wrapper.find('#profile-field-url-error').text()).toContain('http:// is only for a sandbox tenant on this computer')
  })

  it('offers the Cognito regions in a select and sends the chosen one', async () => {
    api.answer('profiles.create', (input) => ({ ok: true, value: profileView({ connectorId: 'cognito', name: input.name }) }))
    const wrapper = mountForm('cognito')
    const region = wrapper.find('#profile-field-region')

    expect(region.element.tagName).toBe('SELECT')
    const options = region.findAll('option').map((option) => option.attributes('value'))
    expect(options).toContain('eu-west-1')
    expect(options).toContain('us-east-1')

    await fill(wrapper, '#profile-name', 'Cognito test')
    await choose(wrapper, 'real')
    await fill(wrapper, '#profile-field-accessKeyId', 'AKIAIOSFODNN7EXAMPLE')
    await fill(wrapper, '#profile-field-accessSecret', 'typed-secret')
    await region.setValue('eu-west-1')
    await fill(wrapper, '#profile-field-userPoolId', 'eu-west-1_AbCdEf123')
    await submit(wrapper)

    expect(api.callsTo('profiles.create')).toEqual([
      {
        connectorId: 'cognito',
        name: 'Cognito test',
        environment: 'real',
        values: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', region: 'eu-west-1', userPoolId: 'eu-west-1_AbCdEf123' },
        secrets: { accessSecret: 'typed-secret' },
      },
    ])
    expect(wrapper.emitted('saved')).toHaveLength(1)
  })

  it('asks for a required secret on create and sends nothing until it is given', async () => {
    const wrapper = mountForm('okta')
    await fill(wrapper, '#profile-name', 'Okta sandbox')
    await choose(wrapper, 'real')
    await fill(wrapper, '#profile-field-url', 'https://acme.okta.com')

    await submit(wrapper)

    expect(wrapper.find('#profile-field-token-error').text()).toBe('Enter the Token: Okta profiles need it.')
    expect(api.callsTo('profiles.create')).toHaveLength(0)
    expect(document.activeElement?.id).toBe('profile-field-token')
  })

  it('shows Coupa custom property mistakes as they are typed', async () => {
    const wrapper = mountForm('coupa')
    const field = wrapper.find('#profile-field-customProperties')

    expect(field.element.tagName).toBe('TEXTAREA')
    await field.setValue('cost_center|number;')

    expect(wrapper.find('#profile-field-customProperties-error').text()).toMatch(/string or boolean/)
  })

  it('shows a stored secret as Stored, never as an input, and replaces it on request', async () => {
    const profile = profileView({ name: 'Okta prod', environment: 'real', secrets: { token: 'stored' } })
    api.answer('profiles.update', () => ({ ok: true, value: profile }))
    const wrapper = mountForm('okta', profile)

    expect(wrapper.text()).toContain('Stored')
    expect(wrapper.find('input[type="password"]').exists()).toBe(false)

    const replace = wrapper.findAll('button').find((button) => button.text() === 'Replace Token')
    await replace!.trigger('click')
    const input = wrapper.find('#profile-field-token')
    expect(input.attributes('type')).toBe('password')
    expect((input.element as HTMLInputElement).value).toBe('')

    await input.setValue('brand-new-token')
    await submit(wrapper)

    expect(api.callsTo('profiles.update')).toEqual([
      {
        profileId: profile.id,
        name: 'Okta prod',
        environment: 'real',
        values: { url: 'https://acme.okta.com' },
        secrets: { token: 'brand-new-token' },
      },
    ])
  })

  it('clears a stored secret when asked, and keeps it when nothing was chosen', async () => {
    const profile = profileView({ environment: 'real', secrets: { token: 'stored' } })
    api.answer('profiles.update', () => ({ ok: true, value: profile }))
    const wrapper = mountForm('okta', profile)

    await submit(wrapper)
    const clear = wrapper.findAll('button').find((button) => button.text() === 'Clear Token')
    await clear!.trigger('click')
    expect(wrapper.text()).toContain('Will be removed')
    await submit(wrapper)

    const updates = api.callsTo('profiles.update') as { secrets: unknown }[]
    expect(updates.map((update) => update.secrets)).toEqual([{}, { token: null }])
  })

  it('keeps the form and shows a banner when the keychain is unavailable, then saves into the same profile', async () => {
    const saved = profileView({ name: 'Okta sandbox', secrets: { token: 'missing' } })
    api.answer('profiles.create', () => ({
      ok: false,
      error: {
        code: 'keychain_unavailable',
        message: 'Profile "Okta sandbox" was saved, but its Token could not be stored in the keychain.',
        details: { profileId: saved.id },
      },
    }))
    api.answer('profiles.list', () => ({ ok: true, value: [saved] }))
    api.answer('profiles.update', () => ({ ok: true, value: { ...saved, secrets: { token: 'stored' } } }))
    const wrapper = mountForm('okta')
    await fill(wrapper, '#profile-name', 'Okta sandbox')
    await choose(wrapper, 'real')
    await fill(wrapper, '#profile-field-url', 'https://acme.okta.com')
    await fill(wrapper, '#profile-field-token', 'typed-token')

    await submit(wrapper)

    const banner = wrapper.find('[role="alert"]')
    expect(banner.text()).toContain('The keychain could not be used.')
    expect(banner.text()).toContain('could not be stored in the keychain')
    expect((wrapper.find('#profile-name').element as HTMLInputElement).value).toBe('Okta sandbox')
    expect((wrapper.find('#profile-field-token').element as HTMLInputElement).value).toBe('typed-token')
    expect(wrapper.emitted('saved')).toBeUndefined()

    await submit(wrapper)

    expect(api.callsTo('profiles.create')).toHaveLength(1)
    expect(api.callsTo('profiles.update')).toEqual([
      expect.objectContaining({ profileId: saved.id, secrets: { token: 'typed-token' } }),
    ])
    expect(wrapper.emitted('saved')).toHaveLength(1)
  })

  it('puts the field messages of an invalid_input answer next to their fields', async () => {
    api.answer('profiles.create', () => ({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Some values are not valid.',
        fields: { 'values.url': 'This address is not an Okta organisation.' },
      },
    }))
    const wrapper = mountForm('okta')
    await fill(wrapper, '#profile-name', 'Okta sandbox')
    await choose(wrapper, 'real')
    await fill(wrapper, '#profile-field-url', 'https://acme.okta.com')
    await fill(wrapper, '#profile-field-token', 'typed-token')

    await submit(wrapper)

    expect(wrapper.find('#profile-field-url-error').text()).toBe('This address is not an Okta organisation.')
    expect(wrapper.find('#profile-form-banner').exists()).toBe(false)
  })

  it('shows a name conflict next to the name', async () => {
    api.answer('profiles.create', () => ({
      ok: false,
      error: { code: 'conflict', message: 'There is already an Okta profile named "Okta sandbox". Choose another name.' },
    }))
    const wrapper = mountForm('okta')
    await fill(wrapper, '#profile-name', 'Okta sandbox')
    await choose(wrapper, 'real')
    await fill(wrapper, '#profile-field-url', 'https://acme.okta.com')
    await fill(wrapper, '#profile-field-token', 'typed-token')

    await submit(wrapper)

    expect(wrapper.find('#profile-name-error').text()).toContain('There is already an Okta profile named "Okta sandbox"')
  })
})
