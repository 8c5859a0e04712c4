import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { SandboxReply, SandboxRequest } from './messages'

/** The sandbox process as main sees it, however it was started. */
export interface SandboxChild {
  readonly pid: number | undefined
  send(request: SandboxRequest): void
  onMessage(listener: (reply: SandboxReply) => void): void
  /** Once, when the process has ended or could not start: its exit code, or why. */
  onExit(listener: (how: string) => void): void
  kill(): void
}

export type SandboxLauncher = () => SandboxChild

/**
 * With Node's `child_process.fork`: the preview (`tsx`), tests and benchmarks. A `.ts` entry runs
 * under tsx, as the parent does. Not for the packaged app: its fuses forbid running Electron as
 * Node (electron-builder.yml), which `fork` would need; it uses `launchUtilitySandbox`.
 */
export function launchNodeSandbox(entry = fileURLToPath(new URL('./sandboxProcessMain.ts', import.meta.url))): SandboxChild {
  const child = fork(entry, [], {
    execArgv: entry.endsWith('.ts') ? ['--import', 'tsx'] : [],
    // Nothing on stdout (a door's own first line is read by scripts); stderr says what failed.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const exitListeners: ((how: string) => void)[] = []
  let ended: string | undefined
  const end = (how: string) => {
    if (ended !== undefined) return
    ended = how
    for (const listener of exitListeners) listener(how)
  }
  child.once('exit', (code, signal) => end(signal ? `ended by ${signal}` : `exit code ${code}`))
  // Kept for the process's life: a send on a closed channel emits 'error' too, and an unheard one would end main.
  child.on('error', (error) => end(`could not run: ${error.message}`))
  return {
    pid: child.pid,
    send: (request) => void child.send(request),
    onMessage: (listener) => child.on('message', (reply) => listener(reply as SandboxReply)),
    onExit: (listener) => (ended !== undefined ? listener(ended) : exitListeners.push(listener)),
    kill: () => void child.kill('SIGKILL'),
  }
}

/** The part of Electron's `utilityProcess` used here (main.ts passes the real one). */
export interface UtilityProcessApi {
  fork(
    modulePath: string,
    args?: string[],
    options?: { serviceName?: string; stdio?: 'ignore' | 'inherit' | 'pipe' | ('ignore' | 'inherit' | 'pipe')[] },
  ): {
    readonly pid: number | undefined
    postMessage(message: unknown): void
    on(event: 'message', listener: (message: unknown) => void): unknown
    once(event: 'exit', listener: (code: number) => void): unknown
    kill(): boolean
  }
}

/** In Electron: a utility process (Chromium's, with Node) runs the bundled `sandbox.cjs`; it needs no run-as-Node. */
export function launchUtilitySandbox(utilityProcess: UtilityProcessApi, modulePath: string): SandboxChild {
  const child = utilityProcess.fork(modulePath, [], { serviceName: 'Lanyard sandbox tenants', stdio: ['ignore', 'ignore', 'inherit'] })
  return {
    pid: child.pid,
    send: (request) => child.postMessage(request),
    onMessage: (listener) => void child.on('message', (reply) => listener(reply as SandboxReply)),
    onExit: (listener) => void child.once('exit', (code) => listener(`exit code ${code}`)),
    kill: () => void child.kill(),
  }
}
