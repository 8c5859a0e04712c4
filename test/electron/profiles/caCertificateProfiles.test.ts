import { describe, expect, it } from 'vitest'
import { connectorIds, getDescriptor } from '../../../shared/catalogue'
import { certificateProblems } from '../../../electron/profiles/caCertificateCheck'
import { createTestAuthority } from '../../support/corporateNetwork'
import { expectAppError } from '../../support/expectAppError'
import { createProfileServiceHarness } from '../../support/profileServiceHarness'
import { oktaProfile } from '../../support/profileInputs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

/*
 * The organisation's CA certificate (a TLS-inspecting gateway's root) is a setting of every
 * profile, checked when saved: a help desk pasting the wrong thing learns it then, with what to
 * paste instead, not at the first failed connection.
 */

const newDirectory = useTemporaryDirectories()
const setUp = () => createProfileServiceHarness(newDirectory())
const authority = createTestAuthority(['okta.corp.test'])
const withCertificate = (caCertificate: string) => ({ ...oktaProfile('Okta behind the gateway'), values: { url: 'https://acme.okta.com', caCertificate } })

describe("a profile's CA certificate", () => {
  it('is an optional setting of every connector', () => {
    for (const id of connectorIds) {
      const parameter = getDescriptor(id).parameters.find((candidate) => candidate.key === 'caCertificate')
      expect(parameter, id).toMatchObject({ kind: 'certificate', required: false, secret: false, origin: 'lanyard' })
    }
  })

  it('is saved when it is a CA certificate in PEM form', async () => {
    const { service } = await setUp()
    const saved = await service.create(withCertificate(`\n${authority.caPem}\n`))
    expect(saved.values.caCertificate).toBe(authority.caPem.trim())
  })

  it('refuses text that is not a PEM certificate, saying what to paste', async () => {
    const { service } = await setUp()
    const error = await expectAppError(service.create(withCertificate('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA')), 'invalid_input')
    expect(error.extra.fields?.caCertificate).toContain('-----BEGIN CERTIFICATE-----')
    expect(await service.list()).toEqual([])
  })

  it('refuses a private key, and never echoes it', async () => {
    const { service } = await setUp()
    const error = await expectAppError(service.create(withCertificate(authority.keyPem)), 'invalid_input')
    expect(error.extra.fields?.caCertificate).toContain('private key')
    expect(JSON.stringify(error.toValue())).not.toContain(authority.keyPem.split('\n')[1])
  })

  it('refuses a damaged certificate and a server certificate that is not a CA', async () => {
    const { service } = await setUp()
    const damaged = authority.caPem.replace(/\n[A-Za-z0-9+/]{20}/, '\nAAAAAAAAAAAAAAAAAAAA')
    const unreadable = await expectAppError(service.create(withCertificate(damaged)), 'invalid_input')
    expect(unreadable.extra.fields?.caCertificate).toContain('cannot be read')
    const notCa = await expectAppError(service.create(withCertificate(authority.certPem)), 'invalid_input')
    expect(notCa.extra.fields?.caCertificate).toContain('okta.corp.test')
    expect(notCa.extra.fields?.caCertificate).toContain('not a certificate authority')
  })

  it('refuses a CA that has expired (judged a week after this one ends)', () => {
    const aWeekLater = new Date(Date.now() + 9 * 24 * 3600_000)
    const problems = certificateProblems(getDescriptor('coupa'), { caCertificate: authority.caPem }, aWeekLater)
    expect(problems.caCertificate).toContain('"Lanyard Test Inspection CA" expired on')
    expect(certificateProblems(getDescriptor('coupa'), { caCertificate: authority.caPem })).toEqual({})
  })

  it('is checked the same way in an imported file', async () => {
    const { service } = await setUp()
    const content = JSON.stringify({
      format: 'lanyard-profiles',
      version: 1,
      exportedAt: '2025-01-01T00:00:00.000Z',
      profiles: [{ connectorId: 'okta', name: 'Server cert', environment: 'sandbox', values: { url: 'https://acme.okta.com', caCertificate: authority.certPem } }],
    })
    const error = await expectAppError(service.importPreview(content), 'invalid_input')
    expect(error.message).toContain('Profile #1 ("Server cert") has values Lanyard cannot accept — Organisation CA certificate:')
    expect(error.message).toContain('not a certificate authority')
  })
})
