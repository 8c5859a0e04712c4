import { afterTest, allPages, requestLog } from '../../../support/connectorHarness'
import { createOktaConnector, type OktaHttpTuning, type OktaConnector } from '../../../../electron/connectors/okta/createOktaConnector'
import { startOktaSandbox, type RunningOktaSandbox } from '../../../../electron/sandbox/okta/startOktaSandbox'
import type { SandboxOptions } from '../../../../electron/sandbox/types'
import { createRecordingLogger } from '../../../support/recordingLogger'

/** One request as the connector's HTTP client logged it. */
export interface LoggedRequest {
  method: string
  path: string
  status: number | null
  attempt: number
}

export interface OktaHarness {
  sandbox: RunningOktaSandbox
  tenant: RunningOktaSandbox['tenant']
  connector: OktaConnector
  logger: ReturnType<typeof createRecordingLogger>
  token: string
  /** The requests logged since the last `mark()` (or the start). */
  requests: () => LoggedRequest[]
  mark: () => void
  /** A second connector on the same tenant, e.g. with another token or mode. */
  connect: (values?: Record<string, string>, secrets?: Record<string, string>, tuning?: OktaHttpTuning) => OktaConnector
}

/** Fast retries so fault tests do not wait for production backoffs. */
const fastTuning: OktaHttpTuning = { backoff: { initialMs: 5, maxMs: 20 } }

/** A fresh sandbox tenant and an Okta connector for it, both closed after the test. */
export async function oktaHarness(
  options: SandboxOptions = {},
  tuning: OktaHttpTuning = {},
  values: Record<string, string> = {},
): Promise<OktaHarness> {
  const sandbox = await startOktaSandbox({ users: 200, ...options })
  const logger = createRecordingLogger()
  const connect = (extraValues: Record<string, string> = {}, secrets = sandbox.credentials, extraTuning: OktaHttpTuning = {}) => {
    const connector = createOktaConnector(
      { profileId: 'profile-1', profileName: 'Sandbox Okta', environment: 'sandbox', values: { url: sandbox.url, ...values, ...extraValues }, secrets, logger },
      { ...fastTuning, ...tuning, ...extraTuning },
    )
    afterTest(async () => connector.close())
    return connector
  }
  const connector = connect()
  afterTest(() => sandbox.close())
  const log = requestLog(logger.lines, (fields) =>
    'attempt' in fields ? { method: String(fields.method), path: String(fields.path), status: fields.status as number | null, attempt: Number(fields.attempt) } : null,
  )
  return {
    sandbox,
    tenant: sandbox.tenant,
    connector,
    logger,
    token: sandbox.credentials.token!,
    requests: log.requests,
    mark: log.mark,
    connect,
  }
}

/** The `limit` query value of a logged request path. */
export function limitOf(request: LoggedRequest): string | null {
  return new URL(request.path, 'http://x').searchParams.get('limit')
}

export { allPages }

/** A person the tests create in the Okta sandbox, in the form's attribute paths. */
export const graceHopper = {
  'name.givenName': 'Grace',
  'name.familyName': 'Hopper',
  userName: 'grace.hopper@example.com',
  'emails.value': 'grace.hopper@example.com',
  title: 'Rear Admiral',
}
