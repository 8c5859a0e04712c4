import { describe, expect, it } from 'vitest'
import { findObjectType, getDescriptor } from '../../../../shared/catalogue'
import type { AttributeSchema } from '../../../../shared/attributeSchema'
import { createFields, editFields } from '../../../../renderer/src/features/directory/forms/attributeForm'
import { schemaForm, schemaProblem } from '../../../../renderer/src/features/directory/forms/schemaFields'

const descriptor = getDescriptor('cognito')
const users = findObjectType(descriptor, 'users')!
/**
 * A pool's schema as main hands it over (attributeSchema.integration.test.ts reads the sandbox's): every
 * standard attribute under its row's path, email required, sub immutable, and two custom attributes.
 */
const standardPaths = ['emails[0].value', 'phoneNumbers[0].value', 'Extension.email_verified', 'Extension.phone_number_verified']
const schema: AttributeSchema = {
  attributes: [
    ...users.mapping
      .filter((row) => row.origin === 'lanyard' || standardPaths.includes(row.scim))
      .map((row) => ({ path: row.scim, name: row.native.replace(/^UserAttributes\./, ''), type: 'String' as const, required: row.scim === 'emails[0].value', mutable: row.scim !== 'meta.sub', maxLength: 2048 })),
    { path: 'Extension.Custom.custom:department', name: 'custom:department', type: 'String', required: false, mutable: true, maxLength: 256 },
    { path: 'Extension.Custom.custom:employee_id', name: 'custom:employee_id', type: 'String', required: false, mutable: true, maxLength: 32 },
  ],
}
/** A user created without a name: only a username, an email and sub. */
const nameless = { id: 'ada', userName: 'ada', displayName: 'ada', 'emails[0].value': 'ada@example.com', 'meta.sub': '5b2f0c1e', active: true }

const paths = (fields: readonly { path: string }[]) => fields.map((field) => field.path)

describe("Cognito forms from the pool's schema", () => {
  it('gives the New user form name fields, and every other schema attribute one choice away', () => {
    const form = schemaForm({ objectType: users, fields: createFields(descriptor, users), schema, mode: 'create', values: {}, added: [] })
    expect(paths(form.fields)).toEqual(expect.arrayContaining(['userName', 'name.givenName', 'name.familyName', 'emails[0].value']))
    expect(paths(form.addable)).toEqual(expect.arrayContaining(['locale', 'timezone', 'name.middleName', 'Extension.Custom.custom:department']))
    expect(paths(form.fields)).not.toContain('meta.sub')
    expect(paths(form.addable)).not.toContain('meta.sub')
  })

  it('offers a user without a name every schema attribute in Edit, hides create-only fields and keeps sub read-only', () => {
    const form = schemaForm({ objectType: users, fields: editFields(descriptor, users, nameless), schema, mode: 'edit', values: nameless, added: [] })
    const offered = [...paths(form.fields), ...paths(form.addable)]
    // Every attribute the pool lets change and Lanyard may write (updated_at is Cognito's own clock).
    const writable = schema.attributes.filter((candidate) => candidate.mutable && users.mapping.find((row) => row.scim === candidate.path)?.access !== 'readOnly')
    expect(writable.length).toBeGreaterThan(15)
    for (const attribute of writable) expect(offered, attribute.name).toContain(attribute.path)
    expect(paths(form.fields)).toEqual(expect.arrayContaining(['name.givenName', 'name.familyName']))
    expect(offered).not.toContain('Extension.IsPasswordPermanent')
    expect(offered).not.toContain('Extension.DesiredDeliveryMediums')
    expect(form.fields.find((field) => field.path === 'meta.sub')).toMatchObject({ readOnly: true })
    expect(paths(form.addable)).not.toContain('meta.sub')
  })

  it('shows an added attribute, and marks an attribute the pool makes immutable read-only in Edit but not on create', () => {
    const immutable: AttributeSchema = {
      attributes: schema.attributes.map((attribute) => (attribute.name === 'custom:employee_id' ? { ...attribute, mutable: false, required: true } : attribute)),
    }
    const employee = { ...nameless, 'Extension.Custom.custom:employee_id': 'E-1' }
    const edit = schemaForm({ objectType: users, fields: editFields(descriptor, users, employee), schema: immutable, mode: 'edit', values: employee, added: ['locale'] })
    expect(paths(edit.fields)).toContain('locale')
    expect(edit.fields.find((field) => field.path === 'Extension.Custom.custom:employee_id')).toMatchObject({ readOnly: true })
    const create = schemaForm({ objectType: users, fields: createFields(descriptor, users), schema: immutable, mode: 'create', values: {}, added: [] })
    expect(create.fields.find((field) => field.path === 'Extension.Custom.custom:employee_id')).toMatchObject({ readOnly: false, required: true })
  })

  it("checks a value against the pool's limits, in words", () => {
    const form = schemaForm({ objectType: users, fields: createFields(descriptor, users), schema, mode: 'create', values: {}, added: ['Extension.Custom.custom:department'] })
    const department = form.fields.find((field) => field.path === 'Extension.Custom.custom:department')!
    expect(schemaProblem(department, 'x'.repeat(257))).toBe("Department is at most 256 characters (this user pool's limit); it has 257.")
    expect(schemaProblem(department, 'Finance')).toBeUndefined()
  })

  it('leaves a target without a schema to the descriptor', () => {
    const fields = createFields(descriptor, users)
    expect(schemaForm({ objectType: users, fields, schema: null, mode: 'create', values: {}, added: [] })).toEqual({ fields, addable: [] })
  })
})
