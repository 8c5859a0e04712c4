import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getDescriptor } from '../../../shared/catalogue'
import { connectorIds } from '../../../shared/catalogue/types'
import { validateProfileValues } from '../../../shared/profileValidation'
import { ensureSandboxProfiles, followTenant, managedProfilesFileName, provisionalSandboxParameters } from '../../../electron/services/sandboxProfiles'
import { startCoupaSandbox } from '../../../electron/sandbox/coupa/startCoupaSandbox'
import { startGoToMeetingSandbox } from '../../../electron/sandbox/gotomeeting/startGoToMeetingSandbox'
import type { RunningSandbox } from '../../../electron/sandbox/types'
import { createTestServices } from '../../support/createTestServices'
import { createRecordingLogger } from '../../support/recordingLogger'
import { oktaProfile } from '../../support/profileInputs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const newDirectory = useTemporaryDirectories()

function tenant(url: string, token = 'sandbox-token-0123456789'): RunningSandbox {
  return {
    connectorId: 'okta',
    url,
    credentials: { token },
    faults: { script: () => undefined, setRate: () => undefined, clear: () => undefined, delivered: () => ({}) },
    setLatency: () => undefined,
    requestCount: () => 0,
    close: async () => undefined,
  }
}

async function setUp() {
  const logger = createRecordingLogger()
  const services = await createTestServices(newDirectory(), { logger })
  const stateDirectory = newDirectory()
  const ensure = (tenants: RunningSandbox[]) =>
    ensureSandboxProfiles({ handlers: services.handlers, tenants, stateDirectory, logger })
  return { ...services, logger, stateDirectory, ensure }
}

describe('sandbox profiles', () => {
  it('creates one badged Sandbox profile per tenant, with its token in the keychain only', async () => {
    const { handlers, secretStore, ensure } = await setUp()
    await ensure([tenant('http://127.0.0.1:41234')])

    const profiles = await handlers['profiles.list']({})
    expect(profiles).toHaveLength(1)
    expect(profiles[0]).toMatchObject({
      connectorId: 'okta',
      name: 'Okta Sandbox',
      environment: 'sandbox',
      values: { url: 'http://127.0.0.1:41234' },
      secrets: { token: 'stored' },
    })
    expect(JSON.stringify(profiles)).not.toContain('sandbox-token-0123456789')
    expect(await secretStore.get(profiles[0]!.id, 'token')).toBe('sandbox-token-0123456789')
  })

  it('creates it only once, and follows the tenant when its port changes', async () => {
    const { handlers, ensure } = await setUp()
    await ensure([tenant('http://127.0.0.1:41234')])
    await ensure([tenant('http://127.0.0.1:41234')])
    await ensure([tenant('http://127.0.0.1:50000')])

    const profiles = await handlers['profiles.list']({})
    expect(profiles.map((profile) => profile.values.url)).toEqual(['http://127.0.0.1:50000'])
  })

  it("writes the tenant's new token at every start, since tenants never keep one on disk", async () => {
    const { handlers, secretStore, ensure } = await setUp()
    await ensure([tenant('http://127.0.0.1:41234', 'token-of-the-first-start')])
    await ensure([tenant('http://127.0.0.1:41234', 'token-of-the-second-start')])

    const [profile] = await handlers['profiles.list']({})
    expect(await secretStore.get(profile!.id, 'token')).toBe('token-of-the-second-start')
  })

  it('heals a token the keychain lost', async () => {
    const { handlers, ensure } = await setUp()
    await ensure([tenant('http://127.0.0.1:41234')])
    const [profile] = await handlers['profiles.list']({})
    await handlers['profiles.update']({ profileId: profile!.id, secrets: { token: null } })
    expect((await handlers['profiles.get']({ profileId: profile!.id })).secrets.token).toBe('missing')

    await ensure([tenant('http://127.0.0.1:41234')])
    expect((await handlers['profiles.get']({ profileId: profile!.id })).secrets.token).toBe('stored')
  })

  it('does not bring back a sandbox profile the person deleted', async () => {
    const { handlers, ensure } = await setUp()
    await ensure([tenant('http://127.0.0.1:41234')])
    const [profile] = await handlers['profiles.list']({})
    await handlers['profiles.delete']({ profileId: profile!.id })

    await ensure([tenant('http://127.0.0.1:41234')])
    expect(await handlers['profiles.list']({})).toEqual([])
  })

  it('leaves real profiles alone, even one pointing at the same host and port', async () => {
    const { handlers, ensure } = await setUp()
    // https://: a real profile may not use http://, not even on this computer.
    const real = await handlers['profiles.create'](
      { ...oktaProfile('Acme Okta', { token: 'real-token' }), environment: 'real', values: { url: 'https://127.0.0.1:41234' } },
    )
    await ensure([tenant('http://127.0.0.1:50000')])

    expect(await handlers['profiles.get']({ profileId: real.id })).toEqual(real)
    expect(await handlers['profiles.list']({})).toHaveLength(2)
  })

  it('keeps the record of a profile it made when another tenant fails, so no duplicate appears', async () => {
    const { handlers, logger, ensure } = await setUp()
    // A tenant whose credentials do not make a valid profile (GoToMeeting needs more than a password).
    const broken: RunningSandbox = { ...tenant('http://127.0.0.1:41235'), connectorId: 'gotomeeting', credentials: { password: 'pw' } }
    await ensure([tenant('http://127.0.0.1:41234'), broken])
    await ensure([tenant('http://127.0.0.1:41234'), broken])

    expect((await handlers['profiles.list']({})).map((profile) => profile.name)).toEqual(['Okta Sandbox'])
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringContaining('sandbox profile') }))
  })

  it('treats an unreadable record as none and says so in the log', async () => {
    const { handlers, stateDirectory, logger, ensure } = await setUp()
    writeFileSync(join(stateDirectory, managedProfilesFileName), '{ not json')
    await ensure([tenant('http://127.0.0.1:41234')])

    expect(await handlers['profiles.list']({})).toHaveLength(1)
    expect(JSON.stringify(logger.lines)).toContain('could not be read')
  })
})

