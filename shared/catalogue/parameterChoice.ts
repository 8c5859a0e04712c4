import type { ConnectorDescriptor, ParameterDescriptor } from './types'

/*
 * Parameters that depend on a choice (how a profile signs in). One place decides which apply, so
 * the form, the checks before saving and the connectors agree.
 */

/** The value a profile holds for `key`, or what its absence means (`valueWhenAbsent`, else the default). */
export function chosenValue(descriptor: ConnectorDescriptor, values: Readonly<Record<string, string | undefined>>, key: string): string {
  const given = values[key]?.trim()
  if (given) return given
  const parameter = descriptor.parameters.find((candidate) => candidate.key === key)
  return parameter?.valueWhenAbsent ?? parameter?.defaultValue ?? ''
}

/** Whether `parameter` is in use with these values: always, unless its `appliesWhen` choice holds something else. */
export function parameterApplies(descriptor: ConnectorDescriptor, parameter: ParameterDescriptor, values: Readonly<Record<string, string | undefined>>): boolean {
  const condition = parameter.appliesWhen
  return condition === undefined || condition.values.includes(chosenValue(descriptor, values, condition.key))
}
