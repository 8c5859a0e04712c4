import { parseCustomProperties } from './catalogue/customProperties'
import { parameterApplies } from './catalogue/parameterChoice'
import type { ConnectorDescriptor, ParameterDescriptor } from './catalogue/types'
import { pemCertificateProblem } from './certificateFormat'
import type { Environment } from './profiles'
import { isLoopbackHost, plainHttpFieldMessage, plainHttpRefusal } from './secureAddress'

/*
 * Offline checks of a profile's plain parameter values against its connector descriptor. The
 * renderer runs them live, per field; the main process runs them again before saving (the
 * authoritative check). Pure and fast: no network, no keychain. Values are judged trimmed; the
 * caller stores them trimmed (`trimProfileValues`). Addresses are judged with the profile's
 * environment: http:// only for a sandbox on this computer (see secureAddress.ts), and a Sandbox
 * profile only for a sandbox on this computer: any other address is a real tenant.
 */

export type ProfileValueErrors = Record<string, string>

export function secretParameters(descriptor: ConnectorDescriptor): ParameterDescriptor[] {
  return descriptor.parameters.filter((parameter) => parameter.secret)
}

export function plainParameters(descriptor: ConnectorDescriptor): ParameterDescriptor[] {
  return descriptor.parameters.filter((parameter) => !parameter.secret)
}

export function trimProfileValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim()]))
}

const plausibleEmail = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/

function isAbsoluteHttpAddress(value: string): boolean {
  if (/\s/.test(value)) return false
  try {
    const address = new URL(value)
    return (address.protocol === 'https:' || address.protocol === 'http:') && address.hostname !== ''
  } catch {
    return false
  }
}

/** The message for one filled-in value, or undefined when it is fine. */
function checkValue(parameter: ParameterDescriptor, value: string): string | undefined {
  switch (parameter.kind) {
    case 'url': {
      if (isAbsoluteHttpAddress(value)) return undefined
      const example = parameter.placeholder ?? parameter.defaultValue ?? 'https://acme.okta.com'
      return `Enter a full address starting with https://, e.g. ${example}`
    }
    case 'email':
      return plausibleEmail.test(value) ? undefined : `Enter an email address, e.g. ${parameter.placeholder ?? 'admin@acme.com'}`
    case 'select': {
      const options = parameter.options ?? []
      if (options.some((option) => option.value === value)) return undefined
      const example = options[0]?.value
      return `"${value}" is not one of the choices for ${parameter.label}: pick one from the list${example ? `, e.g. ${example}` : ''}.`
    }
    case 'customProperties': {
      const { errors } = parseCustomProperties(value)
      return errors.length === 0 ? undefined : errors.join(' ')
    }
    case 'certificate':
      return pemCertificateProblem(value)
    case 'text':
    case 'secret':
      return undefined
  }
}

/**
 * Key → message for every problem in `values` (an empty object means valid). Refuses keys the
 * connector does not have, and keys of secret parameters: a secret goes to the OS keychain and
 * must never sit in the plain values, which are written to disk and shown to the renderer.
 */
export function validateProfileValues(descriptor: ConnectorDescriptor, values: Record<string, string>, environment: Environment): ProfileValueErrors {
  const errors: ProfileValueErrors = {}
  const parametersByKey = new Map(descriptor.parameters.map((parameter) => [parameter.key, parameter]))

  for (const key of Object.keys(values)) {
    const parameter = parametersByKey.get(key)
    if (parameter === undefined) {
      errors[key] = `"${key}" is not a setting of ${descriptor.label} profiles: remove it.`
    } else if (parameter.secret) {
      errors[key] =
        `${parameter.label} is a secret and must never be stored with the plain settings: ` +
        'enter it in its own field so it is kept in the OS keychain.'
    }
  }

  for (const parameter of plainParameters(descriptor)) {
    // A parameter of a sign-in method the profile does not use is neither required nor checked.
    if (!parameterApplies(descriptor, parameter, values)) continue
    const value = (values[parameter.key] ?? '').trim()
    if (value === '') {
      // A choice whose absence has a meaning (profiles saved before it existed) is never missing.
      if (parameter.required && parameter.valueWhenAbsent === undefined) errors[parameter.key] = `Enter the ${parameter.label}: ${descriptor.label} profiles need it.`
      else if (environment === 'sandbox' && parameter.kind === 'url') errors[parameter.key] = sandboxWithoutAddressMessage(descriptor, parameter)
      continue
    }
    const message = checkValue(parameter, value) ?? plainHttpProblemOf(parameter, value, environment) ?? sandboxProblemOf(parameter, value, environment)
    if (message !== undefined) errors[parameter.key] = message
  }
  return errors
}

/** For a well-formed address: why a profile of `environment` may not send its credentials there. */
function plainHttpProblemOf(parameter: ParameterDescriptor, value: string, environment: Environment): string | undefined {
  if (parameter.kind !== 'url' || !isAbsoluteHttpAddress(value)) return undefined
  const refusal = plainHttpRefusal(new URL(value), environment)
  return refusal && plainHttpFieldMessage(refusal, value)
}

/**
 * Only the addresses that would carry credentials over plain http:// (a subset of
 * `validateProfileValues`): an import flags such an entry in its preview instead of refusing the file.
 */
export function plainHttpProblems(descriptor: ConnectorDescriptor, values: Record<string, string>, environment: Environment): ProfileValueErrors {
  const errors: ProfileValueErrors = {}
  for (const parameter of plainParameters(descriptor)) {
    const message = plainHttpProblemOf(parameter, (values[parameter.key] ?? '').trim(), environment)
    if (message !== undefined) errors[parameter.key] = message
  }
  return errors
}

/** A well-formed address of a tenant on this computer: the only kind a Sandbox profile may have. */
function isLoopbackAddress(value: string): boolean {
  return isAbsoluteHttpAddress(value) && isLoopbackHost(new URL(value).hostname)
}

/** For a well-formed address: why a profile of `environment` may not call it a sandbox. */
function sandboxProblemOf(parameter: ParameterDescriptor, value: string, environment: Environment): string | undefined {
  if (environment !== 'sandbox' || parameter.kind !== 'url' || !isAbsoluteHttpAddress(value) || isLoopbackAddress(value)) return undefined
  return `${value} is not a sandbox on this computer, so it is a real tenant: choose Real. Sandbox is only for a tenant on this computer (localhost or 127.0.0.1), where mistakes cost nothing.`
}

function sandboxWithoutAddressMessage(descriptor: ConnectorDescriptor, parameter: ParameterDescriptor): string {
  return `Without a ${parameter.label} this profile reaches the real ${descriptor.label}, so it is a real tenant: choose Real, or enter the address of a sandbox on this computer (http://127.0.0.1:<port>).`
}

/**
 * The environment a stored or imported profile really has: a "Sandbox" whose address is not a
 * tenant on this computer (or that has none, and so reaches the real service) is Real. Profiles
 * saved before that rule existed, and export files, are judged with this rather than refused.
 */
export function honestEnvironment(descriptor: ConnectorDescriptor, values: Record<string, string>, environment: Environment): Environment {
  if (environment === 'real') return 'real'
  const addresses = plainParameters(descriptor).filter((parameter) => parameter.kind === 'url')
  return addresses.every((parameter) => isLoopbackAddress((values[parameter.key] ?? '').trim())) ? 'sandbox' : 'real'
}
