import { describe, expect, it } from 'vitest'
import { membershipSections } from '../../../../renderer/src/features/directory/detail/membershipRules'
import { findObjectType, getDescriptor, type ConnectorId } from '../../../../shared/catalogue'

function sectionsOf(connectorId: ConnectorId, objectType: string) {
  const descriptor = getDescriptor(connectorId)
  const type = findObjectType(descriptor, objectType)
  if (!type) throw new Error(`${connectorId} has no ${objectType}`)
  return membershipSections(descriptor, type).map(({ key, title, changeHere, userCentric, readOnlyNote, listedType }) => ({
    key,
    title,
    changeHere,
    userCentric,
    listed: listedType.id,
    readOnly: readOnlyNote !== null,
  }))
}

describe('who can change which memberships, from the descriptor', () => {
  it('changes Okta and Cognito groups from both panels: the groups declare membership', () => {
    for (const connectorId of ['okta', 'cognito'] as const) {
      expect(sectionsOf(connectorId, 'users')).toEqual([
        { key: 'groupsOf:groups', title: 'Groups', changeHere: true, userCentric: false, listed: 'groups', readOnly: false },
      ])
      expect(sectionsOf(connectorId, 'groups')).toEqual([
        { key: 'members', title: 'Members', changeHere: true, userCentric: false, listed: 'users', readOnly: false },
      ])
    }
  })

  it("changes Coupa's four group-like types from the user only (\"via user\")", () => {
    expect(sectionsOf('coupa', 'users')).toEqual(
      [
        ['groups', 'Content groups'],
        ['roles', 'Roles'],
        ['user-groups', 'Approval groups'],
        ['account-groups', 'Account groups'],
      ].map(([id, title]) => ({ key: `groupsOf:${id}`, title, changeHere: true, userCentric: true, listed: id, readOnly: false })),
    )
    for (const groupType of ['groups', 'roles', 'user-groups', 'account-groups']) {
      expect(sectionsOf('coupa', groupType)).toEqual([
        { key: 'members', title: 'Members', changeHere: false, userCentric: true, listed: 'users', readOnly: true },
      ])
    }
  })

  it('changes no GoToMeeting membership, yet still shows them', () => {
    expect(sectionsOf('gotomeeting', 'users')).toEqual([
      { key: 'groupsOf:groups', title: 'Groups', changeHere: false, userCentric: false, listed: 'groups', readOnly: true },
    ])
    expect(sectionsOf('gotomeeting', 'groups')).toEqual([
      { key: 'members', title: 'Members', changeHere: false, userCentric: false, listed: 'users', readOnly: true },
    ])
  })
})
