// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CreateObjectInput } from '../../../../shared/directory'
import type { ProfileView } from '../../../../shared/profiles'
import { installApi } from '../../../../renderer/src/api/lanyardApi'
import CreateObjectPanel from '../../../../renderer/src/features/directory/forms/CreateObjectPanel.vue'
import { useUiStore } from '../../../../renderer/src/stores/ui'
import { createFakeLanyardApi, profileView, type FakeLanyardApi } from '../../support/fakeLanyardApi'
import { adaLovelace, button, confirmDialog, group, mountConfirmation, ok, openDialog } from '../detail/detailFixtures'

const password = 'Correct-Horse-Battery-9'
let api: FakeLanyardApi
let pinia: Pinia
let profile: ProfileView
/** The app's one confirmation dialog, where the panel's questions appear. */
let confirmation: VueWrapper

beforeEach(() => {
  api = createFakeLanyardApi({
    'directory.checkCreate': () => ok({ warnings: [] }),
    'directory.create': (input) => ok(input.objectType === 'users' ? adaLovelace() : group('00g5', 'Analysts')),
  })
  installApi(api)
  pinia = createPinia()
  setActivePinia(pinia)
  profile = profileView({ name: 'Okta sandbox' })
  confirmation = mountConfirmation(pinia)
})

afterEach(() => {
  document.body.innerHTML = ''
})

function mountCreate(objectTypeId = 'users') {
  return mount(CreateObjectPanel, {
    props: { profile, objectTypeId },
    global: { plugins: [pinia] },
    attachTo: document.body,
  })
}

type Wrapper = ReturnType<typeof mountCreate>

async function fillAda(wrapper: Wrapper): Promise<void> {
  await wrapper.find('#create-name-givenName').setValue('Ada')
  await wrapper.find('#create-name-familyName').setValue('Lovelace')
  await wrapper.find('#create-userName').setValue('ada.lovelace@example.com')
  await wrapper.find('#create-emails-value').setValue('ada.lovelace@example.com')
  await wrapper.find('#create-password').setValue(password)
}

async function submit(wrapper: Wrapper): Promise<void> {
  await wrapper.find('form.create-panel__form').trigger('submit')
  await flushPromises()
}

