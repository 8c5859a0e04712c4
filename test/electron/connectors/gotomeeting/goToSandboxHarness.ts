import { afterTest, allPages, requestLog } from '../../../support/connectorHarness'
import { createGoToMeetingConnector, type GoToHttpTuning, type GoToMeetingConnector } from '../../../../electron/connectors/gotomeeting/createGoToMeetingConnector'
import { startGoToMeetingSandbox, type RunningGoToMeetingSandbox } from '../../../../electron/sandbox/gotomeeting/startGoToMeetingSandbox'
import type { SandboxOptions } from '../../../../electron/sandbox/types'
import { createRecordingLogger } from '../../../support/recordingLogger'

/** One request as the connector's HTTP clients logged it. */
export interface LoggedRequest {
  method: string
  path: string
  status: number | null
  attempt: number
}

export interface GoToHarness {
  sandbox: RunningGoToMeetingSandbox
  tenant: RunningGoToMeetingSandbox['tenant']
  connector: GoToMeetingConnector
  logger: ReturnType<typeof createRecordingLogger>
  /** The profile's secrets: the personal access token, the administrator's password and the OAuth client secret. */
  secrets: ReturnType<typeof profileSecrets>
  /** The requests logged since the last `mark()` (or the start). */
  requests: () => LoggedRequest[]
  mark: () => void
  /** A second connector on the same tenant, e.g. with other values, secrets or tuning. */
  connect: (values?: Record<string, string>, secrets?: Record<string, string>, tuning?: GoToHttpTuning) => GoToMeetingConnector
}

/** Fast retries so fault tests do not wait for production backoffs. */
const fastTuning: GoToHttpTuning = { backoff: { initialMs: 5, maxMs: 20 } }

/** The profile values a new GoToMeeting profile would hold for this sandbox: it signs in with the personal access token. */
export function profileValues(sandbox: RunningGoToMeetingSandbox): Record<string, string> {
  const { clientId, accountKey } = sandbox.credentials
  return { url: sandbox.url, grantType: 'personalAccessToken', clientId: clientId!, accountKey: accountKey! }
}

/** The values of a profile that signs in with the older password grant. */
export function passwordProfileValues(sandbox: RunningGoToMeetingSandbox): Record<string, string> {
  return { ...profileValues(sandbox), grantType: 'password', username: sandbox.credentials.username! }
}

/** Every secret the sandbox profile keeps: the personal access token, the administrator's password and the OAuth client secret. */
export function profileSecrets(sandbox: RunningGoToMeetingSandbox): { personalAccessToken: string; password: string; clientSecret: string } {
  const { personalAccessToken, password, clientSecret } = sandbox.credentials
  return { personalAccessToken: personalAccessToken!, password: password!, clientSecret: clientSecret! }
}

/** A fresh GoTo sandbox account and a GoToMeeting connector for it, both closed after the test. */
export async function goToHarness(options: SandboxOptions = {}, tuning: GoToHttpTuning = {}): Promise<GoToHarness> {
  const sandbox = await startGoToMeetingSandbox({ users: 120, ...options })
  const logger = createRecordingLogger()
  const connect = (values: Record<string, string> = {}, secrets: Record<string, string> = profileSecrets(sandbox), extraTuning: GoToHttpTuning = {}) => {
    const connector = createGoToMeetingConnector(
      { profileId: 'profile-1', profileName: 'Sandbox GoTo', environment: 'sandbox', values: { ...profileValues(sandbox), ...values }, secrets, logger },
      { ...fastTuning, ...tuning, ...extraTuning },
    )
    afterTest(async () => connector.close())
    return connector
  }
  const connector = connect()
  afterTest(() => sandbox.close())
  const log = requestLog(logger.lines, (fields) =>
    'attempt' in fields ? { method: String(fields.method), path: decodeURIComponent(String(fields.path)), status: fields.status as number | null, attempt: Number(fields.attempt) } : null,
  )
  return {
    sandbox,
    tenant: sandbox.tenant,
    connector,
    logger,
    secrets: profileSecrets(sandbox),
    requests: log.requests,
    mark: log.mark,
    connect,
  }
}

export { allPages }

/**
 * A call to the tenant's Admin API behind Lanyard's back (another administrator at work), with a
 * token of its own. `path` is under `accounts/{key}/`.
 */
export async function behindLanyardsBack(sandbox: RunningGoToMeetingSandbox, method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  const { clientId, clientSecret, username, password, accountKey } = sandbox.credentials
  const origin = new URL(sandbox.url).origin
  const tokenAnswer = await fetch(`${origin}/oauth/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: username!, password: password! }).toString(),
  })
  const { access_token: token } = (await tokenAnswer.json()) as { access_token: string }
  const answer = await fetch(`${sandbox.url}accounts/${accountKey}/${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: answer.status, text: await answer.text() }
}
