import type { ConnectorId } from '../../shared/catalogue/types'
import type { CreateProfileInput } from '../../shared/profiles'

/** Valid plain values for each connector, as a help-desk person would type them. */
export const validValues: Record<ConnectorId, Record<string, string>> = {
  okta: { url: 'https://acme.okta.com' },
  cognito: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', region: 'eu-west-1', userPoolId: 'eu-west-1_AbCdEf123' },
  coupa: { url: 'https://acme.coupahost.com', customProperties: 'cost_center|string;' },
  gotomeeting: {
    username: 'admin@acme.com',
    clientId: 'client-1234',
    accountKey: '987654321',
    url: 'https://api.getgo.com/admin/rest/v1/',
  },
}

/** The secret parameter keys of each connector, as the catalogue declares them. */
export const secretKeys: Record<ConnectorId, string[]> = {
  okta: ['token'],
  cognito: ['accessSecret'],
  coupa: ['apiKey'],
  gotomeeting: ['password', 'clientSecret'],
}

export function oktaProfile(name: string, secrets: Record<string, string> = {}): CreateProfileInput {
  return { connectorId: 'okta', name, environment: 'real', values: { ...validValues.okta }, secrets }
}
