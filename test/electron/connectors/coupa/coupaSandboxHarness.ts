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
  /** The legacy API key (the harness's connector signs in with the OAuth client). */
  apiKey: string
  clientSecret: string
  /** The API requests logged since the last `mark()` (or the start), without the sign-in's. */
  requests: () => LoggedRequest[]
  /** The token requests (`POST /oauth2/token`) logged since the last `mark()` (or the start). */
  signIns: () => LoggedRequest[]
  mark: () => void
  /** Another connector on the same tenant, e.g. with other profile values. */
  connect: (values?: Record<string, string>, secrets?: Record<string, string>, tuning?: CoupaHttpTuning) => CoupaConnector
}

/** Fast retries so fault tests do not wait for production backoffs. */
const fastTuning: CoupaHttpTuning = { backoff: { initialMs: 5, maxMs: 20 } }

/** The values of a new Coupa profile for this sandbox: it signs in with the OAuth client and asks for Lanyard's scopes. */
export function oauthProfileValues(sandbox: RunningCoupaSandbox): Record<string, string> {
  const { authMethod, clientId, scopes, customProperties } = sandbox.credentials
  return { url: sandbox.url, authMethod: authMethod!, clientId: clientId!, scopes: scopes!, customProperties: customProperties ?? '' }
}

/** The values that switch a harness connector to the legacy API key (pass `{ apiKey }` as its secrets). */
export const apiKeyValues = { authMethod: 'apiKey' }

/** A fresh Coupa sandbox instance and a connector for it, both closed after the test. */
export async function coupaHarness(options: CoupaSandboxOptions = {}, values: Record<string, string> = {}): Promise<CoupaHarness> {
  const sandbox = await startCoupaSandbox({ users: 120, ...options })
  const logger = createRecordingLogger()
  const { apiKey, clientSecret } = sandbox.credentials
  const connect = (extraValues: Record<string, string> = {}, secrets: Record<string, string> = { clientSecret: clientSecret! }, tuning: CoupaHttpTuning = {}) => {
    const connector = createCoupaConnector(
      {
        profileId: 'profile-1',
        profileName: 'Sandbox Coupa',
        environment: 'sandbox',
        values: { ...oauthProfileValues(sandbox), ...values, ...extraValues },
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
  const logged = (signIn: boolean) => (fields: Record<string, unknown>): LoggedRequest | null => {
    if (!('attempt' in fields) || isSignIn(String(fields.path)) !== signIn) return null
    return {
      method: String(fields.method),
      path: String(fields.path),
      status: fields.status as number | null,
      attempt: Number(fields.attempt),
      failure: (fields.failure as string | null) ?? null,
    }
  }
  // The API requests apart from the sign-in: the OAuth token is asked for once per session (pinned in oauth.integration.test.ts).
  const log = requestLog(logger.lines, logged(false))
  const signInLog = requestLog(logger.lines, logged(true))
  return {
    sandbox,
    tenant: sandbox.tenant,
    connector,
    logger,
    apiKey: apiKey!,
    clientSecret: clientSecret!,
    requests: log.requests,
    signIns: signInLog.requests,
    mark: () => {
      log.mark()
      signInLog.mark()
    },
    connect,
  }
}

function isSignIn(path: string): boolean {
  return path.startsWith('/oauth2/token')
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
