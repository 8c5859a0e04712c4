import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ConnectorId } from '../../shared/catalogue/types'
import type { ConnectorFactories } from '../../electron/directory/ConnectorPool'
import { launchNodeSandbox } from '../../electron/sandbox/process/launchSandboxProcess'
import { startSandbox } from '../../electron/sandbox/startSandboxes'
import { openAppSandboxes } from '../../electron/services/appSandboxes'
import { createTestServices } from '../support/createTestServices'
import { createRecordingLogger } from '../support/recordingLogger'
import { withPeakMemory } from './benchTable'

/**
 * One scenario of mainMemoryBench.ts, in a fresh process (what is loaded is the point): the app's
 * services with its Sandbox profiles, as both doors start them, then
 * - `list`: the Okta Sandbox profile lists all its users, 200 a call, as the Users tab scrolled to the end;
 * - `tenants`: each of the four Sandbox profiles is used once, which starts its tenant.
 * How the app is built: `--adapters eager|lazy` (the registry before issue 14 imported all four
 * adapters at start), `--tenants in-process|process`. Prints one JSON line of figures (bytes).
 */
const argument = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1] ?? ''
const scenario = argument('scenario')
const users = Number(argument('users'))

/** The adapters as the registry loaded them before: every one at start-up. */
async function eagerFactories(): Promise<ConnectorFactories> {
  const [okta, cognito, coupa, gotomeeting] = await Promise.all([
    import('../../electron/connectors/okta/createOktaConnector'),
    import('../../electron/connectors/cognito/createCognitoConnector'),
    import('../../electron/connectors/coupa/createCoupaConnector'),
    import('../../electron/connectors/gotomeeting/createGoToMeetingConnector'),
  ])
  return { okta: okta.createOktaConnector, cognito: cognito.createCognitoConnector, coupa: coupa.createCoupaConnector, gotomeeting: gotomeeting.createGoToMeetingConnector }
}

function peakRssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024
}

const dataDirectory = mkdtempSync(join(tmpdir(), 'lanyard-memory-bench-'))
try {
  const connectorFactories = argument('adapters') === 'eager' ? await eagerFactories() : undefined
  const sandboxes = await openAppSandboxes({
    dataDirectory,
    env: { LANYARD_SANDBOX_USERS: String(users) },
    logger: createRecordingLogger(),
    ...(argument('tenants') === 'in-process'
      ? { startTenant: startSandbox }
      : { launchSandbox: () => launchNodeSandbox() }),
  })
  const services = await createTestServices(dataDirectory, { sandboxes, connectorFactories })
  const profileOf = async (connectorId: ConnectorId) => (await services.handlers['profiles.list']({})).find((profile) => profile.connectorId === connectorId)!.id
  const startRss = process.memoryUsage().rss
  let firstPageRss = 0
  const { value: listed, peakRss } = await withPeakMemory(async () => {
    if (scenario === 'tenants') {
      for (const connectorId of ['okta', 'cognito', 'coupa', 'gotomeeting'] as const) await services.handlers['directory.testConnection']({ profileId: await profileOf(connectorId) })
      return 0
    }
    const profileId = await profileOf('okta')
    let cursor: string | null = null
    let count = 0
    do {
      const page = await services.handlers['directory.list']({ profileId, objectType: 'users', search: '', pageSize: 200, cursor })
      // The adapter is loaded and the connector built, before the rows pile up.
      if (count === 0) firstPageRss = process.memoryUsage().rss
      count += page.items.length
      cursor = page.nextCursor
    } while (cursor)
    return count
  })
  const endRss = process.memoryUsage().rss
  let sandboxPeakRss = 0
  for (const pid of childPids()) sandboxPeakRss += peakRssOf(pid)
  await services.close()
  await sandboxes.close()
  process.stdout.write(`${JSON.stringify({ listed, startRss, firstPageRss, peakRss, endRss, maxRss: process.resourceUsage().maxRSS * 1024, sandboxPeakRss })}\n`)
} finally {
  rmSync(dataDirectory, { recursive: true, force: true })
}

/** This process's children (the sandbox process, when there is one). */
function childPids(): number[] {
  const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim()
  return children ? children.split(/\s+/).map(Number) : []
}
