// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import AttributeList from '../../../../renderer/src/features/directory/detail/AttributeList.vue'
import { findObjectType, getDescriptor } from '../../../../shared/catalogue'
import type { DirectoryObject } from '../../../../shared/directory'
import type { ProfileView } from '../../../../shared/profiles'
import { coupaGroupLike, coupaUser, gotoUser } from './connectorObjects'
import { button, mountPanel, ok, openDialog, page } from './detailFixtures'

afterEach(() => {
  document.body.innerHTML = ''
})

const coupaProfile: Partial<ProfileView> = { connectorId: 'coupa', name: 'Coupa sandbox', values: {}, secrets: { apiKey: 'stored' } }
const gotoProfile: Partial<ProfileView> = { connectorId: 'gotomeeting', name: 'GoTo sandbox', values: {}, secrets: {} }
const emptyFlagNote = 'Coupa returned no value for this yes/no property; it is shown as No, as Coupa treats it.'

describe("an attribute the target explains (attributeNotes)", () => {
  it('carries an info marker whose reason is its tooltip and its accessible description', async () => {
    const { wrapper } = await mountPanel({
      object: coupaUser({
        attributes: { id: '42', userName: 'ada', 'Extension.Custom.new_user': false, 'Extension.ExpenseUser': true },
        attributeNotes: { 'Extension.Custom.new_user': emptyFlagNote },
      }),
      profile: coupaProfile,
      answers: { 'directory.groupsOf': () => ok(page([])) },
    })

    const flag = wrapper.find('.attribute[data-path="Extension.Custom.new_user"]')
    expect(flag.find('dd').text()).toContain('No')
    const marker = flag.find('.attribute__note')
    expect(marker.attributes('title')).toBe(emptyFlagNote)
    expect(marker.attributes('tabindex')).toBe('0')
    const description = document.getElementById(marker.attributes('aria-describedby') ?? '')
    expect(description?.textContent).toBe(emptyFlagNote)
    expect(description?.classList.contains('visually-hidden')).toBe(true)
    // Only the explained value carries a marker.
    expect(wrapper.find('.attribute[data-path="Extension.ExpenseUser"] .attribute__note').exists()).toBe(false)
  })
})

describe('attributes the target does not provide (descriptor notProvided)', () => {
  const descriptor = getDescriptor('gotomeeting')
  const users = findObjectType(descriptor, 'users')!
  // GoTo's created / modified dates, as its descriptor lists them (its limitation says "not provided").
  const withDates = { ...users, notProvided: users.notProvided ?? [] }

  it('reads the dates GoToMeeting does not provide from its descriptor', () => {
    expect(withDates.notProvided.map((row) => row.scim)).toEqual(['meta.created', 'meta.lastModified'])
  })

  it('says "Not provided by GoToMeeting" in a muted style instead of a blank', () => {
    const wrapper = mount(AttributeList, { props: { descriptor, objectType: withDates, attributes: gotoUser().attributes } })

    for (const row of withDates.notProvided) {
      const shown = wrapper.find(`.attribute[data-path="${row.scim}"]`)
      expect(shown.find('dt').text()).toBe(row.label)
      expect(shown.find('dd').text()).toBe('Not provided by GoToMeeting')
      expect(shown.find('dd').classes()).toContain('attribute__not-provided')
    }
    const empty = wrapper.findAll('.attribute-empty li').map((item) => item.attributes('data-path'))
    expect(empty).not.toContain('meta.created')
  })

  it('shows a value if one came after all', () => {
    const attributes = { ...gotoUser().attributes, 'meta.created': '2025-02-01T10:00:00.000Z' }
    const wrapper = mount(AttributeList, { props: { descriptor, objectType: withDates, attributes } })

    expect(wrapper.find('.attribute[data-path="meta.created"] dd').text()).not.toContain('Not provided')
    expect(wrapper.findAll('.attribute[data-path="meta.created"]')).toHaveLength(1)
  })
})

describe('the deprovision confirmation across connectors', () => {
  it('names each membership type a Coupa deprovision records, with its count', async () => {
    const memberships: Record<string, DirectoryObject[]> = {
      groups: [coupaGroupLike('groups', 'g1', 'EMEA content')],
      roles: [coupaGroupLike('roles', 'r1', 'Buyer'), coupaGroupLike('roles', 'r2', 'Approver')],
      'user-groups': [],
      'account-groups': [coupaGroupLike('account-groups', 'a1', 'EMEA')],
    }
    const { wrapper, confirmation } = await mountPanel({
      object: coupaUser(),
      profile: coupaProfile,
      answers: {
        'directory.groupsOf': (input) =>
          input.relatedType === 'account-groups' && input.cursor === '50'
            ? ok(page([coupaGroupLike('account-groups', 'a2', 'APAC')]))
            : input.relatedType === 'account-groups'
              ? ok({ items: memberships['account-groups']!, nextCursor: '50', total: null })
              : ok(page(memberships[input.relatedType ?? 'groups'] ?? [])),
      },
    })

    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()

    expect(openDialog(confirmation).find('.confirm__message').text()).toBe(
      "Deprovision Ada Lovelace: they can't sign in; their content groups (1), roles (2), approval groups (0) " +
        // The account groups' second page is read before the dialog opens: a whole count, not "1+".
        'and account groups (2) are recorded so undo can bring them back.',
    )
  })

  it('says what a GoToMeeting deprovision takes away (admin roles and licences), and that undo gives it back', async () => {
    const { wrapper, confirmation } = await mountPanel({
      object: gotoUser(),
      profile: gotoProfile,
      answers: { 'directory.groupsOf': () => ok(page([])) },
    })

    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()

    const dialog = openDialog(confirmation)
    expect(dialog.find('.confirm__message').text()).toBe(
      "Deprovision Ada Lovelace: they can't sign in; their status and what the deprovision takes away are recorded so undo can bring them back.",
    )
    expect(dialog.text()).toMatch(/What goes.*removing the licences and admin roles/s)
  })
})
