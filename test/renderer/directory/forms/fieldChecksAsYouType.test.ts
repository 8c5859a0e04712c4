// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { DirectoryObject } from '../../../../shared/directory'
import { button, mountPanel, openDialog, type Searchable } from '../detail/detailFixtures'
import { mountCreatePanel } from './formFixtures'

/*
 * Issue 15, "Check before the confirmation, not after", in the forms: the shared field checks run
 * as the person types, the message sits at the field in words, and Create / Save leads to the
 * wrong field instead of opening the confirmation.
 */

afterEach(() => {
  document.body.innerHTML = ''
})

function confirmationOpen(confirmation: Searchable): boolean {
  try {
    openDialog(confirmation)
    return true
  } catch {
    return false
  }
}

function coupaUser(): DirectoryObject {
  return {
    id: '41',
    objectType: 'users',
    displayName: 'Ada Lovelace',
    secondary: 'ada@example.com',
    status: { label: 'Active', tone: 'ok', active: true },
    readOnlyReason: null,
    attributes: {
      id: '41',
      userName: 'ada',
      'name.givenName': 'Ada',
      'name.familyName': 'Lovelace',
      'emails[0].value': 'ada@example.com',
      active: true,
      'Extension.requisitionApprovalLimit': '100000.00',
    },
  }
}

describe('a new Cognito group named "help desk"', () => {
  it('says at the field, as it is typed, that a group name has no spaces; Create leads to the field, not the confirmation', async () => {
    const setup = mountCreatePanel('cognito', {}, 'groups')
    const name = setup.wrapper.find('#create-displayName')

    await name.setValue('help desk')
    const message = setup.wrapper.find('#create-displayName-error')
    expect(message.exists()).toBe(true)
    expect(message.text()).toMatch(/no spaces/)
    expect(message.text()).not.toContain('\\p{')
    expect(name.attributes('aria-invalid')).toBe('true')

    await setup.wrapper.find('form.create-panel__form').trigger('submit')
    await flushPromises()
    expect(confirmationOpen(setup.confirmation)).toBe(false)
    expect(setup.api.callsTo('directory.checkCreate')).toEqual([])
    expect(setup.api.callsTo('directory.create')).toEqual([])
    expect(document.activeElement?.id).toBe('create-displayName')

    await name.setValue('help-desk')
    expect(setup.wrapper.find('#create-displayName-error').exists()).toBe(false)
  })

  it('says a 5,000-character username is too long before Create', async () => {
    const setup = mountCreatePanel('cognito')
    await setup.wrapper.find('#create-userName').setValue('x'.repeat(5000))
    expect(setup.wrapper.find('#create-userName-error').text()).toMatch(/at most 128 characters/)
  })
})

describe('a Coupa requisition approval limit changed to "abc"', () => {
  it('says at the field that it is an amount; Save leads to the field, not the confirmation', async () => {
    const { wrapper, confirmation, api } = await mountPanel({ object: coupaUser(), profile: { connectorId: 'coupa', name: 'Coupa sandbox' } })
    await button(wrapper, 'Edit').trigger('click')
    await flushPromises()
    const limit = wrapper.find('#edit-Extension-requisitionApprovalLimit')

    await limit.setValue('abc')
    expect(wrapper.find('#edit-Extension-requisitionApprovalLimit-error').text()).toMatch(/amount of money/)

    await wrapper.find('form.edit-form').trigger('submit')
    await flushPromises()
    expect(confirmationOpen(confirmation)).toBe(false)
    expect(api.callsTo('directory.update')).toEqual([])
    expect(document.activeElement?.id).toBe('edit-Extension-requisitionApprovalLimit')
  })
})

describe('time zones from a list', () => {
  it('offers the IANA names under a GoTo time zone field and refuses one not on it as it is typed', async () => {
    const setup = mountCreatePanel('gotomeeting')
    const zone = setup.wrapper.find('#create-timezone')
    const list = setup.wrapper.find(`datalist#${zone.attributes('list')}`)
    const offered = list.findAll('option').map((option) => option.attributes('value'))
    expect(offered).toContain('Europe/London')
    expect(offered).toContain('America/New_York')

    await zone.setValue('Mars/Olympus')
    expect(setup.wrapper.find('#create-timezone-error').text()).toMatch(/time zone name/)
    await zone.setValue('Europe/London')
    expect(setup.wrapper.find('#create-timezone-error').exists()).toBe(false)
  })
})
