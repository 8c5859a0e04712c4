import type { ConnectorDescriptor } from '../../shared/catalogue/types'
import type { Environment } from '../../shared/profiles'
import { plainHttpProblems, secretParameters, validateProfileValues } from '../../shared/profileValidation'
import { fieldProblemList, valuesNotValid } from '../../shared/errors'
import { AppError } from '../errors/AppError'
import { certificateProblems } from './caCertificateCheck'

/** Profile names are what people recognise, so "Okta prod" and "okta Prod" count as the same. */
export function sameName(a: string, b: string): boolean {
  return comparableName(a) === comparableName(b)
}

/** A name as `sameName` compares it, so sets and maps can do the comparing. */
export function comparableName(name: string): string {
  return name.trim().toLocaleLowerCase()
}

const maxNameLength = 120

/**
 * The first free name of the series `base (copy)`, `base (copy 2)`, … (with a `tag`) or
 * `base (2)`, `base (3)`, … (without). The base is shortened so the result stays a valid name.
 */
export function freeName(base: string, isTaken: (name: string) => boolean, tag?: string): string {
  return firstFreeName(base, isTaken, tag).name
}

/** `freeName`, starting at the series' number `from` (every number before it known taken), and which number it found. */
export function firstFreeName(base: string, isTaken: (name: string) => boolean, tag?: string, from = tag ? 1 : 2): { name: string; number: number } {
  for (let number = from; ; number++) {
    const suffix = tag ? (number === 1 ? ` (${tag})` : ` (${tag} ${number})`) : ` (${number})`
    const candidate = `${base.trim().slice(0, maxNameLength - suffix.length)}${suffix}`
    if (!isTaken(candidate)) return { name: candidate, number }
  }
}

/** "Org URL: must start with https://; Token: …" using the descriptor's labels, without a final full stop. */
export function describeFieldProblems(descriptor: ConnectorDescriptor, fields: Record<string, string>): string {
  return fieldProblemList(labelledProblems(descriptor, fields))
}

function labelledProblems(descriptor: ConnectorDescriptor, fields: Record<string, string>): (readonly [string, string])[] {
  const labelOf = (key: string) => descriptor.parameters.find((parameter) => parameter.key === key)?.label ?? key
  return Object.entries(fields).map(([key, message]) => [labelOf(key), message] as const)
}

/** Refuses values the descriptor does not accept (for a profile of `environment`), with one message per field. */
export function assertValidValues(descriptor: ConnectorDescriptor, values: Record<string, string>, environment: Environment): void {
  // The form's checks first; a certificate in PEM form is then read as one (caCertificateCheck.ts).
  const formProblems = validateProfileValues(descriptor, values, environment)
  const fields = { ...certificateProblems(descriptor, values), ...formProblems }
  if (Object.keys(fields).length > 0) {
    throw new AppError('invalid_input', valuesNotValid(labelledProblems(descriptor, fields)), { fields })
  }
}

/**
 * Why an imported profile cannot be taken as it is: an address that would carry its credentials
 * over plain http:// (a real profile, or one off this computer). Null when it can.
 */
export function plainHttpImportRefusal(descriptor: ConnectorDescriptor, values: Record<string, string>, environment: Environment): string | null {
  const fields = plainHttpProblems(descriptor, values, environment)
  if (Object.keys(fields).length === 0) return null
  return `${describeFieldProblems(descriptor, fields)}. Skip this profile, or correct its address in the file and import it again.`
}

/** Refuses a secret for anything that is not a secret parameter of the connector. */
export function assertSecretKeys(descriptor: ConnectorDescriptor, keys: readonly string[]): void {
  const secretKeys = new Set(secretParameters(descriptor).map((parameter) => parameter.key))
  const fields: Record<string, string> = {}
  for (const key of keys) {
    if (!secretKeys.has(key)) fields[key] = `${descriptor.label} profiles have no secret named "${key}".`
  }
  if (Object.keys(fields).length > 0) {
    const known = [...secretKeys].join(', ') || 'none'
    throw new AppError('invalid_input', `${Object.values(fields).join(' ')} The secrets it keeps are: ${known}.`, { fields })
  }
}

/** The labels of some secret parameters, for messages: `Token`, `Password and Client Secret`. */
export function secretLabels(descriptor: ConnectorDescriptor, keys: readonly string[]): string {
  return inWords(keys.map((key) => descriptor.parameters.find((parameter) => parameter.key === key)?.label ?? key)) || 'secret'
}

/** Items as a sentence lists them: `A`, `A and B`, `A, B and C`. */
export function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
