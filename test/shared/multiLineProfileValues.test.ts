import { describe, expect, it } from 'vitest'
import { createProfileSchema } from '../../shared/profiles'

const pem = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQk8=\n-----END CERTIFICATE-----'
const input = (values: Record<string, string>) => ({ connectorId: 'okta', name: 'Okta', environment: 'real', values, secrets: {} })

describe('profile values that span lines', () => {
  it('takes a PEM certificate (a chain too) in the CA certificate, line breaks and all', () => {
    const chain = Array.from({ length: 4 }, () => `${pem}\n${'A'.repeat(1500)}`).join('\n')
    expect(createProfileSchema.safeParse(input({ url: 'https://acme.okta.com', caCertificate: pem })).success).toBe(true)
    expect(createProfileSchema.safeParse(input({ url: 'https://acme.okta.com', caCertificate: chain })).success).toBe(true)
  })

  it('still keeps every other value on one line, and refuses control characters in the certificate', () => {
    const broken = createProfileSchema.safeParse(input({ url: 'https://acme.okta.com\r\nX-Evil: 1' }))
    expect(broken.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['values.url', expect.stringContaining('contains a control character')]])
    const escaped = createProfileSchema.safeParse(input({ caCertificate: `${pem}\u001b[2J` }))
    expect(escaped.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['values.caCertificate'])
  })
})
