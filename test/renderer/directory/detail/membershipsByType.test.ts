// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { DirectoryObject, ListRelatedInput } from '../../../../shared/directory'
import type { ProfileView } from '../../../../shared/profiles'
import { coupaGroupLike, coupaUser, gotoGroup, gotoUser } from './connectorObjects'
import { button, confirmDialog, mountPanel, ok, openDialog, page, type Searchable } from './detailFixtures'

afterEach(() => {
  document.body.innerHTML = ''
})

const coupaProfile: Partial<ProfileView> = { connectorId: 'coupa', name: 'Coupa sandbox', values: {}, secrets: { apiKey: 'stored' } }
const gotoProfile: Partial<ProfileView> = { connectorId: 'gotomeeting', name: 'GoTo sandbox', values: {}, secrets: {} }

/** A Coupa user's memberships, per group-like type, as `directory.groupsOf` answers them. */
const coupaMemberships: Record<string, DirectoryObject[]> = {
  groups: [coupaGroupLike('groups', 'g1', 'Everyone in EMEA')],
  roles: [coupaGroupLike('roles', 'r1', 'Buyer'), coupaGroupLike('roles', 'r2', 'Expense user')],
  'user-groups': [],
  'account-groups': [coupaGroupLike('account-groups', 'a1', 'EMEA')],
}

function groupsOfCoupaUser(input: { relatedType?: string }) {
  return ok(page(coupaMemberships[input.relatedType ?? 'groups'] ?? []))
}

function section(wrapper: Searchable, key: string) {
  const found = wrapper.findAll(`.memberships[data-section="${key}"]`)[0]
  if (!found) throw new Error(`No membership section ${key}`)
  return found
}

function titles(wrapper: Searchable): string[] {
  return wrapper.findAll('.memberships__title').map((title) => title.text())
}

describe("a Coupa user's memberships, one section per group-like type", () => {
  it('reads and shows each type in its own section, asking for that type', async () => {
    const { api, wrapper } = await mountPanel({ object: coupaUser(), profile: coupaProfile, answers: { 'directory.groupsOf': groupsOfCoupaUser } })

    expect(titles(wrapper)).toEqual(['Content groups (1)', 'Roles (2)', 'Approval groups (0)', 'Account groups (1)'])
    const asked = (api.callsTo('directory.groupsOf') as ListRelatedInput[]).map((input) => input.relatedType)
    expect(asked.sort()).toEqual(['account-groups', 'groups', 'roles', 'user-groups'])
    expect(section(wrapper, 'groupsOf:roles').findAll('.membership__name').map((name) => name.text())).toEqual(['Buyer', 'Expense user'])
    // Roles are read-only objects, but the user's side changes them: Remove works.
    expect(section(wrapper, 'groupsOf:roles').find('.membership[data-id="r1"] button').attributes('disabled')).toBeUndefined()
    expect(section(wrapper, 'groupsOf:user-groups').text()).toContain('Not in any approval group.')
  })

  it('adds a role from the user: the picker searches roles and the change names the role type', async () => {
    const { api, profile, wrapper, confirmation } = await mountPanel({
      object: coupaUser(),
      profile: coupaProfile,
      answers: {
        'directory.groupsOf': groupsOfCoupaUser,
        'directory.list': () => ok(page([coupaGroupLike('roles', 'r1', 'Buyer'), coupaGroupLike('roles', 'r3', 'Approver')])),
        'directory.addMember': () => ok(null),
      },
    })

    await button(section(wrapper, 'groupsOf:roles'), 'Add to role…').trigger('click')
    await flushPromises()
    expect(api.callsTo('directory.list').at(-1)).toMatchObject({ profileId: profile.id, objectType: 'roles' })
    expect(wrapper.find('.picker__choice[data-id="r1"]').attributes('disabled')).toBeDefined()

    await wrapper.find('.picker__choice[data-id="r3"]').trigger('click')

    await wrapper.find('.picker__add').trigger('click')
    await flushPromises()
    const dialog = openDialog(confirmation)
    expect(dialog.text()).toContain('Add Ada Lovelace to Approver.')
    expect(dialog.text()).toContain('Role')
    await confirmDialog(confirmation, 'Add to role')

    expect(api.callsTo('directory.addMember')).toEqual([{ profileId: profile.id, groupType: 'roles', groupId: 'r3', userId: '42' }])
  })

  it('removes an account group with its group type, and re-reads each section once when main reports it', async () => {
    const { api, profile, wrapper, confirmation } = await mountPanel({
      object: coupaUser(),
      profile: coupaProfile,
      answers: { 'directory.groupsOf': groupsOfCoupaUser, 'directory.removeMember': () => ok(null) },
    })
    const readsBefore = api.callsTo('directory.groupsOf').length

    await section(wrapper, 'groupsOf:account-groups').find('.membership[data-id="a1"]').find('button').trigger('click')
    await flushPromises()
    await confirmDialog(confirmation, 'Remove from account group')

    expect(api.callsTo('directory.removeMember')).toEqual([{ profileId: profile.id, groupType: 'account-groups', groupId: 'a1', userId: '42' }])
    const reread = (api.callsTo('directory.groupsOf') as ListRelatedInput[]).slice(readsBefore)
    expect(reread.map((input) => input.relatedType)).toEqual(['groups', 'roles', 'user-groups', 'account-groups'])
  })

  it('keeps one picker open at a time across sections', async () => {
    const { wrapper } = await mountPanel({
      object: coupaUser(),
      profile: coupaProfile,
      answers: { 'directory.groupsOf': groupsOfCoupaUser, 'directory.list': () => ok(page([])) },
    })

    await button(section(wrapper, 'groupsOf:roles'), 'Add to role…').trigger('click')
    await flushPromises()
    await button(section(wrapper, 'groupsOf:account-groups'), 'Add to account group…').trigger('click')
    await flushPromises()

    expect(wrapper.findAll('.picker__box')).toHaveLength(1)
    expect(section(wrapper, 'groupsOf:account-groups').find('.picker__box').exists()).toBe(true)
    expect(section(wrapper, 'groupsOf:roles').find('.picker__box').exists()).toBe(false)
  })

  it('counts "50+" while a type has more pages and no total', async () => {
    const fifty = Array.from({ length: 50 }, (_, index) => coupaGroupLike('roles', `r${index}`, `Role ${index}`))
    const { wrapper } = await mountPanel({
      object: coupaUser(),
      profile: coupaProfile,
      answers: {
        'directory.groupsOf': (input) => (input.relatedType === 'roles' ? ok({ items: fifty, nextCursor: '50', total: null }) : groupsOfCoupaUser(input)),
      },
    })

    expect(section(wrapper, 'groupsOf:roles').find('.memberships__title').text()).toBe('Roles (50+)')
    expect(button(section(wrapper, 'groupsOf:roles'), 'Show more').exists()).toBe(true)
  })
})