describe('creating an object beside the table', () => {
  it('builds its fields from the writable rows and marks the mandatory ones', () => {
    const wrapper = mountCreate()

    const labels = wrapper.findAll('.attribute-field label').map((label) => label.text())
    expect(labels).toContain('Given name *')
    expect(labels).toContain('Username *')
    expect(labels).toContain('Email *')
    expect(labels).toContain('Department')
    // Read-only rows are the target's to set.
    expect(wrapper.find('.attribute-field[data-path="meta.created"]').exists()).toBe(false)
    expect(wrapper.find('.attribute-field[data-path="id"]').exists()).toBe(false)
    expect(wrapper.find('#create-userName-help').text()).toMatch(/usernames are email addresses/)
  })

  it('asks for a password, as a password field, when the target needs one on create', () => {
    const wrapper = mountCreate()

    const input = wrapper.find('#create-password')
    expect(input.attributes('type')).toBe('password')
    expect(wrapper.find('label[for="create-password"]').text()).toBe('Password *')
  })

  it('asks for no password for a group', () => {
    const wrapper = mountCreate('groups')

    expect(wrapper.find('input[type="password"]').exists()).toBe(false)
    expect(wrapper.find('label[for="create-displayName"]').text()).toBe('Display name *')
  })

  it('checks the new object before confirming and puts each problem beside its field', async () => {
    const wrapper = mountCreate()

    await wrapper.find('#create-userName').setValue('ada')
    await submit(wrapper)

    expect(wrapper.find('#create-name-givenName-error').text()).toBe('Given name is required.')
    expect(wrapper.find('#create-password-error').text()).toBe('Password is required.')
    expect(wrapper.find('#create-userName-error').text()).toMatch(/must be an email address/)
    expect(wrapper.findAll('dialog .modal__content')).toHaveLength(0)
    expect(api.callsTo('directory.create')).toEqual([])
  })

  it('confirms what will be sent, saying only that a password is set', async () => {
    const wrapper = mountCreate()

    await fillAda(wrapper)
    await submit(wrapper)

    const dialog = openDialog(confirmation)
    const rows = dialog.findAll('tbody tr').map((row) => row.findAll('th, td').map((cell) => cell.text()))
    expect(rows).toContainEqual(['Given name', 'Ada'])
    expect(rows).toContainEqual(['Password', 'set'])
    expect(dialog.html()).not.toContain(password)
    expect(api.callsTo('directory.create')).toEqual([])
  })

  it('sends the password only inside the create call and keeps it nowhere afterwards', async () => {
    const wrapper = mountCreate()

    await fillAda(wrapper)
    await submit(wrapper)
    await confirmDialog(confirmation, 'Create user')

    const sent = api.callsTo('directory.create') as CreateObjectInput[]
    expect(sent).toEqual([
      {
        profileId: profile.id,
        objectType: 'users',
        attributes: {
          userName: 'ada.lovelace@example.com',
          'name.givenName': 'Ada',
          'name.familyName': 'Lovelace',
          'emails.value': 'ada.lovelace@example.com',
        },
        password,
      },
    ])
    const otherCalls = api.calls.filter((call) => call.name !== 'directory.create')
    expect(JSON.stringify(otherCalls)).not.toContain(password)
    expect(JSON.stringify(pinia.state.value)).not.toContain(password)
    expect((wrapper.find('#create-password').element as HTMLInputElement).value).toBe('')
    expect(wrapper.html()).not.toContain(password)
    expect(wrapper.emitted('created')).toEqual([['00u1ada']])
    expect(useUiStore().toasts.map((toast) => toast.message)).toEqual(['Created Ada Lovelace.'])
  })

  it('keeps everything typed after a refusal, the password included, and leads to the refused field', async () => {
    api.answer('directory.create', () => ({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Okta refused the request (HTTP 400). Okta says: "Api validation failed — title: The field is too long".',
        fields: { title: 'Okta says: "The field is too long".' },
      },
    }))
    const wrapper = mountCreate()

    await fillAda(wrapper)
    await wrapper.find('#create-title').setValue('x'.repeat(5000))
    await submit(wrapper)
    await confirmDialog(confirmation, 'Create user')
    await flushPromises()

    expect(wrapper.find('.error-details').text()).toContain('The field is too long')
    expect(wrapper.find('#create-title-error').text()).toBe('Okta says: "The field is too long".')
    // Issue 15: the banner sat far above and the focus went to the page; the password was cleared, so Create did nothing visible.
    expect(document.activeElement?.id).toBe('create-title')
    expect((wrapper.find('#create-password').element as HTMLInputElement).value).toBe(password)
    expect((wrapper.find('#create-name-givenName').element as HTMLInputElement).value).toBe('Ada')
    expect(wrapper.emitted('created')).toBeUndefined()

    // Fixed, Create goes through again with the same password.
    api.answer('directory.create', () => ok(adaLovelace()))
    await wrapper.find('#create-title').setValue('Analyst')
    await submit(wrapper)
    await confirmDialog(confirmation, 'Create user')
    expect((api.callsTo('directory.create') as CreateObjectInput[]).at(-1)).toMatchObject({ password, attributes: { title: 'Analyst' } })
    expect((wrapper.find('#create-password').element as HTMLInputElement).value).toBe('')
  })

  it("marks the password where the target's policy refused it, and focuses it", async () => {
    api.answer('directory.create', () => ({
      ok: false,
      error: { code: 'invalid_input', message: 'Okta refused the password.', fields: { password: 'Okta says: "Password requirements were not met".' } },
    }))
    const wrapper = mountCreate()

    await fillAda(wrapper)
    await submit(wrapper)
    await confirmDialog(confirmation, 'Create user')
    await flushPromises()

    expect(wrapper.find('#create-password-error').text()).toBe('Okta says: "Password requirements were not met".')
    expect(document.activeElement?.id).toBe('create-password')
    expect((wrapper.find('#create-password').element as HTMLInputElement).value).toBe(password)
    // Typing another password takes the target's message away, as for any other field.
    await wrapper.find('#create-password').setValue('Another-Password-42')
    expect(wrapper.find('#create-password-error').exists()).toBe(false)
  })

  it('brings a refusal that names no field into view and focuses it', async () => {
    api.answer('directory.create', () => ({ ok: false, error: { code: 'network', message: 'Okta did not answer within 30 s.' } }))
    const wrapper = mountCreate()

    await fillAda(wrapper)
    await submit(wrapper)
    await confirmDialog(confirmation, 'Create user')
    await flushPromises()

    expect(document.activeElement?.classList.contains('error-details')).toBe(true)
  })

  it('creates a group without a password and emits its id', async () => {
    const wrapper = mountCreate('groups')

    await wrapper.find('#create-displayName').setValue('Analysts')
    await submit(wrapper)
    await confirmDialog(confirmation, 'Create group')

    expect(api.callsTo('directory.create')).toEqual([{ profileId: profile.id, objectType: 'groups', attributes: { displayName: 'Analysts' } }])
    expect(wrapper.emitted('created')).toEqual([['00g5']])
  })

  it('emits close from Cancel', async () => {
    const wrapper = mountCreate()

    await button(wrapper, 'Cancel').trigger('click')

    expect(wrapper.emitted('close')).toHaveLength(1)
  })
})
