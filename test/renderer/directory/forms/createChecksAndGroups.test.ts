// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { typingPauseMs } from '../../../../renderer/src/components/typingPause'
import type { CheckCreateInput, CreateObjectInput, ListObjectsInput } from '../../../../shared/directory'
import { button, confirmDialog, group, ok, openDialog, page } from '../detail/detailFixtures'
import { cognitoUser, mountCreatePanel, type CreateSetup } from './formFixtures'

afterEach(() => {
  // A test that failed between faking and restoring the clock must not leave it faked.
  vi.useRealTimers()
  document.body.innerHTML = ''
})

async function submit(setup: CreateSetup): Promise<void> {
  await setup.wrapper.find('form.create-panel__form').trigger('submit')
  await flushPromises()
}

function dialogRows(setup: CreateSetup): string[][] {
  return openDialog(setup.confirmation)
    .findAll('tbody tr')
    .map((row) => row.findAll('th, td').map((cell) => cell.text()))
}

describe('choosing groups for a new user, where the target adds them as steps of the create', () => {
  const groups = [group('admins', 'Admins'), group('readers', 'Readers'), group('auditors', 'Auditors')]

  function mountCognito(): CreateSetup {
    return mountCreatePanel('cognito', {
      'directory.list': (input) => ok(page(groups.filter((candidate) => candidate.displayName.toLowerCase().includes((input.search ?? '').toLowerCase())))),
      'directory.create': () => ok(cognitoUser('ada')),
    })
  }

  it('searches the target’s groups as the person types and shows the chosen ones as removable chips', async () => {
    const setup = mountCognito()
    const search = setup.wrapper.find('#create-groups')

    await search.trigger('focus')
    await flushPromises()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    await search.setValue('rea')
    expect((setup.api.callsTo('directory.list') as ListObjectsInput[]).map((input) => input.search)).toEqual([''])
    vi.advanceTimersByTime(typingPauseMs)
    await flushPromises()

    const lists = setup.api.callsTo('directory.list') as ListObjectsInput[]
    expect(lists.map((input) => [input.objectType, input.search])).toEqual([
      ['groups', ''],
      ['groups', 'rea'],
    ])
    expect(setup.wrapper.findAll('.groups-field__choice').map((choice) => choice.attributes('data-id'))).toEqual(['readers'])

    await setup.wrapper.find('.groups-field__choice[data-id="readers"]').trigger('click')
    await search.setValue('')
    vi.advanceTimersByTime(typingPauseMs)
    vi.useRealTimers()
    await flushPromises()
    await setup.wrapper.find('.groups-field__choice[data-id="admins"]').trigger('click')

    expect(setup.wrapper.findAll('.groups-field__chip').map((chip) => chip.text().replace('✕', '').trim())).toEqual(['Readers', 'Admins'])
    expect(setup.wrapper.find('.groups-field__choice[data-id="readers"]').attributes('disabled')).toBeDefined()

    await setup.wrapper.find('button[aria-label="Remove Readers"]').trigger('click')
    expect(setup.wrapper.findAll('.groups-field__chip').map((chip) => chip.text().replace('✕', '').trim())).toEqual(['Admins'])
  })

  it('lists the groups in the confirmation and sends their ids with the create', async () => {
    const setup = mountCognito()
    await setup.wrapper.find('#create-userName').setValue('ada')
    await setup.wrapper.find('#create-emails-0--value').setValue('ada@example.com')
    await setup.wrapper.find('#create-groups').trigger('focus')
    await flushPromises()
    await setup.wrapper.find('.groups-field__choice[data-id="admins"]').trigger('click')
    await setup.wrapper.find('.groups-field__choice[data-id="auditors"]').trigger('click')

    await submit(setup)
    expect(dialogRows(setup)).toContainEqual(['Add to groups', 'Admins, Auditors'])
    await confirmDialog(setup.confirmation, 'Create user')

    const sent = setup.api.callsTo('directory.create') as CreateObjectInput[]
    expect(sent).toEqual([
      {
        profileId: setup.profile.id,
        objectType: 'users',
        attributes: { userName: 'ada', 'emails[0].value': 'ada@example.com' },
        groups: ['admins', 'auditors'],
      },
    ])
  })

  it('shows a refusal of the chosen groups beside the Groups field, for screen readers too', async () => {
    const refusal = 'a Cognito user can be in at most 25 groups, and 26 were chosen. Choose 25 or fewer.'
    const setup = mountCreatePanel('cognito', {
      'directory.list': () => ok(page(groups)),
      'directory.create': () => ({
        ok: false,
        error: { code: 'invalid_input', message: `The new user was not created: ${refusal}`, fields: { groups: refusal } },
      }),
    })
    await setup.wrapper.find('#create-userName').setValue('ada')
    await setup.wrapper.find('#create-emails-0--value').setValue('ada@example.com')

    await submit(setup)
    await confirmDialog(setup.confirmation, 'Create user')

    const error = setup.wrapper.find('#create-groups-error')
    expect(error.text()).toBe(refusal)
    const input = setup.wrapper.find('#create-groups')
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(input.attributes('aria-describedby')?.split(' ')).toContain('create-groups-error')
  })

  it('offers no groups field where memberships are added after the create', () => {
    const setup = mountCreatePanel('okta')

    expect(setup.wrapper.find('#create-groups').exists()).toBe(false)
    expect(setup.wrapper.text()).not.toContain('Groups')
  })
})

