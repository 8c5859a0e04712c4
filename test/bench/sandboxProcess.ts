import { spawn } from 'node:child_process'
import type { RateLimitMode } from '../../electron/sandbox/types'

export interface SandboxProcess {
  /** The one line `npm run sandbox` prints: per connector id, the URL and the credentials. */
  tenants: Record<string, Record<string, string>>
  stop(): Promise<void>
}

/**
 * The sandbox tenants in a process of their own, started as `npm run sandbox` starts them. A real
 * target runs on another machine: in the benchmark's own process the simulator's work would share
 * one thread with the client's and be measured as Lanyard's.
 */
export async function startSandboxProcess(options: {
  users: number
  latencyMs: number
  rateLimits?: RateLimitMode
  /** A file to write when each request reached the tenants (arrivalLog.mjs), for budgetArrivalBench.ts. */
  arrivalLog?: string
}): Promise<SandboxProcess> {
  const rateLimits = options.rateLimits ? ['--rate-limits', String(options.rateLimits)] : []
  const arrivals = options.arrivalLog ? ['--import', './test/bench/arrivalLog.mjs'] : []
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', ...arrivals, 'electron/sandbox/runSandbox.ts', '--users', String(options.users), '--latency', String(options.latencyMs), ...rateLimits],
    { stdio: ['ignore', 'pipe', 'pipe'], env: options.arrivalLog ? { ...process.env, LANYARD_ARRIVAL_LOG: options.arrivalLog } : process.env },
  )
  let errors = ''
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  const line = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const end = output.indexOf('\n')
      if (end >= 0) resolve(output.slice(0, end))
    })
    child.once('exit', (code) => reject(new Error(`npm run sandbox exited with ${code}:\n${errors}`)))
  })
  return {
    tenants: JSON.parse(line) as Record<string, Record<string, string>>,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGINT')
      }),
  }
}
