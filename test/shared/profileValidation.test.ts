import { describe, expect, it } from 'vitest'
import { getDescriptor } from '../../shared/catalogue'
import { plainParameters, secretParameters, trimProfileValues, validateProfileValues } from '../../shared/profileValidation'
import { isLoopbackHost } from '../../shared/secureAddress'

const okta = getDescriptor('okta')
const cognito = getDescriptor('cognito')
const coupa = getDescriptor('coupa')
const gotomeeting = getDescriptor('gotomeeting')

const validCognito = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_AbCdEf123',
}
const validGoToMeeting = {
  username: 'admin@acme.com',
  clientId: 'a1b2c3',
  accountKey: '1234567890',
  url: 'https://api.getgo.com/admin/rest/v1/',
}

describe('secretParameters and plainParameters', () => {
  it('split the parameters by their secret flag', () => {
    expect(secretParameters(gotomeeting).map((parameter) => parameter.key)).toEqual(['personalAccessToken', 'password', 'clientSecret'])
    expect(plainParameters(gotomeeting).map((parameter) => parameter.key)).toEqual([
      'grantType',
      'username',
      'clientId',
      'accountKey',
      'url',
      'caCertificate',
    ])
    expect(secretParameters(okta).map((parameter) => parameter.key)).toEqual(['token'])
  })
})

