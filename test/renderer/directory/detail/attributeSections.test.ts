import { describe, expect, it } from 'vitest'
import { findObjectType, getDescriptor, type ConnectorId } from '../../../../shared/catalogue'
import { attributeSections, groupOf } from '../../../../renderer/src/features/directory/detail/attributeSections'

function usersOf(connectorId: ConnectorId) {
  const descriptor = getDescriptor(connectorId)
  const users = findObjectType(descriptor, 'users')
  if (!users) throw new Error(`${connectorId} has no users`)
  return { descriptor, users }
}

describe('attribute sections of the detail panel', () => {
  it('puts custom attributes in their own group before the extension rule applies', () => {
    expect(groupOf('Extension.Custom.badge', 'Extension.Custom.')).toBe('Custom')
    expect(groupOf('Extension.Department', 'Extension.Custom.')).toBe('Extension')
    expect(groupOf('emails[0].value', undefined)).toBe('Contact')
    expect(groupOf('addresses.locality', undefined)).toBe('Address')
    expect(groupOf('meta.lastModified', undefined)).toBe('Meta')
    expect(groupOf('title', undefined)).toBe('Work')
  })

  it('shows Coupa approval and account groups once: in their membership sections, not again among the attributes', () => {
    const { descriptor, users } = usersOf('coupa')

    const sections = attributeSections(descriptor, users, { 'Extension.ApprovalGroups': ['Finance approvers'], 'Extension.AccountGroups': ['UK Accounts'] })

    const shown = [...sections.groups.flatMap((group) => group.attributes), ...sections.empty].map((attribute) => attribute.path)
    expect(shown).not.toContain('Extension.ApprovalGroups')
    expect(shown).not.toContain('Extension.AccountGroups')
  })

  it('says Coupa codes in words and approval limits with their currency', () => {
    const { descriptor, users } = usersOf('coupa')

    const sections = attributeSections(descriptor, users, {
      'Extension.accountSecurityType': 2,
      'Extension.businessGroupSecurityType': 1,
      'Extension.requisitionApprovalLimit': '100000.00',
      'Extension.defaultCurrency': 'GBP',
    })

    const value = (path: string) => sections.groups.flatMap((group) => group.attributes).find((attribute) => attribute.path === path)?.values
    expect(value('Extension.accountSecurityType')).toEqual(['Limited to their account groups (2)'])
    expect(value('Extension.businessGroupSecurityType')).toEqual(['Limited to their content groups (1)'])
    expect(value('Extension.requisitionApprovalLimit')).toEqual(['100,000.00 GBP'])
  })

  it("shows a fact two Coupa fields hold (the cost centre) once, naming both fields", () => {
    const { descriptor, users } = usersOf('coupa')

    const sections = attributeSections(descriptor, users, { 'Extension.CostCenter': 'CC-2100', 'Extension.Custom.cost_center': 'CC-2100' })

    const costCentres = sections.groups.flatMap((group) => group.attributes).filter((attribute) => attribute.values.includes('CC-2100'))
    expect(costCentres).toHaveLength(1)
    expect(costCentres[0]?.hint).toContain('cost_center')
    expect(sections.groups.map((group) => group.name)).not.toContain('Custom')
  })

  it('never lists write-only rows such as a Cognito password, nor membership rows', () => {
    const { descriptor, users } = usersOf('cognito')

    const sections = attributeSections(descriptor, users, { userName: 'ada', 'emails[0].value': 'ada@example.com' })

    const paths = [...sections.groups.flatMap((group) => group.attributes), ...sections.empty].map((attribute) => attribute.path)
    expect(paths).not.toContain('password')
    expect(paths).not.toContain('Extension.IsPasswordPermanent')
    expect(paths.some((path) => path.includes('[]'))).toBe(false)
    const contact = sections.groups.find((group) => group.name === 'Contact')
    expect(contact?.attributes[0]?.label).toBe('Email')
  })

  it("attaches the object's note to the value it explains, and only to that one", () => {
    const { descriptor, users } = usersOf('coupa')
    const note = 'Coupa returned no value; shown as No.'

    const sections = attributeSections(descriptor, users, { 'Extension.ExpenseUser': false, 'Extension.SourcingUser': true }, { 'Extension.ExpenseUser': note })

    const extension = sections.groups.find((group) => group.name === 'Extension')?.attributes ?? []
    expect(extension.find((attribute) => attribute.path === 'Extension.ExpenseUser')?.note).toBe(note)
    expect(extension.find((attribute) => attribute.path === 'Extension.SourcingUser')).not.toHaveProperty('note')
  })

  it('lists what the target does not provide in its group, saying so, instead of among the empty ones', () => {
    const { descriptor, users } = usersOf('gotomeeting')
    const withDates = { ...users, notProvided: [{ scim: 'meta.created', label: 'Created' }] }

    const sections = attributeSections(descriptor, withDates, { userName: 'ada@example.com' })

    expect(sections.groups.find((group) => group.name === 'Meta')?.attributes).toEqual([
      { path: 'meta.created', label: 'Created', hint: 'SCIM meta.created · not provided by GoToMeeting', values: [], notProvided: 'Not provided by GoToMeeting' },
    ])
    expect(sections.empty.map((attribute) => attribute.path)).not.toContain('meta.created')
  })
})
