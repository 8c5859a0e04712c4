import type { ConnectorId } from '../../../shared/catalogue/types'
import type { Logger } from '../../logging/Logger'
import type { RunningSandbox, SandboxOptions } from '../types'
import type { SandboxChild, SandboxLauncher } from './launchSandboxProcess'
import type { SandboxReply, SandboxRequest } from './messages'

/** A tenant as the app uses it: where it answers, its credentials, how to stop it. */
export type SandboxTenant = Pick<RunningSandbox, 'connectorId' | 'url' | 'credentials' | 'close'> & {
  /** Settles with why when the tenant stopped without being asked (its process ended). */
  stopped?: Promise<string>
}

type Request = SandboxRequest extends infer R ? (R extends SandboxRequest ? Omit<R, 'requestId'> : never) : never

interface RunningChild {
  child: SandboxChild
  pending: Map<number, { resolve(reply: SandboxReply): void; reject(error: Error): void }>
  /** Each started tenant's `stopped`, told when the process ends under it. */
  tenants: Map<ConnectorId, (reason: string) => void>
  exited: Promise<void>
  closing: boolean
}

/** How long `close` waits for the tenants to save their state before the process is killed. */
const closeGraceMs = 5_000

/**
 * Main's side of the sandbox process: started with the first tenant (a Sandbox profile's first
 * use), it runs every tenant the app starts, so their memory is not the app's (issue 14: four
 * in-process tenants of 100,000 people took the main process to 2.2 GB). When the process ends
 * without being asked, every request waiting on it fails, each tenant's `stopped` says why, and
 * the next start launches a new process.
 */
export class SandboxProcessHost {
  private running: RunningChild | undefined
  private nextRequestId = 1

  constructor(
    private readonly launch: SandboxLauncher,
    private readonly logger: Logger,
  ) {}

  /** The process's id while it runs (benchmarks read its memory; tests end it). */
  get pid(): number | undefined {
    return this.running?.child.pid
  }

  readonly startTenant = async (connectorId: ConnectorId, options: SandboxOptions): Promise<SandboxTenant> => {
    const running = this.childProcess()
    const reply = await this.ask(running, { kind: 'start', connectorId, options })
    if (reply.kind !== 'started') throw new Error(`the sandbox process answered ${reply.kind} to a start`)
    // Secrets from the child are registered at once: no log line may carry them.
    for (const value of Object.values(reply.credentials)) this.logger.registerSecret(value)
    const stopped = new Promise<string>((resolve) => running.tenants.set(connectorId, resolve))
    return {
      connectorId,
      url: reply.url,
      credentials: reply.credentials,
      stopped,
      close: async () => {
        if (this.running !== running || !running.tenants.delete(connectorId)) return
        await this.ask(running, { kind: 'stop', connectorId })
      },
    }
  }

  /** Stops every tenant (each saves its state) and ends the process; kills it if it does not end in time. */
  async close(): Promise<void> {
    const running = this.running
    if (!running) return
    running.closing = true
    this.running = undefined
    const grace = new Promise<void>((resolve) => setTimeout(resolve, closeGraceMs).unref())
    await Promise.race([this.ask(running, { kind: 'close' }).then(() => running.exited), grace]).catch(() => undefined)
    running.child.kill()
    await running.exited
  }

  private childProcess(): RunningChild {
    if (this.running) return this.running
    const child = this.launch()
    let markExited = () => {}
    const running: RunningChild = { child, pending: new Map(), tenants: new Map(), exited: new Promise((resolve) => (markExited = resolve)), closing: false }
    child.onMessage((reply) => {
      const waiting = running.pending.get(reply.requestId)
      running.pending.delete(reply.requestId)
      if (reply.kind === 'failed') waiting?.reject(new Error(reply.message))
      else waiting?.resolve(reply)
    })
    child.onExit((how) => {
      markExited()
      if (this.running === running) this.running = undefined
      const reason = `the sandbox process stopped unexpectedly (${how})`
      if (!running.closing) this.logger.error('sandbox process stopped unexpectedly', { how, pid: child.pid, tenants: [...running.tenants.keys()] })
      for (const waiting of running.pending.values()) waiting.reject(new Error(running.closing ? 'the sandbox process was closed' : reason))
      running.pending.clear()
      for (const tell of running.tenants.values()) tell(reason)
      running.tenants.clear()
    })
    this.running = running
    this.logger.info('sandbox process started', { pid: child.pid })
    return running
  }

  private ask(running: RunningChild, request: Request): Promise<SandboxReply> {
    const requestId = this.nextRequestId++
    return new Promise<SandboxReply>((resolve, reject) => {
      running.pending.set(requestId, { resolve, reject })
      try {
        running.child.send({ ...request, requestId } as SandboxRequest)
      } catch (error) {
        running.pending.delete(requestId)
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    })
  }
}
