import type { CustomProperty } from '../../../shared/catalogue/customProperties'
import type { AttributeValue, Attributes } from '../../../shared/directory'
import { AppError } from '../../errors/AppError'
import { customAttributeName } from '../customAttributes'
import { objectRecord, type CoupaContext } from './coupaTypes'

/*
 * The profile's version-1 custom properties (`cost_center|string;new_user|boolean;`), each an
 * attribute `Extension.Custom.<name>` of the enterprise extension: single-valued, optional, string
 * or boolean. Coupa keeps custom fields under `custom-fields` (the namespace the mapping's
 * `custom-fields.default-user-cost-center` row uses); older answers put them at the top level
 * (A.4's `"custom-field-8": null`), so both are read, and writes go under `custom-fields`.
 */

export const customPrefix = 'Extension.Custom.'

export const emptyFalseNote =
  'Coupa sent no value. It may send nothing for a yes/no custom property that is No (a known Coupa limitation), so it is shown as No.'

/*
 * Names made once, not for every key of every row of a list: a user's keys, normalised for
 * comparison, are Coupa's attribute names (a few dozen); past `mostNamesKept` they are not kept.
 */
const normalNames = new Map<string, string>()
const mostNamesKept = 1000

/** `cost_center`, `cost-center` and `Cost_Center` name the same Coupa field. */
function normalName(name: string): string {
  let normal = normalNames.get(name)
  if (normal === undefined) {
    normal = name.toLowerCase().replace(/_/g, '-')
    if (normalNames.size < mostNamesKept) normalNames.set(name, normal)
  }
  return normal
}

function rawValue(user: Record<string, unknown>, name: string): unknown {
  const wanted = normalName(name)
  for (const source of [objectRecord(user['custom-fields']), user]) {
    if (!source) continue
    for (const key in source) {
      if (Object.hasOwn(source, key) && normalName(key) === wanted) {
        if (source[key] !== undefined) return source[key]
        break
      }
    }
  }
  return undefined
}

function asBoolean(value: unknown): boolean | null {
  if (value === true || value === 'true') return true
  if (value === false || value === 'false') return false
  return null
}

export function readCustomProperties(context: CoupaContext, user: Record<string, unknown>): { attributes: Attributes; notes: Record<string, string> } {
  const attributes: Attributes = {}
  const notes: Record<string, string> = {}
  for (const property of context.customProperties) {
    const path = customAttributeName(customPrefix, property.name)
    const value = rawValue(user, property.name)
    if (property.type === 'boolean') {
      const flag = asBoolean(value)
      attributes[path] = flag ?? false
      if (flag === null) notes[path] = emptyFalseNote
    } else if (typeof value === 'string' || typeof value === 'number') {
      attributes[path] = String(value)
    }
  }
  return { attributes, notes }
}

function propertyOf(context: CoupaContext, path: string): CustomProperty {
  const name = path.slice(customPrefix.length)
  const property = context.customProperties.find((candidate) => candidate.name === name)
  if (property) return property
  const known = context.customProperties.map((candidate) => candidate.name).join(', ')
  throw new AppError('invalid_input', `"${name}" is not one of this profile's custom properties${known ? ` (${known})` : ''}. Nothing was sent.`, {
    fields: { [path]: 'Add it to the profile\'s Custom properties first, as name|string or name|boolean.' },
  })
}

/** The value Coupa is sent for one custom property; refuses a value of the wrong type. */
function customValue(property: CustomProperty, path: string, value: AttributeValue): string | boolean | null {
  if (value === null) return null
  if (property.type === 'boolean') {
    const flag = asBoolean(typeof value === 'string' ? value.trim().toLowerCase() : value)
    if (flag !== null) return flag
    throw new AppError('invalid_input', `${property.name} is a yes/no custom property: it takes true or false. Nothing was sent.`, {
      fields: { [path]: 'Use true or false.' },
    })
  }
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  throw new AppError('invalid_input', `${property.name} is a text custom property: it takes one piece of text. Nothing was sent.`, {
    fields: { [path]: 'Use one line of text.' },
  })
}

/** The `custom-fields` object for the custom properties among `attributes`. */
export function writeCustomProperties(context: CoupaContext, attributes: Attributes): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const [path, value] of Object.entries(attributes)) {
    if (!path.startsWith(customPrefix)) continue
    const property = propertyOf(context, path)
    fields[property.name] = customValue(property, path, value)
  }
  return fields
}