describe('validateProfileValues', () => {
  it('accepts complete, well-formed values with an empty object', () => {
    expect(validateProfileValues(okta, { url: 'https://acme.okta.com' }, 'real')).toEqual({})
    expect(validateProfileValues(cognito, validCognito, 'real')).toEqual({})
    expect(validateProfileValues(gotomeeting, validGoToMeeting, 'real')).toEqual({})
    expect(validateProfileValues(coupa, { url: 'https://acme.coupahost.com', customProperties: 'cost_center|string;' }, 'real')).toEqual({})
  })

  it('asks for every required plain parameter left empty or blank', () => {
    expect(validateProfileValues(gotomeeting, { username: '  ' }, 'real')).toEqual({
      username: 'Enter the Username: GoToMeeting profiles need it.',
      clientId: 'Enter the Client Id: GoToMeeting profiles need it.',
      accountKey: 'Enter the Account key: GoToMeeting profiles need it.',
      url: 'Enter the Target URL: GoToMeeting profiles need it.',
    })
  })

  it('asks only for the values of the sign-in method chosen; a profile saved before the choice keeps its old method', () => {
    const coupaOAuth = { url: 'https://acme.coupahost.com', authMethod: 'oauth' }
    expect(validateProfileValues(coupa, coupaOAuth, 'real')).toEqual({
      clientId: 'Enter the Client identifier: Coupa profiles need it.',
      scopes: 'Enter the Scopes: Coupa profiles need it.',
    })
    expect(validateProfileValues(coupa, { ...coupaOAuth, clientId: 'lanyard', scopes: 'core.user.read' }, 'real')).toEqual({})
    // API key profiles (chosen, or saved before the choice existed) need no client.
    expect(validateProfileValues(coupa, { url: 'https://acme.coupahost.com', authMethod: 'apiKey' }, 'real')).toEqual({})
    expect(validateProfileValues(coupa, { url: 'https://acme.coupahost.com' }, 'real')).toEqual({})
    expect(validateProfileValues(coupa, { ...coupaOAuth, authMethod: 'password' }, 'real')).toEqual({
      authMethod: '"password" is not one of the choices for Sign in with: pick one from the list, e.g. oauth.',
    })
    const { username: _username, ...withoutUsername } = validGoToMeeting
    expect(validateProfileValues(gotomeeting, { ...withoutUsername, grantType: 'personalAccessToken' }, 'real')).toEqual({})
    expect(validateProfileValues(gotomeeting, { ...withoutUsername, grantType: 'password' }, 'real')).toEqual({
      username: 'Enter the Username: GoToMeeting profiles need it.',
    })
    expect(validateProfileValues(gotomeeting, withoutUsername, 'real')).toEqual({ username: 'Enter the Username: GoToMeeting profiles need it.' })
  })

  it('does not ask for secrets, which travel separately to the keychain', () => {
    expect(validateProfileValues(okta, { url: 'https://acme.okta.com' }, 'real')).not.toHaveProperty('token')
  })

  it('lets optional parameters stay empty', () => {
    expect(validateProfileValues(cognito, { ...validCognito, url: '' }, 'real')).toEqual({})
    expect(validateProfileValues(coupa, { url: 'https://acme.coupahost.com' }, 'real')).toEqual({})
  })

  it.each(['acme.okta.com', 'ftp://acme.okta.com', 'https://', 'https://acme okta.com', '/relative/path'])(
    'refuses "%s" as a target URL with an example of a full address',
    (url) => {
      expect(validateProfileValues(okta, { url }, 'real')).toEqual({
        url: 'Enter a full address starting with https://, e.g. https://acme.okta.com',
      })
    },
  )

  it('accepts http addresses of local sandbox tenants and checks an optional URL once filled in', () => {
    expect(validateProfileValues(okta, { url: 'http://127.0.0.1:4010' }, 'sandbox')).toEqual({})
    expect(validateProfileValues(cognito, { ...validCognito, url: 'cognito-idp.eu-west-1.amazonaws.com' }, 'real')).toEqual({
      url: 'Enter a full address starting with https://, e.g. https://cognito-idp.eu-west-1.amazonaws.com',
    })
  })

  it.each(['admin', 'admin@', '@acme.com', 'admin@acme', 'ad min@acme.com'])('refuses "%s" as an email username', (username) => {
    expect(validateProfileValues(gotomeeting, { ...validGoToMeeting, username }, 'real')).toEqual({
      username: 'Enter an email address, e.g. admin@acme.com',
    })
  })

  it('refuses a Region that is not in the list', () => {
    expect(validateProfileValues(cognito, { ...validCognito, region: 'eu-west-9' }, 'real')).toEqual({
      region: '"eu-west-9" is not one of the choices for Region: pick one from the list, e.g. us-east-1.',
    })
  })

  it('reports malformed custom properties with the parser’s messages', () => {
    expect(validateProfileValues(coupa, { url: 'https://acme.coupahost.com', customProperties: 'budget|number;flag' }, 'real')).toEqual({
      customProperties:
        'Entry 1 "budget|number": the data type must be string or boolean, not "number". ' +
        'Entry 2 "flag" has no "|" between the field name and the data type: write it as field_name|data_type, e.g. cost_center|string.',
    })
  })

  it('refuses a key the connector does not have', () => {
    expect(validateProfileValues(okta, { url: 'https://acme.okta.com', region: 'eu-west-1' }, 'real')).toEqual({
      region: '"region" is not a setting of Okta profiles: remove it.',
    })
  })

  it.each([
    ['okta', 'token'],
    ['cognito', 'accessSecret'],
    ['coupa', 'apiKey'],
    ['gotomeeting', 'password'],
    ['gotomeeting', 'clientSecret'],
  ] as const)('refuses the secret %s %s among the plain values, even empty', (id, key) => {
    const descriptor = getDescriptor(id)
    const label = descriptor.parameters.find((parameter) => parameter.key === key)?.label
    for (const value of ['hunter2', '']) {
      const errors = validateProfileValues(descriptor, { [key]: value }, 'real')
      expect(errors[key]).toBe(
        `${label} is a secret and must never be stored with the plain settings: enter it in its own field so it is kept in the OS keychain.`,
      )
      expect(JSON.stringify(errors)).not.toContain('hunter2')
    }
  })

  it('judges values trimmed, and trimProfileValues gives what to store', () => {
    expect(validateProfileValues(okta, { url: '  https://acme.okta.com  ' }, 'real')).toEqual({})
    expect(trimProfileValues({ url: '  https://acme.okta.com  ' })).toEqual({ url: 'https://acme.okta.com' })
  })
})

