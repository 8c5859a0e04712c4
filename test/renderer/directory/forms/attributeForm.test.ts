import { describe, expect, it } from 'vitest'
import { findObjectType, getDescriptor, type ConnectorId } from '../../../../shared/catalogue'
import {
  changesBetween,
  createFields,
  draftFrom,
  editFields,
  newAttributes,
  passwordField,
  refusedUpdates,
} from '../../../../renderer/src/features/directory/forms/attributeForm'

function typeOf(connectorId: ConnectorId, objectTypeId: string) {
  const descriptor = getDescriptor(connectorId)
  const objectType = findObjectType(descriptor, objectTypeId)
  if (!objectType) throw new Error(`${connectorId} has no ${objectTypeId}`)
  return { descriptor, objectType }
}

describe('the attribute form model', () => {
  it('marks `emails[0].value` rows mandatory from the `emails[0].value` entry of the mandatory list', () => {
    const { descriptor, objectType } = typeOf('cognito', 'users')

    const email = createFields(descriptor, objectType).find((field) => field.path === 'emails[0].value')

    expect(email).toMatchObject({ label: 'Email', required: true, readOnly: false })
  })

  it("leaves Cognito's enable / disable to the panel's buttons: no Active tick box in Edit, the reason listed instead, and still one in New user", () => {
    const { descriptor, objectType } = typeOf('cognito', 'users')
    const fields = editFields(descriptor, objectType, { userName: 'ada', active: true })
    expect(fields.map((field) => field.path)).not.toContain('active')
    expect(refusedUpdates(objectType, fields)).toContainEqual({ label: 'Active', reason: expect.stringContaining('Enable… and Disable…') })
    expect(createFields(descriptor, objectType).map((field) => field.path)).toContain('active')
  })

  it("keeps a password out of the attributes and offers it as the form's own field", () => {
    const cognito = typeOf('cognito', 'users')
    const okta = typeOf('okta', 'users')

    expect(createFields(cognito.descriptor, cognito.objectType).map((field) => field.path)).not.toContain('password')
    expect(passwordField(cognito.objectType)).toEqual({ required: false })
    expect(passwordField(okta.objectType)).toEqual({ required: true })
    expect(passwordField(typeOf('okta', 'groups').objectType)).toBeNull()
  })

  it('turns lists and yes/no values into fields and back without inventing changes', () => {
    const { descriptor, objectType } = typeOf('coupa', 'users')
    // A list field: Coupa's account groups on a new user (Edit changes them in their membership section).
    const attributes = { 'Extension.AccountGroups': ['North', 'South'], active: true, 'Extension.invoiceApprovalLimit': 500 }
    const fields = [...createFields(descriptor, objectType).filter((field) => field.path === 'Extension.AccountGroups'), ...editFields(descriptor, objectType, attributes)]
    const draft = draftFrom(fields, attributes)

    expect(draft['Extension.AccountGroups']).toBe('North\nSouth')
    expect(changesBetween(fields, draft, attributes)).toEqual({})

    const edited = { ...draft, 'Extension.AccountGroups': 'North\n\nWest\n', active: false, 'Extension.invoiceApprovalLimit': '750' }
    expect(changesBetween(fields, edited, attributes)).toEqual({
      'Extension.AccountGroups': ['North', 'West'],
      active: false,
      'Extension.invoiceApprovalLimit': 750,
    })
  })

  it('offers the object’s own custom attributes for editing and lists read-only rows last', () => {
    const { descriptor, objectType } = typeOf('okta', 'users')

    const fields = editFields(descriptor, objectType, { 'Extension.Custom.badge': 'B-12' })

    const badge = fields.find((field) => field.path === 'Extension.Custom.badge')
    expect(badge).toMatchObject({ label: 'Badge', readOnly: false, hint: 'SCIM Extension.Custom.badge · Okta custom attribute' })
    const firstReadOnly = fields.findIndex((field) => field.readOnly)
    expect(fields.slice(firstReadOnly).every((field) => field.readOnly)).toBe(true)
  })

  it('leaves blank fields out of a new object', () => {
    const { descriptor, objectType } = typeOf('okta', 'groups')
    const fields = createFields(descriptor, objectType)

    expect(newAttributes(fields, { displayName: ' Analysts ', 'Extension.Description': '' })).toEqual({ displayName: 'Analysts' })
  })
})

describe('fields of a new object', () => {
  it('offers one value a line for an attribute the target keeps as a list', () => {
    const { descriptor, objectType } = typeOf('coupa', 'users')
    const fields = createFields(descriptor, objectType)

    expect(fields.find((field) => field.path === 'Extension.AccountGroups')?.kind).toBe('list')
    expect(fields.find((field) => field.path === 'Extension.mentionName')?.kind).toBe('text')
    expect(newAttributes(fields, { 'Extension.AccountGroups': 'North\nSouth\n' })).toEqual({ 'Extension.AccountGroups': ['North', 'South'] })
  })

  it('offers a tick box for a yes/no attribute, though a new object has no value to tell it from', () => {
    const { descriptor, objectType } = typeOf('cognito', 'users')
    const fields = createFields(descriptor, objectType)

    expect(fields.find((field) => field.path === 'Extension.IsPasswordPermanent')?.kind).toBe('checkbox')
    expect(fields.find((field) => field.path === 'Extension.email_verified')?.kind).toBe('checkbox')
    // Unticked is left to the target's default, not sent as false.
    expect(newAttributes(fields, { 'Extension.IsPasswordPermanent': true, 'Extension.email_verified': false })).toEqual({
      'Extension.IsPasswordPermanent': true,
    })
  })

  it("offers no Coupa edit box for account or approval groups: their membership sections change them (issue 15)", () => {
    const { descriptor, objectType } = typeOf('coupa', 'users')
    const paths = editFields(descriptor, objectType, { 'Extension.AccountGroups': ['North'], 'Extension.ApprovalGroups': ['Finance'] }).map((field) => field.path)
    expect(paths).not.toContain('Extension.AccountGroups')
    expect(paths).not.toContain('Extension.ApprovalGroups')
  })
})
