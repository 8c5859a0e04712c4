import type { ConnectorDescriptor } from '../../shared/catalogue/types'

/**
 * A profile's values switched to the sign-in method that uses secret `key` (Coupa's API key, GoTo's
 * password), so a wrong canary in it is actually sent and refused: a secret of a method the profile
 * does not use is never read. Unchanged for a secret every method uses.
 */
export function valuesUsingSecret(descriptor: ConnectorDescriptor, key: string, values: Readonly<Record<string, string>>): Record<string, string> {
  const choice = descriptor.parameters.find((parameter) => parameter.key === key)?.appliesWhen
  return choice ? { ...values, [choice.key]: choice.values[0] ?? '' } : { ...values }
}
