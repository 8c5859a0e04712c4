// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { AttributeSchema } from '../../../../shared/attributeSchema'
import { findObjectType, getDescriptor } from '../../../../shared/catalogue'
import type { DirectoryObject } from '../../../../shared/directory'
import { button, mountPanel, ok } from '../detail/detailFixtures'
import { mountCreatePanel } from './formFixtures'

/*
 * Issue 15, "A UI that holds", Cognito: the New user form has name fields, Edit offers every schema
 * attribute (a user created without a name can get one), hides create-only fields and keeps sub
 * read-only; the pool's schema is asked once per profile for the session.
 */

afterEach(() => {
  document.body.innerHTML = ''
})

const users = findObjectType(getDescriptor('cognito'), 'users')!
const poolSchema: AttributeSchema = {
  attributes: [
    ...users.mapping
      .filter((row) => row.origin === 'lanyard' || row.scim === 'emails[0].value' || row.scim === 'phoneNumbers[0].value')
      .map((row) => ({ path: row.scim, name: row.native.replace(/^UserAttributes\./, ''), type: 'String' as const, required: row.scim === 'emails[0].value', mutable: row.scim !== 'meta.sub', maxLength: 2048 })),
    { path: 'Extension.Custom.custom:department', name: 'custom:department', type: 'String', required: false, mutable: true, maxLength: 256 },
  ],
}

/** Created without a name: a username, an email and Cognito's sub. */
function namelessUser(): DirectoryObject {
  return {
    id: 'ada',
    objectType: 'users',
    displayName: 'ada',
    secondary: 'ada',
    status: { label: 'CONFIRMED', tone: 'ok', active: true },
    readOnlyReason: null,
    attributes: { id: 'ada', userName: 'ada', displayName: 'ada', 'emails[0].value': 'ada@example.com', 'meta.sub': '5b2f0c1e-1111', active: true },
  }
}

const schemaAnswer = { 'directory.attributeSchema': () => ok(poolSchema) }

describe('Cognito forms from the pool schema', () => {
  it('gives the New user form given and family name fields, and adds any other schema attribute by keyboard', async () => {
    const setup = mountCreatePanel('cognito', schemaAnswer)
    await flushPromises()
    expect(setup.wrapper.find('#create-name-givenName').exists()).toBe(true)
    expect(setup.wrapper.find('#create-name-familyName').exists()).toBe(true)
    expect(setup.wrapper.find('#create-locale').exists()).toBe(false)

    const picker = setup.wrapper.find('#create-add-attribute')
    await picker.setValue('locale')
    await picker.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(setup.wrapper.find('#create-locale').exists()).toBe(true)
    expect(document.activeElement?.id).toBe('create-locale')
  })

  it('offers a user created without a name every schema attribute in Edit, no create-only field, and sub read-only', async () => {
    const setup = await mountPanel({ object: namelessUser(), profile: { connectorId: 'cognito', name: 'Cognito sandbox' }, answers: schemaAnswer })
    await button(setup.wrapper, 'Edit').trigger('click')
    await flushPromises()
    const form = setup.wrapper.find('form.edit-form')
    expect(form.find('#edit-name-givenName').exists()).toBe(true)
    expect(form.find('[data-path="Extension.IsPasswordPermanent"]').exists()).toBe(false)
    expect(form.find('[data-path="Extension.DesiredDeliveryMediums"]').exists()).toBe(false)
    expect(form.find('#edit-meta-sub').attributes()).toHaveProperty('readonly')
    const choices = form.findAll('#edit-add-attribute option').map((option) => option.attributes('value'))
    expect(choices).toEqual(expect.arrayContaining(['locale', 'timezone', 'Extension.Custom.custom:department']))
    expect(choices).not.toContain('meta.sub')
  })

  it("refuses at the field a value over the pool's own limit, in words", async () => {
    const setup = mountCreatePanel('cognito', schemaAnswer)
    await flushPromises()
    await setup.wrapper.find('#create-add-attribute').setValue('Extension.Custom.custom:department')
    await button(setup.wrapper, 'Add').trigger('click')
    await flushPromises()
    await setup.wrapper.find('#create-Extension-Custom-custom-department').setValue('x'.repeat(300))
    expect(setup.wrapper.find('#create-Extension-Custom-custom-department-error').text()).toBe(
      "Department is at most 256 characters (this user pool's limit); it has 300.",
    )
  })

  it('asks for the pool schema once per profile, however often the forms open', async () => {
    const setup = await mountPanel({ object: namelessUser(), profile: { connectorId: 'cognito', name: 'Cognito sandbox' }, answers: schemaAnswer })
    for (let round = 0; round < 3; round += 1) {
      await button(setup.wrapper, 'Edit').trigger('click')
      await flushPromises()
      await button(setup.wrapper, 'Cancel').trigger('click')
      await flushPromises()
    }
    expect(setup.api.callsTo('directory.attributeSchema')).toEqual([{ profileId: setup.profile.id, objectType: 'users' }])
  })
})
