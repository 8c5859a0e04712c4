import { randomBytes } from 'node:crypto'
import { createRandom } from '../framework/random'
import { startSandboxServer } from '../framework/startSandboxServer'
import { tenantBasics } from '../framework/tenantBasics'
import type { RunningSandbox, SandboxOptions } from '../types'
import { createOktaTarget } from './createOktaTarget'
import { OktaDirectory } from './OktaDirectory'
import { oktaRateLimiterFor } from './oktaRateLimits'
import { isOktaTenantData, type OktaTenantData } from './oktaRecords'
import { OktaTenant } from './OktaTenant'
import { newApiToken, seedOktaTenant } from './seedOktaTenant'

export type RunningOktaSandbox = RunningSandbox & { tenant: OktaTenant }

/** Okta's budget per minute per rate-limit bucket when the options do not say. */
const defaultRateLimitPerMinute = 600

/**
 * An Okta org on 127.0.0.1: seeded people and groups, one full-admin API token
 * (`credentials.token`) and a read-only one (`tenant.readOnlyToken`). With `stateDirectory` the
 * org and its port survive a restart (`okta.json`); otherwise it lives in memory. Both tokens are
 * new at every start and never written to the state file (see SavedSandbox).
 */
export async function startOktaSandbox(options: SandboxOptions = {}): Promise<RunningOktaSandbox> {
  const { users, seed, stateFile, faults } = tenantBasics<OktaTenantData>('okta', options)
  const saved = stateFile?.load(isOktaTenantData)
  const data: OktaTenantData = { ...(saved?.data ?? seedOktaTenant(users, seed)), readOnlyToken: newApiToken() }
  // A new token every start (see SavedSandbox): the app writes it to its Sandbox profile's keychain entry.
  const token = newApiToken()
  const directory = new OktaDirectory(data, createRandom(`okta-runtime:${seed}:${data.nextSequence}`))
  const changed = () => stateFile?.changed()
  let baseUrl = ''
  const server = await startSandboxServer({
    target: createOktaTarget({
      directory,
      adminToken: token,
      limiter: oktaRateLimiterFor(options.rateLimits, options.rateLimitPerMinute ?? defaultRateLimitPerMinute),
      // Request ids, error ids and activation tokens must not repeat when the tenant starts again
      // (the journal keeps request ids to tell failures apart), so they are not drawn from the seed.
      random: createRandom(randomBytes(4).readUInt32LE()),
      baseUrl: () => baseUrl,
      changed,
    }),
    faults,
    port: options.port ?? saved?.port,
    latencyMs: options.latencyMs ?? 0,
  })
  baseUrl = server.url
  const credentials = { token }
  if (stateFile) {
    stateFile.bind(() => ({ connectorId: 'okta', port: server.port, data: { ...directory.snapshot(), readOnlyToken: '' } }))
    // Written at once, so a fresh tenant's port is on disk before anyone uses it.
    await stateFile.flush()
  }
  return {
    connectorId: 'okta',
    url: server.url,
    credentials,
    faults,
    setLatency: (ms) => server.setLatency(ms),
    requestCount: () => server.requestCount(),
    tenant: new OktaTenant(directory, () => {
      directory.written()
      changed()
    }),
    close: async () => {
      await server.close()
      await stateFile?.flush()
    },
  }
}
