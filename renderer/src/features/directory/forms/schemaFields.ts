import type { AttributeSchema, SchemaAttribute } from '../../../../../shared/attributeSchema'
import type { ObjectTypeDescriptor } from '../../../../../shared/catalogue'
import type { Attributes } from '../../../../../shared/directory'
import { isBlank } from '../../../../../shared/directoryValidation'
import { labelFor } from '../../../components/attributeValues'
import { attributeGroupNames, groupOf } from '../detail/attributeSections'
import type { AttributeField, Draft } from './attributeForm'

/*
 * The create and edit forms of a target with its own attribute schema (a Cognito pool's): the
 * descriptor's fields, each told by the schema whether the pool requires it and whether it may change
 * after the create, plus the pool's custom attributes. A form shows what a person fills in every
 * day (the reference's fields, the name, anything required or already set); every other schema
 * attribute is one choice away in "Add an attribute". Without a schema the descriptor's fields are
 * the form, as before.
 */

/** The names a help desk fills in on every new user, though the reference's table has no row for them. */
const everydayPaths = new Set(['name.givenName', 'name.familyName'])

export interface SchemaForm {
  fields: AttributeField[]
  /** Schema attributes the form can add, by label. */
  addable: { path: string; label: string }[]
}

export interface SchemaFormInput {
  objectType: ObjectTypeDescriptor
  /** `createFields` or `editFields`. */
  fields: readonly AttributeField[]
  schema: AttributeSchema | null
  mode: 'create' | 'edit'
  /** Edit: the object's attributes; create: the draft (what has been typed is never hidden). */
  values: Attributes | Draft
  /** Paths the person added with "Add an attribute". */
  added: readonly string[]
}

function limitsOf(attribute: SchemaAttribute): AttributeField['limits'] {
  const { minLength, maxLength, min, max } = attribute
  const limits = Object.fromEntries(Object.entries({ minLength, maxLength, min, max }).filter(([, value]) => value !== undefined))
  return Object.keys(limits).length > 0 ? limits : undefined
}

function withSchema(field: AttributeField, attribute: SchemaAttribute, mode: SchemaFormInput['mode']): AttributeField {
  const limits = limitsOf(attribute)
  const shaped: AttributeField = { ...field, required: field.required || (attribute.required && !field.readOnly), ...(limits ? { limits } : {}) }
  if (mode === 'edit' && !attribute.mutable && !field.readOnly) {
    return { ...shaped, readOnly: true, required: false, note: 'Set when the user is created: this user pool does not let it change afterwards.' }
  }
  return shaped
}

/** A pool attribute the descriptor has no row for (`custom:department`): text, or a tick box for a Boolean one. */
function customField(attribute: SchemaAttribute, mode: SchemaFormInput['mode']): AttributeField {
  const field: AttributeField = {
    path: attribute.path,
    label: labelFor(attribute.path),
    hint: `${attribute.name}: a custom attribute of this user pool`,
    kind: attribute.type === 'Boolean' ? 'checkbox' : 'text',
    required: false,
    readOnly: false,
    note: attribute.type === 'Number' ? 'A number.' : '',
  }
  return withSchema(field, attribute, mode)
}

function hasValue(values: SchemaFormInput['values'], path: string): boolean {
  const value = values[path]
  return value !== undefined && value !== false && !isBlank(typeof value === 'string' ? value.trim() : value)
}

const sectionOrder = (objectType: ObjectTypeDescriptor, path: string): number => attributeGroupNames.indexOf(groupOf(path, objectType.customAttributePrefix))

export function schemaForm(input: SchemaFormInput): SchemaForm {
  const { objectType, schema, mode, values } = input
  if (!schema) return { fields: [...input.fields], addable: [] }
  const byPath = new Map(schema.attributes.map((attribute) => [attribute.path, attribute]))
  const rows = new Map(objectType.mapping.map((row) => [row.scim, row]))
  const added = new Set(input.added)
  const candidates: AttributeField[] = []
  for (const field of input.fields) {
    const attribute = byPath.get(field.path)
    const row = rows.get(field.path)
    // A standard attribute this pool does not have, or a custom one it no longer has: nothing to fill in.
    if (!attribute && (row?.origin === 'lanyard' || (!row && objectType.customAttributePrefix && field.path.startsWith(objectType.customAttributePrefix)))) {
      if (!hasValue(values, field.path)) continue
    }
    candidates.push(attribute ? withSchema(field, attribute, mode) : field)
  }
  const known = new Set(candidates.map((field) => field.path))
  for (const attribute of schema.attributes) {
    if (!known.has(attribute.path) && !rows.has(attribute.path)) candidates.push(customField(attribute, mode))
  }

  const shownByDefault = (field: AttributeField): boolean => {
    const row = rows.get(field.path)
    if (field.required || hasValue(values, field.path) || added.has(field.path)) return true
    // Read-only facts (sub, dates) are shown when set, else there is nothing to see.
    if (field.readOnly && !field.computed) return false
    return (row !== undefined && row.origin !== 'lanyard') || everydayPaths.has(field.path)
  }
  const shown = candidates.filter(shownByDefault)
  const order = (field: AttributeField) => (field.readOnly && !field.computed ? attributeGroupNames.length : sectionOrder(objectType, field.path))
  const fields = shown.map((field, index) => ({ field, index })).sort((a, b) => order(a.field) - order(b.field) || a.index - b.index).map(({ field }) => field)
  const addable = candidates
    .filter((field) => !shownByDefault(field) && !field.readOnly)
    .map((field) => ({ path: field.path, label: field.label }))
    .sort((a, b) => a.label.localeCompare(b.label))
  return { fields, addable }
}

const numberFormat = new Intl.NumberFormat('en-US')

/** The schema's limits on a typed value, in words: "Department is at most 256 characters (this user pool's limit)." */
export function schemaProblem(field: AttributeField, typed: string | boolean | undefined): string | undefined {
  const limits = field.limits
  if (!limits || typeof typed !== 'string') return undefined
  const text = typed.trim()
  if (text === '') return undefined
  const length = [...text].length
  if (limits.maxLength !== undefined && length > limits.maxLength) {
    return `${field.label} is at most ${numberFormat.format(limits.maxLength)} characters (this user pool's limit); it has ${numberFormat.format(length)}.`
  }
  if (limits.minLength !== undefined && limits.minLength > 0 && length < limits.minLength) {
    return `${field.label} is at least ${numberFormat.format(limits.minLength)} characters (this user pool's limit).`
  }
  if (limits.min !== undefined || limits.max !== undefined) {
    const number = Number(text)
    if (!Number.isFinite(number)) return `${field.label} is a number.`
    if (limits.min !== undefined && number < limits.min) return `${field.label} is at least ${numberFormat.format(limits.min)}.`
    if (limits.max !== undefined && number > limits.max) return `${field.label} is at most ${numberFormat.format(limits.max)}.`
  }
  return undefined
}