describe('a Sandbox profile made before its tenant ever ran', () => {
  it.each(connectorIds)('%s: passes the profile checks, holds no secret, and points at nothing off this computer', (connectorId) => {
    const { values, secrets } = provisionalSandboxParameters(connectorId)
    const descriptor = getDescriptor(connectorId)

    expect(validateProfileValues(descriptor, values, 'sandbox')).toEqual({})
    expect(secrets).toEqual({})
    const addresses = descriptor.parameters.filter((parameter) => parameter.kind === 'url').map((parameter) => values[parameter.key])
    expect(addresses.length).toBeGreaterThan(0)
    for (const address of addresses) expect(address).toBe('http://127.0.0.1')
  })
})

describe('sandbox profiles sign in the way new profiles do', () => {
  it('Coupa with the OAuth client and GoTo with the personal access token; an older Coupa Sandbox profile on the API key moves over when its tenant starts', async () => {
    const { handlers, ensure } = await setUp()
    const coupa = await startCoupaSandbox({ users: 2 })
    const goTo = await startGoToMeetingSandbox({ users: 2 })
    try {
      await ensure([coupa, goTo])
      const made = await handlers['profiles.list']({})
      const coupaProfile = made.find((profile) => profile.connectorId === 'coupa')!
      const goToProfile = made.find((profile) => profile.connectorId === 'gotomeeting')!
      expect(coupaProfile.values).toMatchObject({ authMethod: 'oauth', clientId: coupa.credentials.clientId, scopes: coupa.credentials.scopes })
      expect(coupaProfile.secrets).toMatchObject({ clientSecret: 'stored' })
      expect(goToProfile.values).toMatchObject({ grantType: 'personalAccessToken' })
      expect(goToProfile.secrets).toMatchObject({ personalAccessToken: 'stored' })
      expect((await handlers['directory.testConnection']({ profileId: coupaProfile.id })).summary).toContain('Connected to Coupa')

      // Made before the choice existed: the API key alone.
      const older = await handlers['profiles.create']({
        connectorId: 'coupa',
        name: 'Older Coupa Sandbox',
        environment: 'sandbox',
        values: { url: coupa.url },
        secrets: { apiKey: coupa.credentials.apiKey! },
      })
      await followTenant(handlers, older, coupa)
      const moved = (await handlers['profiles.list']({})).find((profile) => profile.id === older.id)!
      expect(moved.values.authMethod).toBe('oauth')
      const report = await handlers['directory.testConnection']({ profileId: older.id })
      expect(report.facts.find((fact) => fact.label === 'Signs in with')?.value).toMatch(/^OAuth client/)
    } finally {
      await coupa.close()
      await goTo.close()
    }
  })
})
