import type { ConnectorId } from '../../../shared/catalogue/types'
import { startSandbox } from '../startSandboxes'
import type { RunningSandbox } from '../types'
import type { SandboxReply, SandboxRequest } from './messages'

/**
 * The sandbox process: Lanyard's tenants, each started when main asks (its Sandbox profile's first
 * use), so their people (up to 100,000 per tenant) live in this process's memory, not the app's.
 * Main starts it as an Electron utility process (out/electron/sandbox.cjs) or, in the preview and
 * tests, with Node's `child_process.fork`; the channel is `process.parentPort` or `process.send`.
 * It writes nothing on stdout; stderr only says what failed.
 */
interface ParentChannel {
  onRequest(listener: (request: SandboxRequest) => void): void
  reply(reply: SandboxReply): void
  /** Called when main is gone (a forked child's channel closed): nobody is left to stop the tenants. */
  onParentGone(listener: () => void): void
}

function parentChannel(): ParentChannel {
  const parentPort = (process as { parentPort?: { on(event: 'message', listener: (event: { data: SandboxRequest }) => void): void; postMessage(message: SandboxReply): void } }).parentPort
  if (parentPort) {
    // Electron ends a utility process with the app; there is no channel of its own to watch.
    return { onRequest: (listener) => parentPort.on('message', (event) => listener(event.data)), reply: (reply) => parentPort.postMessage(reply), onParentGone: () => undefined }
  }
  if (!process.send) throw new Error('The sandbox process must be started by Lanyard (it talks to it over IPC).')
  return {
    onRequest: (listener) => process.on('message', (request) => listener(request as SandboxRequest)),
    reply: (reply) => process.send?.(reply),
    onParentGone: (listener) => process.once('disconnect', listener),
  }
}

const tenants = new Map<ConnectorId, Promise<RunningSandbox>>()

async function stopTenant(connectorId: ConnectorId): Promise<void> {
  const tenant = tenants.get(connectorId)
  tenants.delete(connectorId)
  await (await tenant?.catch(() => undefined))?.close()
}

async function closeEverything(): Promise<void> {
  await Promise.allSettled([...tenants.keys()].map((connectorId) => stopTenant(connectorId)))
}

async function answer(request: SandboxRequest): Promise<SandboxReply> {
  switch (request.kind) {
    case 'start': {
      let starting = tenants.get(request.connectorId)
      if (!starting) {
        starting = startSandbox(request.connectorId, request.options)
        tenants.set(request.connectorId, starting)
        starting.catch(() => tenants.get(request.connectorId) === starting && tenants.delete(request.connectorId))
      }
      const tenant = await starting
      return { kind: 'started', requestId: request.requestId, connectorId: tenant.connectorId, url: tenant.url, credentials: tenant.credentials }
    }
    case 'stop':
      await stopTenant(request.connectorId)
      return { kind: 'done', requestId: request.requestId }
    case 'close':
      await closeEverything()
      return { kind: 'done', requestId: request.requestId }
  }
}

const channel = parentChannel()
channel.onRequest((request) => {
  answer(request).then(
    (reply) => {
      channel.reply(reply)
      if (request.kind === 'close') setImmediate(() => process.exit(0))
    },
    (error: unknown) => channel.reply({ kind: 'failed', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) }),
  )
})
channel.onParentGone(() => {
  void closeEverything().finally(() => process.exit(0))
})
