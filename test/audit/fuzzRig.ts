import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getDescriptor } from '../../shared/catalogue'
import type { ConnectorId } from '../../shared/catalogue/types'
import type { Handlers } from '../../shared/contract'
import { journalFileName } from '../../electron/journal/JournalFile'
import { createLogger, type FileLogger } from '../../electron/logging/createLogger'
import { startPreviewServer, type PreviewServer } from '../../electron/preview/previewServer'
import { startSandboxes } from '../../electron/sandbox/startSandboxes'
import type { RunningSandbox } from '../../electron/sandbox/types'
import { ensureSandboxProfiles, managedProfilesFileName } from '../../electron/services/sandboxProfiles'
import { createTestServices, type EmittedEvent } from '../support/createTestServices'
import { MemorySecretStore } from '../support/MemorySecretStore'

/**
 * The app as the audit drives it: the four sandbox tenants (in memory, so their request counts
 * say what reached a target), the real services over a throw-away LANYARD_HOME with the file
 * logger, one Sandbox profile per tenant made the way start-up makes them, and the preview
 * bridge in front. In this process, so the audit can see what an outside client cannot: the
 * journal file, the tenants' counters, the events and unhandled rejections.
 */
export interface AuditApp {
  home: string
  handlers: Handlers
  tenants: RunningSandbox[]
  secretStore: MemorySecretStore
  /** The app's file logger (LANYARD_HOME/logs). */
  logger: FileLogger
  events: EmittedEvent[]
  bridge: PreviewServer
  /** The bridge's per-run token, which only the opened page may know. */
  token: string
  /** The Sandbox profile made for each tenant. */
  profileIds: Record<ConnectorId, string>
  tenant(connectorId: ConnectorId): RunningSandbox
  /** Requests every tenant has served so far. */
  requestsServed(): number
  /** The journal file as it is on disk now ('' before the first record). */
  journalText(): Promise<string>
  close(): Promise<void>
}

export async function startAuditApp(options: { users?: number } = {}): Promise<AuditApp> {
  const home = await mkdtemp(join(tmpdir(), 'lanyard-audit-'))
  const staticDirectory = await mkdtemp(join(tmpdir(), 'lanyard-audit-page-'))
  await writeFile(join(staticDirectory, 'index.html'), '<!doctype html><title>Lanyard</title>')
  const stateDirectory = join(home, 'sandbox')
  await mkdir(stateDirectory, { recursive: true })

  const sandboxes = await startSandboxes({ users: options.users ?? 20 })
  const logger = createLogger({ directory: home, console: false })
  const secretStore = new MemorySecretStore()
  const services = await createTestServices(home, {
    logger,
    secretStore,
    sandboxes: {
      ensureProfiles: (handlers) => ensureSandboxProfiles({ handlers, tenants: sandboxes.tenants, stateDirectory, logger }),
    },
  })
  const bridge = await startPreviewServer({ handlers: services.handlers, logger, staticDirectory })
  const made = JSON.parse(await readFile(join(stateDirectory, managedProfilesFileName), 'utf8')) as Record<ConnectorId, string>

  return {
    home,
    handlers: services.handlers,
    tenants: sandboxes.tenants,
    secretStore,
    logger,
    events: services.events,
    bridge,
    token: new URL(bridge.url).searchParams.get('token') ?? '',
    profileIds: made,
    tenant: (connectorId) => {
      const found = sandboxes.tenants.find((tenant) => tenant.connectorId === connectorId)
      if (!found) throw new Error(`no ${connectorId} tenant`)
      return found
    },
    requestsServed: () => sandboxes.tenants.reduce((sum, tenant) => sum + tenant.requestCount(), 0),
    journalText: () => readFile(join(home, journalFileName), 'utf8').catch(() => ''),
    async close() {
      await bridge.close()
      await services.close()
      await sandboxes.close()
      await rm(home, { recursive: true, force: true })
      await rm(staticDirectory, { recursive: true, force: true })
    },
  }
}

/** Every value a tenant handed out that its connector's descriptor marks secret. */
export function tenantSecrets(tenants: readonly RunningSandbox[]): string[] {
  return tenants.flatMap((tenant) =>
    getDescriptor(tenant.connectorId)
      .parameters.filter((parameter) => parameter.secret)
      .map((parameter) => tenant.credentials[parameter.key])
      .filter((value): value is string => typeof value === 'string' && value.length > 0),
  )
}