describe('what the target would do with a create, said before it is confirmed', () => {
  async function fillGoToUser(setup: CreateSetup): Promise<void> {
    await setup.wrapper.find('#create-emails-0--value').setValue('grace@example.com')
    await setup.wrapper.find('#create-name-givenName').setValue('Grace')
    await setup.wrapper.find('#create-name-familyName').setValue('Hopper')
  }

  const reactivation = 'grace@example.com belongs to a deleted account: creating re-activates it instead.'

  it('asks the target first and shows each warning in the confirmation; the person may still create', async () => {
    const setup = mountCreatePanel('gotomeeting', {
      'directory.checkCreate': () => ok({ warnings: [reactivation] }),
      'directory.create': () => ok(cognitoUser('grace')),
    })
    await fillGoToUser(setup)

    await submit(setup)

    const attributes = { 'name.givenName': 'Grace', 'name.familyName': 'Hopper', 'emails[0].value': 'grace@example.com' }
    expect(setup.api.callsTo('directory.checkCreate') as CheckCreateInput[]).toEqual([
      { profileId: setup.profile.id, objectType: 'users', attributes },
    ])
    expect(openDialog(setup.confirmation).find('.confirmation__warnings').text()).toBe(reactivation)
    await confirmDialog(setup.confirmation, 'Create user')
    expect(setup.api.callsTo('directory.create')).toHaveLength(1)
  })

  it('creates nothing when the person cancels after reading a warning', async () => {
    const setup = mountCreatePanel('gotomeeting', { 'directory.checkCreate': () => ok({ warnings: [reactivation] }) })
    await fillGoToUser(setup)

    await submit(setup)
    await button(openDialog(setup.confirmation), 'Cancel').trigger('click')
    await flushPromises()

    expect(setup.api.callsTo('directory.create')).toEqual([])
  })

  it('says so when the check itself failed, without blocking the create', async () => {
    const setup = mountCreatePanel('gotomeeting', {
      'directory.checkCreate': () => ({ ok: false, error: { code: 'network', message: 'GoToMeeting did not answer within 30 seconds.' } }),
      'directory.create': () => ok(cognitoUser('grace')),
    })
    await fillGoToUser(setup)

    await submit(setup)

    expect(openDialog(setup.confirmation).find('.confirmation__warnings').text()).toBe(
      'Lanyard could not check this create with GoToMeeting first: GoToMeeting did not answer within 30 seconds. You can still create it.',
    )
    await confirmDialog(setup.confirmation, 'Create user')
    expect(setup.api.callsTo('directory.create')).toHaveLength(1)
  })

  it('does not ask the target while the form still has problems', async () => {
    const setup = mountCreatePanel('gotomeeting')

    await submit(setup)

    expect(setup.api.callsTo('directory.checkCreate')).toEqual([])
    expect(setup.wrapper.find('#create-emails-0--value-error').text()).toBe('Email is required.')
  })

  it('offers to open the existing account when the target reports the new one as a duplicate', async () => {
    const setup = mountCreatePanel('gotomeeting', {
      'directory.create': () => ({
        ok: false,
        error: {
          code: 'conflict',
          message: 'GoToMeeting already has an account for grace@example.com: no new account was made.',
          details: { existingId: '7210045', entryId: 'entry-3' },
        },
      }),
    })
    await fillGoToUser(setup)
    await submit(setup)
    await confirmDialog(setup.confirmation, 'Create user')

    expect(setup.wrapper.find('.error-details').text()).toContain('already has an account for grace@example.com')
    await button(setup.wrapper, 'Open the existing account').trigger('click')
    expect(setup.wrapper.emitted('open')).toEqual([['7210045']])
    expect(setup.wrapper.emitted('created')).toBeUndefined()
  })
})
