import { randomBytes } from 'node:crypto'
import { startSandboxServer } from '../framework/startSandboxServer'
import { tenantBasics } from '../framework/tenantBasics'
import type { RunningSandbox, SandboxOptions } from '../types'
import type { Delivery } from './cognitoOperation'
import { isCognitoTenantData, type CognitoTenantData } from './cognitoRecords'
import { CognitoTenant } from './CognitoTenant'
import { throttleFor } from './cognitoThrottling'
import { CognitoUserPool } from './CognitoUserPool'
import { createCognitoTarget } from './createCognitoTarget'
import { seedCognitoTenant } from './seedCognitoTenant'

export type RunningCognitoSandbox = RunningSandbox & { tenant: CognitoTenant }

/**
 * An Amazon Cognito user pool on 127.0.0.1, answering the AWS JSON protocol with SigV4 checked.
 * `credentials` are keyed as the Cognito profile's parameters: `accessKeyId` and `accessSecret`
 * (new random values at every start, never written to the state file), `region` and `userPoolId`
 * (kept with the pool). The profile's Target URL is `url`, the endpoint override.
 */
export async function startCognitoSandbox(options: SandboxOptions = {}): Promise<RunningCognitoSandbox> {
  const { users, seed, stateFile, faults } = tenantBasics<CognitoTenantData>('cognito', options)
  const saved = stateFile?.load(isCognitoTenantData)
  const pool = new CognitoUserPool(saved?.data ?? seedCognitoTenant(users, seed))
  const credentials = {
    accessKeyId: newAccessKeyId(),
    accessSecret: randomBytes(30).toString('base64'),
    region: pool.pool.region,
    userPoolId: pool.pool.id,
  }
  const throttle = throttleFor(options.rateLimits)
  const deliveries: Delivery[] = []
  const changed = () => {
    pool.written()
    stateFile?.changed()
  }
  const server = await startSandboxServer({
    target: createCognitoTarget({
      pool,
      keys: () => [{ accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.accessSecret }],
      throttle,
      deliveries,
      changed,
    }),
    faults,
    port: options.port ?? saved?.port,
    latencyMs: options.latencyMs ?? 0,
  })
  if (stateFile) {
    stateFile.bind(() => ({ connectorId: 'cognito', port: server.port, data: pool.snapshot() }))
    // Written at once, so a fresh tenant's port is on disk before anyone uses it.
    await stateFile.flush()
  }
  return {
    connectorId: 'cognito',
    url: server.url,
    credentials,
    faults,
    setLatency: (ms) => server.setLatency(ms),
    requestCount: () => server.requestCount(),
    tenant: new CognitoTenant(pool, throttle, deliveries, changed),
    close: async () => {
      await server.close()
      await stateFile?.flush()
    },
  }
}

/** `AKIA` + 16 upper-case letters and digits, as AWS access key ids look; from the OS's randomness. */
function newAccessKeyId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  return `AKIA${[...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join('')}`
}
