import { afterTest, allPages, requestLog } from '../../../support/connectorHarness'
import { createCoupaConnector, type CoupaHttpTuning, type CoupaConnector } from '../../../../electron/connectors/coupa/createCoupaConnector'
import { startCoupaSandbox, type CoupaSandboxOptions, type RunningCoupaSandbox } from '../../../../electron/sandbox/coupa/startCoupaSandbox'
import { createRecordingLogger } from '../../../support/recordingLogger'

/** One request as the connector's HTTP client logged it. */
export interface LoggedRequest {
  method: string
  path: string
  status: number | null
  attempt: number
  failure: string | null
}

export interface CoupaHarness {
  sandbox: RunningCoupaSandbox
  tenant: RunningCoupaSandbox['tenant']
  connector: CoupaConnector
  logger: ReturnType<typeof createRecordingLogger>
  apiKey: string
  /** The requests logged since the last `mark()` (or the start). */
  requests: () => LoggedRequest[]
  mark: () => void
  /** Another connector on the same tenant, e.g. with other profile values. */
  connect: (values?: Record<string, string>, secrets?: Record<string, string>, tuning?: CoupaHttpTuning) => CoupaConnector
}

/** Fast retries so fault tests do not wait for production backoffs. */
const fastTuning: CoupaHttpTuning = { backoff: { initialMs: 5, maxMs: 20 } }

/** A fresh Coupa sandbox instance and a connector for it, both closed after the test. */
export async function coupaHarness(options: CoupaSandboxOptions = {}, values: Record<string, string> = {}): Promise<CoupaHarness> {
  const sandbox = await startCoupaSandbox({ users: 120, ...options })
  const logger = createRecordingLogger()
  const { apiKey, customProperties } = sandbox.credentials
  const connect = (extraValues: Record<string, string> = {}, secrets: Record<string, string> = { apiKey: apiKey! }, tuning: CoupaHttpTuning = {}) => {
    const connector = createCoupaConnector(
      {
        profileId: 'profile-1',
        profileName: 'Sandbox Coupa',
        environment: 'sandbox',
        values: { url: sandbox.url, customProperties: customProperties ?? '', ...values, ...extraValues },
        secrets,
        logger,
      },
      { ...fastTuning, ...tuning },
    )
    afterTest(async () => connector.close())
    return connector
  }
  const connector = connect()
  afterTest(() => sandbox.close())
  const log = requestLog(logger.lines, (fields) => {
    if (!('attempt' in fields)) return null
    return {
      method: String(fields.method),
      path: String(fields.path),
      status: fields.status as number | null,
      attempt: Number(fields.attempt),
      failure: (fields.failure as string | null) ?? null,
    }
  })
  return {
    sandbox,
    tenant: sandbox.tenant,
    connector,
    logger,
    apiKey: apiKey!,
    requests: log.requests,
    mark: log.mark,
    connect,
  }
}

/** A query value of a logged request path (`offset`, `limit`, `login[contains]`). */
export function queryOf(request: LoggedRequest, name: string): string | null {
  return new URL(request.path, 'http://x').searchParams.get(name)
}

export { allPages }

/** Everything the logger was told, as one text, to look for secrets in. */
export function everythingLogged(harness: CoupaHarness): string {
  return JSON.stringify(harness.logger.lines)
}
