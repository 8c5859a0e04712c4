import { randomBytes } from 'node:crypto'
import { FaultInjector } from '../framework/FaultInjector'
import { createRandom } from '../framework/random'
import { SandboxStateFile } from '../framework/SandboxStateFile'
import { startSandboxServer } from '../framework/startSandboxServer'
import { maximumPeople } from '../people/generateDirectory'
import type { RunningSandbox, SandboxOptions } from '../types'
import type { Delivery } from './cognitoOperation'
import { isCognitoTenantData, type CognitoTenantData } from './cognitoRecords'
import { CognitoTenant } from './CognitoTenant'
import { CategoryThrottle } from './cognitoThrottling'
import { CognitoUserPool } from './CognitoUserPool'
import { createCognitoTarget } from './createCognitoTarget'
import { seedCognitoTenant } from './seedCognitoTenant'

export type RunningCognitoSandbox = RunningSandbox & { tenant: CognitoTenant }

export const cognitoSandboxDefaults = { users: 200, seed: 'lanyard' }

/**
 * An Amazon Cognito user pool on 127.0.0.1, answering the AWS JSON protocol with SigV4 checked.
 * `credentials` are keyed as the Cognito profile's parameters: `accessKeyId` and `accessSecret`
 * (new random values at every start, never written to the state file), `region` and `userPoolId`
 * (kept with the pool). The profile's Target URL is `url`, the endpoint override.
 */
export async function startCognitoSandbox(options: SandboxOptions = {}): Promise<RunningCognitoSandbox> {
  const users = options.users ?? cognitoSandboxDefaults.users
  if (!Number.isInteger(users) || users < 0 || users > maximumPeople) {
    throw new RangeError(`users is a whole number from 0 to ${maximumPeople}, not ${users}.`)
  }
  const seed = options.seed ?? cognitoSandboxDefaults.seed
  const stateFile = options.stateDirectory ? new SandboxStateFile<CognitoTenantData>(options.stateDirectory, 'cognito') : undefined
  const saved = stateFile?.load(isCognitoTenantData)
  const pool = new CognitoUserPool(saved?.data ?? seedCognitoTenant(users, seed))
  const credentials = {
    accessKeyId: newAccessKeyId(),
    accessSecret: randomBytes(30).toString('base64'),
    region: pool.pool.region,
    userPoolId: pool.pool.id,
  }
  const throttle = new CategoryThrottle()
  const deliveries: Delivery[] = []
  const changed = () => stateFile?.changed()
  const faults = new FaultInjector(createRandom(`faults:${seed}`), options.faultRate ?? 0, options.faultKinds)
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