describe('http:// and the environment', () => {
  const realMessage = (suggestion: string) =>
    `Real tenants need an address starting with https://, since over http:// the credentials would travel in clear. Use ${suggestion} instead.`

  it.each([
    [okta, { url: 'http://acme.okta.com' }, 'https://acme.okta.com'],
    [coupa, { url: 'http://acme.coupahost.com' }, 'https://acme.coupahost.com'],
    [gotomeeting, { ...validGoToMeeting, url: 'http://api.getgo.com/admin/rest/v1/' }, 'https://api.getgo.com/admin/rest/v1/'],
    [cognito, { ...validCognito, url: 'http://cognito-idp.eu-west-1.amazonaws.com' }, 'https://cognito-idp.eu-west-1.amazonaws.com'],
  ] as const)('refuses http:// for a real profile, suggesting the same address with https (%#)', (descriptor, values, suggestion) => {
    expect(validateProfileValues(descriptor, values, 'real')).toEqual({ url: realMessage(suggestion) })
  })

  it('refuses http:// for a real profile even on this computer: a real tenant is never reached in clear', () => {
    expect(validateProfileValues(okta, { url: 'http://127.0.0.1:4010' }, 'real')).toEqual({ url: realMessage('https://127.0.0.1:4010') })
    expect(validateProfileValues(okta, { url: 'HTTP://localhost:4010' }, 'real')).toHaveProperty('url')
  })

  it('accepts https:// for real and sandbox profiles alike', () => {
    expect(validateProfileValues(okta, { url: 'https://acme.okta.com' }, 'real')).toEqual({})
    expect(validateProfileValues(okta, { url: 'https://127.0.0.1:4010' }, 'real')).toEqual({})
    expect(validateProfileValues(okta, { url: 'https://127.0.0.1:4010' }, 'sandbox')).toEqual({})
  })

  it.each(['http://127.0.0.1:4010', 'http://127.8.9.10', 'http://localhost:3000/api', 'http://[::1]:4010'])(
    'accepts %s for a sandbox profile: loopback traffic never leaves the computer',
    (url) => {
      expect(validateProfileValues(okta, { url }, 'sandbox')).toEqual({})
    },
  )

  it.each([
    ['http://acme.oktapreview.com', 'https://acme.oktapreview.com'],
    ['http://10.0.0.5:4010/', 'https://10.0.0.5:4010/'],
    ['http://128.0.0.1', 'https://128.0.0.1'],
    ['http://[::ffff:127.0.0.1]', 'https://[::ffff:127.0.0.1]'],
    ['http://localhost.evil.example', 'https://localhost.evil.example'],
  ])('refuses %s for a sandbox profile: http:// is only for a tenant on this computer', (url, suggestion) => {
    expect(validateProfileValues(okta, { url }, 'sandbox')).toEqual({
      url: `http:// is only for a sandbox tenant on this computer (localhost or 127.0.0.1): any other address needs https://. Use ${suggestion} instead.`,
    })
  })

  it('still reports a malformed address as such, whatever the environment', () => {
    expect(validateProfileValues(okta, { url: 'http://' }, 'real')).toEqual({
      url: 'Enter a full address starting with https://, e.g. https://acme.okta.com',
    })
  })
})

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.255.255.254', 'localhost', 'LOCALHOST', '[::1]', '::1'])('counts %s as this computer', (host) => {
    expect(isLoopbackHost(host)).toBe(true)
  })

  it.each(['128.0.0.1', '127.0.0.256', '127.0.0', '10.0.0.1', '0.0.0.0', '[::]', '[::ffff:7f00:1]', 'localhost.example.com', 'mylocalhost', ''])(
    'does not count %s',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false)
    },
  )
})
