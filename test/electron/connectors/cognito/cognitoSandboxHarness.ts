import { afterTest, allPages, requestLog } from '../../../support/connectorHarness'
import { createCognitoConnector, type CognitoTuning, type CognitoConnector } from '../../../../electron/connectors/cognito/createCognitoConnector'
import { startCognitoSandbox, type RunningCognitoSandbox } from '../../../../electron/sandbox/cognito/startCognitoSandbox'
import type { SandboxOptions } from '../../../../electron/sandbox/types'
import { createRecordingLogger } from '../../../support/recordingLogger'

/** One Cognito call as the connector logged it. */
export interface LoggedCall {
  operation: string
  outcome: string
  attempt: number
}

export interface CognitoHarness {
  sandbox: RunningCognitoSandbox
  tenant: RunningCognitoSandbox['tenant']
  connector: CognitoConnector
  logger: ReturnType<typeof createRecordingLogger>
  accessSecret: string
  /** The calls logged since the last `mark()` (or the start). */
  calls: () => LoggedCall[]
  mark: () => void
  /** A second connector on the same tenant, e.g. with another secret or tuning. */
  connect: (values?: Record<string, string>, secrets?: Record<string, string>, tuning?: CognitoTuning) => CognitoConnector
}

/** Fast retries and throttling waits so fault tests do not wait for production backoffs. */
export const fastTuning: CognitoTuning = { backoff: { initialMs: 5, maxMs: 20 }, throttling: { maxWaits: 5, initialMs: 20, maxMs: 200 } }

/** The profile values of a Cognito profile pointed at the sandbox tenant. */
export function sandboxValues(sandbox: RunningCognitoSandbox): Record<string, string> {
  const { accessKeyId, region, userPoolId } = sandbox.credentials
  return { accessKeyId: accessKeyId!, region: region!, userPoolId: userPoolId!, url: sandbox.url }
}

/** A fresh sandbox tenant and a Cognito connector for it, both closed after the test. */
export async function cognitoHarness(options: SandboxOptions = {}, tuning: CognitoTuning = {}): Promise<CognitoHarness> {
  const sandbox = await startCognitoSandbox({ users: 150, ...options })
  const logger = createRecordingLogger()
  const connect = (values: Record<string, string> = {}, secrets: Record<string, string> = { accessSecret: sandbox.credentials.accessSecret! }, extraTuning: CognitoTuning = {}) => {
    const connector = createCognitoConnector(
      { profileId: 'profile-1', profileName: 'Sandbox Cognito', environment: 'sandbox', values: { ...sandboxValues(sandbox), ...values }, secrets, logger },
      { ...fastTuning, ...tuning, ...extraTuning },
    )
    afterTest(async () => connector.close())
    return connector
  }
  const connector = connect()
  afterTest(() => sandbox.close())
  const log = requestLog(logger.lines, (fields) =>
    'attempt' in fields && 'operation' in fields ? { operation: String(fields.operation), outcome: String(fields.outcome), attempt: Number(fields.attempt) } : null,
  )
  return {
    sandbox,
    tenant: sandbox.tenant,
    connector,
    logger,
    accessSecret: sandbox.credentials.accessSecret!,
    calls: log.requests,
    mark: log.mark,
    connect,
  }
}

export { allPages }
