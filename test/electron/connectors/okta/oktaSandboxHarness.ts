import { afterEach } from 'vitest'
import type { Connector } from '../../../../electron/connectors/Connector'
import { createOktaConnector, type OktaHttpTuning } from '../../../../electron/connectors/okta/createOktaConnector'
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
  connector: Connector
  logger: ReturnType<typeof createRecordingLogger>
  token: string
  /** The requests logged since the last `mark()` (or the start). */
  requests: () => LoggedRequest[]
  mark: () => void
  /** A second connector on the same tenant, e.g. with another token or mode. */
  connect: (values?: Record<string, string>, secrets?: Record<string, string>, tuning?: OktaHttpTuning) => Connector
}

const cleanups: (() => Promise<void>)[] = []

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.()
})

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
      { profileId: 'profile-1', profileName: 'Sandbox Okta', values: { url: sandbox.url, ...values, ...extraValues }, secrets, logger },
      { ...fastTuning, ...tuning, ...extraTuning },
    )
    cleanups.push(async () => connector.close())
    return connector
  }
  const connector = connect()
  cleanups.push(() => sandbox.close())
  let from = 0
  const logged = () =>
    logger.lines
      .filter((line) => line.fields && 'attempt' in line.fields)
      .map((line) => {
        const fields = line.fields as Record<string, unknown>
        return { method: String(fields.method), path: String(fields.path), status: fields.status as number | null, attempt: Number(fields.attempt) }
      })
  return {
    sandbox,
    tenant: sandbox.tenant,
    connector,
    logger,
    token: sandbox.credentials.token!,
    requests: () => logged().slice(from),
    mark: () => {
      from = logged().length
    },
    connect,
  }
}

/** The `limit` query value of a logged request path. */
export function limitOf(request: LoggedRequest): string | null {
  return new URL(request.path, 'http://x').searchParams.get('limit')
}

/** Walks a paged list to its end, page by page. */
export async function allPages(
  read: (cursor: string | null) => Promise<{ items: { id: string }[]; nextCursor: string | null }>,
): Promise<{ ids: string[]; pageSizes: number[] }> {
  const ids: string[] = []
  const pageSizes: number[] = []
  let cursor: string | null = null
  do {
    const page: { items: { id: string }[]; nextCursor: string | null } = await read(cursor)
    ids.push(...page.items.map((item) => item.id))
    pageSizes.push(page.items.length)
    cursor = page.nextCursor
  } while (cursor)
  return { ids, pageSizes }
}
