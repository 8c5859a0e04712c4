import { randomBytes } from 'node:crypto'
import { createRandom } from '../framework/random'
import { startSandboxServer } from '../framework/startSandboxServer'
import { tenantBasics } from '../framework/tenantBasics'
import type { RunningSandbox, SandboxOptions } from '../types'
import { createGoToMeetingTarget } from './createGoToMeetingTarget'
import { GoToAccountDirectory } from './GoToAccountDirectory'
import { GoToMeetingTenant } from './GoToMeetingTenant'
import { isGoToMeetingTenantData, type GoToMeetingTenantData } from './goToRecords'
import { GoToTokenIssuer } from './GoToTokenIssuer'
import { sandboxAdminEmail, seedGoToMeetingTenant } from './seedGoToMeetingTenant'

export type RunningGoToMeetingSandbox = RunningSandbox & { tenant: GoToMeetingTenant }


/** The Admin API's base: what the profile's Target URL is (`https://api.getgo.com/admin/rest/v1/` for real). */
const adminBasePath = '/admin/rest/v1/'

/**
 * A GoTo account on 127.0.0.1: the OAuth token endpoint (`/oauth/token`, `/oauth/v2/token`) and
 * the Admin API (`url` = `<server>/admin/rest/v1/`) on one server. `credentials` are the
 * connector's profile parameters: the sign-in `grantType` (`personalAccessToken`), the
 * administrator's `personalAccessToken`, `username` and `password`, the OAuth client's `clientId`
 * and `clientSecret`, and the `accountKey`. The token, the password and the client secret are new at every start and never written to the state file; with `stateDirectory` the
 * account and its port survive a restart (`gotomeeting.json`).
 *
 * GoTo's documented limit is 10 requests per second. It is enforced only when `rateLimits` or
 * `rateLimitPerMinute` is given (as that many per minute, counted per second: 600 → 10/s) or
 * through `tenant.setRequestsPerSecond`: the app's own sandbox serves one person clicking, and
 * the benchmark measures Lanyard, not GoTo's throttle.
 */
export async function startGoToMeetingSandbox(options: SandboxOptions = {}): Promise<RunningGoToMeetingSandbox> {
  const { users, seed, stateFile, faults } = tenantBasics<GoToMeetingTenantData>('gotomeeting', options)
  const saved = stateFile?.load(isGoToMeetingTenantData)
  const data = saved?.data ?? seedGoToMeetingTenant(users, seed)
  const directory = new GoToAccountDirectory(data, createRandom(`gotomeeting-runtime:${seed}:${data.nextSequence}`))
  const issuer = new GoToTokenIssuer()
  // New at every start (see SavedSandbox): the app writes them to its Sandbox profile's keychain entries.
  const password = randomBytes(18).toString('base64url')
  const clientSecret = randomBytes(24).toString('base64url')
  const personalAccessToken = randomBytes(24).toString('base64url')
  // The administrator's email is their sign-in name (it stays the seeded one unless someone changes it).
  const username = directory.userByKey(directory.adminUserKey)?.email ?? sandboxAdminEmail
  const changed = () => stateFile?.changed()
  let requestsPerSecond = goToRequestsPerSecond(options)
  const server = await startSandboxServer({
    target: createGoToMeetingTarget({
      directory,
      issuer,
      username,
      password,
      clientSecret,
      personalAccessToken,
      random: createRandom(randomBytes(4).readUInt32LE()),
      requestsPerSecond: () => requestsPerSecond,
      changed,
    }),
    faults,
    port: options.port ?? saved?.port,
    latencyMs: options.latencyMs ?? 0,
  })
  if (stateFile) {
    stateFile.bind(() => ({ connectorId: 'gotomeeting', port: server.port, data: directory.snapshot() }))
    // Written at once, so a fresh tenant's port is on disk before anyone uses it.
    await stateFile.flush()
  }
  return {
    connectorId: 'gotomeeting',
    url: `${server.url}${adminBasePath}`,
    // A new profile signs in with the personal access token (the default); the password grant's credentials come too.
    credentials: {
      grantType: 'personalAccessToken',
      personalAccessToken,
      username,
      password,
      clientId: directory.clientId,
      clientSecret,
      accountKey: directory.account.key,
    },
    faults,
    setLatency: (ms) => server.setLatency(ms),
    requestCount: () => server.requestCount(),
    tenant: new GoToMeetingTenant(directory, issuer, changed, (limit) => (requestsPerSecond = limit)),
    close: async () => {
      await server.close()
      await stateFile?.flush()
    },
  }
}

/** `documented`: 10 a second; N: N a second; `off`: none; no mode: `rateLimitPerMinute` counted per second. */
function goToRequestsPerSecond(options: SandboxOptions): number | undefined {
  const mode = options.rateLimits
  if (mode === 'documented') return documentedRequestsPerSecond
  if (typeof mode === 'number') return mode
  if (mode === 'off' || options.rateLimitPerMinute === undefined) return undefined
  return Math.max(1, Math.floor(options.rateLimitPerMinute / 60))
}

const documentedRequestsPerSecond = 10
