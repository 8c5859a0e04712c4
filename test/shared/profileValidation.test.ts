import { describe, expect, it } from 'vitest'
import { getDescriptor } from '../../shared/catalogue'
import { plainParameters, secretParameters, trimProfileValues, validateProfileValues } from '../../shared/profileValidation'

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
    expect(secretParameters(gotomeeting).map((parameter) => parameter.key)).toEqual(['password', 'clientSecret'])
    expect(plainParameters(gotomeeting).map((parameter) => parameter.key)).toEqual([
      'username',
      'clientId',
      'accountKey',
      'url',
    ])
    expect(secretParameters(okta).map((parameter) => parameter.key)).toEqual(['token'])
  })
})

describe('validateProfileValues', () => {
  it('accepts complete, well-formed values with an empty object', () => {
    expect(validateProfileValues(okta, { url: 'https://acme.okta.com' })).toEqual({})
    expect(validateProfileValues(cognito, validCognito)).toEqual({})
    expect(validateProfileValues(gotomeeting, validGoToMeeting)).toEqual({})
    expect(validateProfileValues(coupa, { url: 'https://acme.coupahost.com', customProperties: 'cost_center|string;' })).toEqual({})
  })

  it('asks for every required plain parameter left empty or blank', () => {
    expect(validateProfileValues(gotomeeting, { username: '  ' })).toEqual({
      username: 'Enter the Username: GoToMeeting profiles need it.',
      clientId: 'Enter the Client Id: GoToMeeting profiles need it.',
      accountKey: 'Enter the Account key: GoToMeeting profiles need it.',
      url: 'Enter the Target URL: GoToMeeting profiles need it.',
    })
  })

  it('does not ask for secrets, which travel separately to the keychain', () => {
    expect(validateProfileValues(okta, { url: 'https://acme.okta.com' })).not.toHaveProperty('token')
  })

  it('lets optional parameters stay empty', () => {
    expect(validateProfileValues(cognito, { ...validCognito, url: '' })).toEqual({})
    expect(validateProfileValues(coupa, { url: 'https://acme.coupahost.com' })).toEqual({})
  })

  it.each(['acme.okta.com', 'ftp://acme.okta.com', 'https://', 'https://acme okta.com', '/relative/path'])(
    'refuses "%s" as a target URL with an example of a full address',
    (url) => {
      expect(validateProfileValues(okta, { url })).toEqual({
        url: 'Enter a full address starting with https://, e.g. https://acme.okta.com',
      })
    },
  )

  it('accepts http addresses (the local sandbox tenants) and checks an optional URL once filled in', () => {
    expect(validateProfileValues(okta, { url: 'http://127.0.0.1:4010' })).toEqual({})
    expect(validateProfileValues(cognito, { ...validCognito, url: 'cognito-idp.eu-west-1.amazonaws.com' })).toEqual({
      url: 'Enter a full address starting with https://, e.g. https://cognito-idp.eu-west-1.amazonaws.com',
    })
  })

  it.each(['admin', 'admin@', '@acme.com', 'admin@acme', 'ad min@acme.com'])('refuses "%s" as an email username', (username) => {
    expect(validateProfileValues(gotomeeting, { ...validGoToMeeting, username })).toEqual({
      username: 'Enter an email address, e.g. admin@acme.com',
    })
  })

  it('refuses a Region that is not in the list', () => {
    expect(validateProfileValues(cognito, { ...validCognito, region: 'eu-west-9' })).toEqual({
      region: '"eu-west-9" is not one of the choices for Region: pick one from the list, e.g. us-east-1.',
    })
  })

  it('reports malformed custom properties with the parser’s messages', () => {
    expect(validateProfileValues(coupa, { url: 'https://acme.coupahost.com', customProperties: 'budget|number;flag' })).toEqual({
      customProperties:
        'Entry 1 "budget|number": the data type must be string or boolean, not "number". ' +
        'Entry 2 "flag" has no "|" between the field name and the data type: write it as field_name|data_type, e.g. cost_center|string.',
    })
  })

  it('refuses a key the connector does not have', () => {
    expect(validateProfileValues(okta, { url: 'https://acme.okta.com', region: 'eu-west-1' })).toEqual({
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
      const errors = validateProfileValues(descriptor, { [key]: value })
      expect(errors[key]).toBe(
        `${label} is a secret and must never be stored with the plain settings: enter it in its own field so it is kept in the OS keychain.`,
      )
      expect(JSON.stringify(errors)).not.toContain('hunter2')
    }
  })

  it('judges values trimmed, and trimProfileValues gives what to store', () => {
    expect(validateProfileValues(okta, { url: '  https://acme.okta.com  ' })).toEqual({})
    expect(trimProfileValues({ url: '  https://acme.okta.com  ' })).toEqual({ url: 'https://acme.okta.com' })
  })
})