describe("a Coupa role's panel: members changed from the user's side", () => {
  it("lists members read-only, each a link to the user's panel, and says where to change them", async () => {
    const { api, router, profile, wrapper } = await mountPanel({
      object: coupaGroupLike('roles', 'r1', 'Buyer'),
      profile: coupaProfile,
      answers: { 'directory.members': () => ok(page([coupaUser()])) },
    })

    expect(api.callsTo('directory.members')).toEqual([expect.objectContaining({ profileId: profile.id, objectType: 'roles', objectId: 'r1' })])
    const members = wrapper.find('.memberships')
    expect(members.find('.memberships__title').text()).toBe('Members (1)')
    expect(members.find('.memberships__read-only').text()).toBe(
      "Coupa changes roles from the user's side, so they are shown here, not changed: " +
        'open a user below, or find one under Users, and use their Roles section.',
    )
    expect(members.findAll('button:not(.memberships__export)').map((candidate) => candidate.text())).toEqual([])

    // Each member keeps their own line (their login), not the role's read-only reason again.
    expect(members.find('.membership__secondary').text()).toBe('ada')
    const link = members.find('a.membership__name')
    expect(link.text()).toBe('Ada Lovelace')
    expect(link.attributes('href')).toBe(`/profiles/${profile.id}/users/42`)
    await link.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('directory-object')
    expect(router.currentRoute.value.params).toMatchObject({ id: profile.id, objectType: 'users', objectId: '42' })
  })
})

describe('GoToMeeting memberships, which the target cannot change', () => {
  it("shows a user's groups, with the descriptor's words instead of buttons", async () => {
    const { api, wrapper } = await mountPanel({
      object: gotoUser(),
      profile: gotoProfile,
      answers: { 'directory.groupsOf': () => ok({ items: [gotoGroup('g5', 'Support team')], nextCursor: null, total: 1 }) },
    })

    expect(api.callsTo('directory.groupsOf')).toHaveLength(1)
    const groups = wrapper.find('.memberships')
    expect(groups.find('.memberships__title').text()).toBe('Groups (1)')
    expect(groups.find('.membership__name').text()).toBe('Support team')
    expect(groups.find('.memberships__read-only').text()).toBe(
      "GoToMeeting does not support membership changes: a user's groups are shown, not changed here.",
    )
    expect(groups.findAll('button:not(.memberships__export)')).toHaveLength(0)
  })

  it("shows a group's members read-only, counted from the target's total", async () => {
    const { api, wrapper } = await mountPanel({
      object: gotoGroup('g5', 'Support team'),
      profile: gotoProfile,
      answers: { 'directory.members': () => ok({ items: [gotoUser()], nextCursor: '1', total: 120 }) },
    })

    expect(api.callsTo('directory.members')).toHaveLength(1)
    const members = wrapper.find('.memberships')
    expect(members.find('.memberships__title').text()).toBe('Members (120)')
    expect(members.find('.memberships__read-only').text()).toBe(
      "GoToMeeting does not support membership changes: a group's members are shown, not changed here.",
    )
    expect(members.findAll('button:not(.memberships__export)').map((candidate) => candidate.text())).toEqual(['Show more'])
  })
})
