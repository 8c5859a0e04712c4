import { describe, expect, it } from 'vitest'
import { pemCertificateProblem } from '../../shared/certificateFormat'

const block = (label: string, body = 'MIIBszCCAVmgAwIBAgIUQk8=') => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`

describe('the form of a pasted CA certificate', () => {
  it('accepts one or more PEM certificate blocks', () => {
    expect(pemCertificateProblem(block('CERTIFICATE'))).toBeUndefined()
    expect(pemCertificateProblem(`${block('CERTIFICATE')}\n\n${block('CERTIFICATE')}`)).toBeUndefined()
  })

  it('says what to paste for anything else', () => {
    expect(pemCertificateProblem('MIIBszCCAVmgAwIBAgIUQk8=')).toContain('-----BEGIN CERTIFICATE-----')
    expect(pemCertificateProblem(`${block('CERTIFICATE')}\nBag Attributes`)).toContain('text outside the certificate blocks')
    expect(pemCertificateProblem(block('CERTIFICATE REQUEST'))).toContain('This is a certificate request, not a certificate')
    expect(pemCertificateProblem(block('RSA PRIVATE KEY'))).toContain('This is a private key')
    expect(pemCertificateProblem(block('PRIVATE KEY'))).toContain('never paste it here')
  })
})
