import { getDescriptor, parameterApplies, type ConnectorDescriptor, type ParameterDescriptor } from '../../../../shared/catalogue'
import type { SandboxStatus } from '../../../../shared/contract'
import type { Environment, ProfileView } from '../../../../shared/profiles'
import { plainParameters, secretParameters } from '../../../../shared/profileValidation'

/** Words for a profile in lists and headers, all derived from its connector's descriptor. */

export function environmentLabel(environment: Environment): string {
  return environment === 'real' ? 'Real tenant' : 'Sandbox'
}

export function descriptorOf(profile: ProfileView): ConnectorDescriptor {
  return getDescriptor(profile.connectorId)
}

/** The profile's parameters of the sign-in method it uses (a Coupa OAuth profile has no API key to speak of). */
function usedParameters(profile: ProfileView, parameters: readonly ParameterDescriptor[]): ParameterDescriptor[] {
  const descriptor = descriptorOf(profile)
  return parameters.filter((parameter) => parameterApplies(descriptor, parameter, profile.values))
}

export interface SecretState {
  key: string
  /** e.g. "token stored", "client secret missing". */
  text: string
  stored: boolean
}

export function secretStates(profile: ProfileView): SecretState[] {
  return usedParameters(profile, secretParameters(descriptorOf(profile))).map((parameter) => {
    const stored = profile.secrets[parameter.key] === 'stored'
    return { key: parameter.key, stored, text: `${inSentence(parameter.label)} ${stored ? 'stored' : 'missing'}` }
  })
}

/**
 * A required secret is missing: the profile cannot connect until someone enters it. Not so for
 * one of Lanyard's own Sandbox profiles (`ownSandbox`): Lanyard writes its tenant's secrets when
 * the tenant first starts.
 */
export function needsSecrets(profile: ProfileView, ownSandbox: 'on' | 'off' | null = null): boolean {
  if (ownSandbox !== null) return false
  return usedParameters(profile, secretParameters(descriptorOf(profile))).some(
    (parameter) => parameter.required && profile.secrets[parameter.key] !== 'stored',
  )
}

export interface KeyValue {
  label: string
  value: string
}

/**
 * The values that tell two profiles of one connector apart: addresses first, then the other
 * required settings, at most `limit`. Long free text (custom properties) is left out.
 */
export function keyValues(profile: ProfileView, limit = 2): KeyValue[] {
  const parameters = usedParameters(profile, plainParameters(descriptorOf(profile))).filter((parameter) => parameter.kind !== 'customProperties')
  const addresses = parameters.filter((parameter) => parameter.kind === 'url')
  const others = parameters.filter((parameter) => parameter.kind !== 'url' && parameter.required)
  // Lanyard's own choices (how to sign in) say less about which tenant it is than the reference's values: last.
  const ordered = [...others.filter((parameter) => parameter.origin !== 'lanyard' || parameter.kind !== 'select'), ...others.filter((parameter) => parameter.origin === 'lanyard' && parameter.kind === 'select')]
  return [...addresses, ...ordered]
    .map((parameter) => ({ label: parameter.label, value: shownValue(parameter, profile.values[parameter.key] ?? parameter.valueWhenAbsent ?? '') }))
    .filter((entry) => entry.value !== '')
    .slice(0, limit)
}

/** A choice as its label reads ("OAuth client credentials"), anything else as it is. */
function shownValue(parameter: ParameterDescriptor, value: string): string {
  const label = parameter.options?.find((option) => option.value === value)?.label
  return label === undefined ? value : label.replace(/ \(.*\)$/, '')
}

/** A label as it reads mid-sentence: "Client Secret" → "client secret", but "API key" keeps its acronym. */
export function inSentence(label: string): string {
  return label
    .split(' ')
    .map((word) => (word.length > 1 && word === word.toUpperCase() ? word : word.toLowerCase()))
    .join(' ')
}

/** Why Lanyard's Sandbox profiles do not connect, and how to change that. */
export function sandboxOffText(status: Pick<SandboxStatus, 'switchedOffBy'>): string {
  return status.switchedOffBy
    ? `Sandbox profiles are off for this run: Lanyard was started with ${status.switchedOffBy}=off. Start it without that variable to use them.`
    : "Sandbox profiles are off, so Lanyard's simulated tenants do not start. Turn them on under Profiles to use them."
}
