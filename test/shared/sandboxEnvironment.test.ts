import { describe, expect, it } from 'vitest'
import { getDescriptor } from '../../shared/catalogue'
import { honestEnvironment, validateProfileValues } from '../../shared/profileValidation'

const okta = getDescriptor('okta')
const cognito = getDescriptor('cognito')
const validCognito = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', region: 'eu-west-1', userPoolId: 'eu-west-1_AbCdEf123' }

describe('a Sandbox profile is a tenant on this computer', () => {
  it('refuses a real address as Sandbox at the address field, saying to choose Real', () => {
    const errors = validateProfileValues(okta, { url: 'https://acme.okta.com' }, 'sandbox')
    expect(errors.url).toMatch(/https:\/\/acme\.okta\.com is not a sandbox on this computer.*choose Real/)
    expect(validateProfileValues(okta, { url: 'https://acme.okta.com' }, 'real')).toEqual({})
  })

  it('accepts loopback addresses, over http:// or https://, as Sandbox', () => {
    for (const url of ['http://127.0.0.1:8080', 'https://localhost:8443', 'http://[::1]:9000', 'http://127.0.0.1']) {
      expect(validateProfileValues(okta, { url }, 'sandbox')).toEqual({})
    }
  })

  it('refuses a Sandbox Cognito profile without an endpoint: it would reach AWS itself', () => {
    expect(validateProfileValues(cognito, validCognito, 'sandbox').url).toMatch(/reaches the real AWS Cognito.*choose Real/)
    expect(validateProfileValues(cognito, validCognito, 'real')).toEqual({})
    expect(validateProfileValues(cognito, { ...validCognito, url: 'http://127.0.0.1:4000' }, 'sandbox')).toEqual({})
  })

  it('honestEnvironment calls any Sandbox that is not on this computer Real, and leaves the rest alone', () => {
    expect(honestEnvironment(okta, { url: 'https://acme.okta.com' }, 'sandbox')).toBe('real')
    expect(honestEnvironment(okta, { url: 'http://127.0.0.1:1234' }, 'sandbox')).toBe('sandbox')
    expect(honestEnvironment(okta, { url: 'http://127.0.0.1:1234' }, 'real')).toBe('real')
    expect(honestEnvironment(cognito, validCognito, 'sandbox')).toBe('real')
    expect(honestEnvironment(okta, { url: 'not an address' }, 'sandbox')).toBe('real')
  })
})
