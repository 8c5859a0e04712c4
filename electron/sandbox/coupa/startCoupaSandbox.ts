import { randomBytes } from 'node:crypto'
import { startSandboxServer } from '../framework/startSandboxServer'
import { tenantBasics } from '../framework/tenantBasics'
import type { RunningSandbox, SandboxOptions } from '../types'
import { coupaOAuthScopes } from '../../../shared/catalogue/coupaScopes'
import { CoupaDirectory } from './CoupaDirectory'
import { CoupaOAuthServer } from './CoupaOAuthServer'
import { CoupaRateLimiter } from './CoupaRateLimiter'
import { isCoupaTenantData, type CoupaTenantData } from './coupaRecords'
import { defaultCustomProperties } from './coupaSetup'
import { CoupaTenant } from './CoupaTenant'
import { createCoupaTarget, type RecordedRequest } from './createCoupaTarget'
import { seedCoupaTenant } from './seedCoupaTenant'

export interface CoupaSandboxOptions extends SandboxOptions {
  /** The instance's version-1 custom properties. Default `cost_center|string;new_user|boolean;`. Ignored when saved state is loaded. */
  customProperties?: string
  /** Coupa's 25 requests/s (burst 20) limit from the start; off by default (`tenant.setRateLimiting` turns it on later). `rateLimits` wins. */
  rateLimit?: boolean
}

export type RunningCoupaSandbox = RunningSandbox & { tenant: CoupaTenant }

const keyAlphabet = '0123456789abcdef'
/** How many write bodies `tenant.lastRequestBodies` can look back on. */
const keptWrites = 100

/** A Coupa API key: "a case-sensitive, 40-character alphanumeric code" (Coupa's "Get Started with the API"); from the OS's randomness. */
function newApiKey(): string {
  return [...randomBytes(40)].map((byte) => keyAlphabet[byte % keyAlphabet.length]).join('')
}

/** The sandbox's OAuth client (Setup › OAuth2/OpenID Connect Clients); its secret is new at every start. */
const sandboxClientId = 'lanyard-sandbox'

/**
 * A Coupa instance on 127.0.0.1: seeded users, roles and groups, one OAuth client with Lanyard's
 * scopes (`credentials.clientId`, `clientSecret`, `scopes`; see CoupaOAuthServer), one legacy API key
 * (`credentials.apiKey`; key and client secret new at every start, never saved) and the instance's custom properties
 * (`credentials.customProperties`, a plain profile value). With `stateDirectory` the instance and
 * its port survive a restart (`coupa.json`); otherwise it lives in memory.
 */
export async function startCoupaSandbox(options: CoupaSandboxOptions = {}): Promise<RunningCoupaSandbox> {
  const { users, seed, stateFile, faults } = tenantBasics<CoupaTenantData>('coupa', options)
  const saved = stateFile?.load(isCoupaTenantData)
  const data = saved?.data ?? seedCoupaTenant(users, seed, options.customProperties ?? defaultCustomProperties)
  const directory = new CoupaDirectory(data)
  const apiKey = newApiKey()
  const oauth = new CoupaOAuthServer(sandboxClientId, randomBytes(32).toString('hex'))
  const limiter = CoupaRateLimiter.for(options.rateLimits, options.rateLimit ?? false)
  const writes: RecordedRequest[] = []
  const changed = () => stateFile?.changed()
  let baseUrl = ''
  const server = await startSandboxServer({
    target: createCoupaTarget({
      directory,
      apiKey,
      oauth,
      apiUserId: directory.apiUserId,
      limiter,
      baseUrl: () => baseUrl,
      changed,
      recordWrite: (request) => {
        writes.push(request)
        if (writes.length > keptWrites) writes.splice(0, writes.length - keptWrites)
      },
    }),
    faults,
    port: options.port ?? saved?.port,
    latencyMs: options.latencyMs ?? 0,
  })
  baseUrl = server.url
  if (stateFile) {
    stateFile.bind(() => ({ connectorId: 'coupa', port: server.port, data: directory.snapshot() }))
    // Written at once, so a fresh tenant's port is on disk before anyone uses it.
    await stateFile.flush()
  }
  return {
    connectorId: 'coupa',
    url: server.url,
    // A new profile signs in with the OAuth client (the default) and asks for Lanyard's scopes; the legacy API key comes too.
    credentials: {
      authMethod: 'oauth',
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
      scopes: coupaOAuthScopes.join(' '),
      apiKey,
      customProperties: directory.customPropertiesText,
    },
    faults,
    setLatency: (ms) => server.setLatency(ms),
    requestCount: () => server.requestCount(),
    tenant: new CoupaTenant(directory, limiter, writes, changed, oauth),
    close: async () => {
      await server.close()
      await stateFile?.flush()
    },
  }
}
