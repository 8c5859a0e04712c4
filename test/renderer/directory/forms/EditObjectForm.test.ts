// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { UpdateObjectInput } from '../../../../shared/directory'
import { useUiStore } from '../../../../renderer/src/stores/ui'
import { adaLovelace, button, confirmDialog, mountPanel, ok, openDialog } from '../detail/detailFixtures'

afterEach(() => {
  document.body.innerHTML = ''
})

async function mountEditing(answers: Parameters<typeof mountPanel>[0] = {}) {
  const setup = await mountPanel(answers)
  await button(setup.wrapper, 'Edit').trigger('click')
  await flushPromises()
  return setup
}

describe('editing an object in its detail panel', () => {
  it('marks mandatory fields and shows the rule notes under their fields', async () => {
    const { wrapper } = await mountEditing()

    expect(wrapper.find('label[for="edit-name-givenName"]').text()).toBe('Given name *')
    expect(wrapper.find('#edit-name-givenName').attributes('aria-required')).toBe('true')
    expect(wrapper.find('label[for="edit-emails-value"]').text()).toBe('Email *')
    expect(wrapper.find('label[for="edit-title"]').text()).toBe('Title')
    expect(wrapper.find('#edit-emails-value-help').text()).toBe('Changing the email also changes the username to match.')
    expect(wrapper.find('#edit-emails-value').attributes('aria-describedby')).toContain('edit-emails-value-help')
    // Okta has no password row: the edit form never offers a password.
    expect(wrapper.find('input[type="password"]').exists()).toBe(false)
  })

  it('shows read-only attributes greyed out and disabled', async () => {
    const { wrapper } = await mountEditing()

    const created = wrapper.find('.attribute-field[data-path="meta.created"]')
    expect(created.classes()).toContain('attribute-field--read-only')
    expect(created.find('input').attributes('disabled')).toBeDefined()
    expect(created.find('input').element.value).toBe('2024-03-01T09:00:00.000Z')
    expect(created.attributes('title')).toBe('SCIM meta.created · Okta created')
    expect(wrapper.find('.attribute-field[data-path="name.givenName"] input').attributes('disabled')).toBeUndefined()
  })

  it('shows the diff first, then sends only the changed attributes, an emptied one as null', async () => {
    let answered = adaLovelace()
    const { api, profile, wrapper, confirmation } = await mountEditing({
      answers: {
        'directory.update': (input) => {
          answered = adaLovelace({ attributes: { ...adaLovelace().attributes, ...input.changes } })
          return ok(answered)
        },
        // The target after the change: what the panel reads again when main reports it.
        'directory.get': () => ok(answered),
      },
    })

    await wrapper.find('#edit-title').setValue('Chief analyst')
    await wrapper.find('#edit-Extension-Department').setValue('')
    await wrapper.find('#edit-nickName').setValue('Countess')
    await wrapper.find('form.edit-form').trigger('submit')
    await flushPromises()

    const rows = openDialog(confirmation)
      .findAll('tbody tr')
      .map((row) => row.findAll('th, td').map((cell) => cell.text()))
    expect(rows).toEqual([
      ['Nick name', '(empty)', '→', 'becomes Countess'],
      ['Title', 'Analyst', '→', 'becomes Chief analyst'],
      ['Department', 'Engines', '→', 'becomes (cleared)'],
    ])
    expect(api.callsTo('directory.update')).toEqual([])

    await confirmDialog(confirmation, 'Save changes')

    const sent = api.callsTo('directory.update') as UpdateObjectInput[]
    expect(sent).toEqual([
      {
        profileId: profile.id,
        objectType: 'users',
        objectId: '00u1ada',
        changes: { nickName: 'Countess', title: 'Chief analyst', 'Extension.Department': null },
      },
    ])
    // The panel shows main's answer, back in read mode.
    expect(wrapper.find('form.edit-form').exists()).toBe(false)
    expect(wrapper.find('.attribute[data-path="title"] dd').text()).toBe('Chief analyst')
    // Read again once, when main reports the change (the first read was the panel's open).
    expect(api.callsTo('directory.get')).toHaveLength(2)
    expect(useUiStore().toasts.map((toast) => toast.message)).toEqual(['Saved changes to Ada Lovelace.'])
  })

  it('checks the changes before confirming: a bad email stays in the form with its message beside it', async () => {
    const { api, wrapper } = await mountEditing({ answers: { 'directory.update': () => ok(adaLovelace()) } })

    await wrapper.find('#edit-emails-value').setValue('ada at example')
    await wrapper.find('#edit-name-familyName').setValue('')
    await wrapper.find('form.edit-form').trigger('submit')
    await flushPromises()

    expect(wrapper.find('#edit-emails-value-error').text()).toMatch(/must be an email address/)
    expect(wrapper.find('#edit-name-familyName-error').text()).toBe('Family name is required and cannot be emptied.')
    expect(wrapper.findAll('dialog .modal__content')).toHaveLength(0)
    expect(api.callsTo('directory.update')).toEqual([])
  })

  it('says when nothing has changed instead of sending an empty update', async () => {
    const { api, wrapper } = await mountEditing()

    await wrapper.find('#edit-title').setValue('Analyst ')
    await wrapper.find('form.edit-form').trigger('submit')
    await flushPromises()

    expect(wrapper.find('.edit-form__notice').text()).toMatch(/Nothing has changed/)
    expect(api.callsTo('directory.update')).toEqual([])
  })

  it("puts main's field errors beside their fields and keeps what was typed", async () => {
    const { wrapper, confirmation } = await mountEditing({
      answers: {
        'directory.update': () => ({
          ok: false,
          error: {
            code: 'conflict',
            message: 'Okta already has a user with this username.',
            fields: { userName: 'Another user already signs in with grace@example.com.' },
            details: { errorCode: 'E0000001' },
          },
        }),
      },
    })

    await wrapper.find('#edit-userName').setValue('grace@example.com')
    await wrapper.find('form.edit-form').trigger('submit')
    await flushPromises()
    await confirmDialog(confirmation, 'Save changes')

    expect(wrapper.find('.edit-form .error-details').text()).toContain('Okta already has a user with this username.')
    expect(wrapper.find('#edit-userName-error').text()).toBe('Another user already signs in with grace@example.com.')
    expect((wrapper.find('#edit-userName').element as HTMLInputElement).value).toBe('grace@example.com')
    expect(wrapper.emitted('changed')).toBeUndefined()
  })

  it('leads to the field the target refused, not to the banner above the form', async () => {
    const refusal = { code: 'invalid_input' as const, message: 'Coupa refused the values.', fields: { title: 'Coupa says: "Title is too long".' } }
    const { wrapper, confirmation } = await mountEditing({ answers: { 'directory.update': () => ({ ok: false, error: refusal }) } })

    await wrapper.find('#edit-title').setValue('Chief of everything')
    ;(wrapper.find('#edit-userName').element as HTMLInputElement).focus()
    await wrapper.find('form.edit-form').trigger('submit')
    await flushPromises()
    await confirmDialog(confirmation, 'Save changes')
    await flushPromises()

    expect(wrapper.find('#edit-title-error').text()).toBe('Coupa says: "Title is too long".')
    expect(document.activeElement?.id).toBe('edit-title')
    expect((wrapper.find('#edit-title').element as HTMLInputElement).value).toBe('Chief of everything')
  })

  it('keeps what is being typed when main reports the object changed meanwhile', async () => {
    const { api, profile, wrapper } = await mountEditing()

    await wrapper.find('#edit-title').setValue('Chief analyst')
    api.emit('directory.changed', { profileId: profile.id, objectType: 'users', ids: ['00u1ada'] })
    await flushPromises()

    expect(api.callsTo('directory.get')).toHaveLength(2)
    expect((wrapper.find('#edit-title').element as HTMLInputElement).value).toBe('Chief analyst')
  })
})

describe('clearing a field', () => {
  it('says at once why a field may not be emptied, before anything is saved', async () => {
    const { api, wrapper } = await mountEditing()

    await wrapper.find('#edit-name-familyName').setValue('')

    expect(wrapper.find('#edit-name-familyName-error').text()).toBe('Family name is required and cannot be emptied.')
    expect(wrapper.findAll('dialog .modal__content')).toHaveLength(0)
    await wrapper.find('#edit-name-familyName').setValue('Byron')
    expect(wrapper.find('#edit-name-familyName-error').exists()).toBe(false)
    expect(api.callsTo('directory.update')).toEqual([])
  })

  it('lets an optional field be emptied without a word until the diff says "(cleared)"', async () => {
    const { wrapper, confirmation } = await mountEditing({ answers: { 'directory.update': () => ok(adaLovelace()) } })

    await wrapper.find('#edit-title').setValue('  ')
    expect(wrapper.find('#edit-title-error').exists()).toBe(false)
    await wrapper.find('form.edit-form').trigger('submit')
    await flushPromises()

    const rows = openDialog(confirmation)
      .findAll('tbody tr')
      .map((row) => row.findAll('th, td').map((cell) => cell.text()))
    expect(rows).toEqual([['Title', 'Analyst', '→', 'becomes (cleared)']])
  })
})

describe('what the edit form cannot change', () => {
  it('says why a field the target refuses to update has no place in the form', async () => {
    const { wrapper } = await mountEditing()

    expect(wrapper.find('input[type="password"]').exists()).toBe(false)
    expect(wrapper.find('.edit-form__refused').text()).toBe(
      'Password: Okta passwords cannot be changed from Lanyard: Okta needs the old password to set a new one. ' +
        'Ask the person to use "Forgot password", or reset it in the Okta admin console.',
    )
  })

  it('never clears an attribute that appeared after editing began', async () => {
    let current = adaLovelace()
    const { api, profile, wrapper, confirmation } = await mountEditing({
      answers: {
        'directory.get': () => ok(current),
        'directory.update': () => ok(current),
      },
    })

    // Someone else gives Ada a badge while her form is open; main says she changed.
    current = adaLovelace({ attributes: { ...adaLovelace().attributes, 'Extension.Custom.badge': 'B-12' } })
    api.emit('directory.changed', { profileId: profile.id, objectType: 'users', ids: ['00u1ada'] })
    await flushPromises()
    await wrapper.find('#edit-title').setValue('Chief analyst')
    await wrapper.find('form.edit-form').trigger('submit')
    await flushPromises()
    await confirmDialog(confirmation, 'Save changes')

    expect(api.callsTo('directory.update')).toEqual([
      { profileId: profile.id, objectType: 'users', objectId: '00u1ada', changes: { title: 'Chief analyst' } },
    ])
  })
})
