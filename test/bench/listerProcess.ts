import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** One listing's cost, as the process that ran it measured it. */
export interface Sample {
  wallMs: number
  cpuMs: number
  /** Of `cpuMs`, the kernel's share: sends and wake-ups, which pacing (Coupa, GoTo) makes more of. */
  systemMs: number
  rows: number
  /**
   * Of `cpuMs`, about how much V8 spent compiling optimised code (TurboFan, on its own threads and
   * this one) during the listing: a process's first listings pay it for the code they make hot.
   */
  compileMs: number
}

export type Target = 'okta' | 'cognito' | 'gotomeeting' | 'coupa'

/** What the lister's process measures itself; the parent adds the compiling it read from the trace. */
export type ListingSample = Omit<Sample, 'compileMs'>

type ChildMessage = { sample: ListingSample } | { error: string }

/**
 * One listing by a lister of rowCpuBench.ts in a fresh process of its own (listerChild.ts), after
 * `warmups` uncounted listings there. Clients shared one process at first, and one client's garbage then set
 * the GC's pace for the next: V8 marked the old generation about every second once the young
 * generation had grown to its largest, and which client grew it decided the figures (a Coupa
 * listing through Lanyard measured 1.3 s in one process and 1.8 s in another). A process kept for
 * every round of one client falls into one such state for all its rounds, so each sample gets a
 * process of its own and the median is taken over states. In the app, Lanyard's main process does
 * not share its heap with a bare loop either.
 */
export async function measureInOwnProcess(target: Target, name: string, tenant: Record<string, string>, warmups = 1): Promise<Sample> {
  const child = fork(fileURLToPath(new URL('./listerChild.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, LANYARD_BENCH_LISTER: JSON.stringify({ target, name, tenant, warmups }) },
    // Its standard output is V8's trace of the measured listing's compiles (listerChild.ts).
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  })
  let trace = ''
  child.stdout!.on('data', (chunk: Buffer) => (trace += chunk.toString()))
  try {
    const message = await new Promise<ChildMessage>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`The "${name}" lister's process exited with ${code}.`)))
      child.once('message', (answer) => resolve(answer as ChildMessage))
    })
    if ('error' in message) throw new Error(`The "${name}" lister failed: ${message.error}`)
    // The child exits once its message is sent; what it printed is then all in.
    await new Promise((resolve) => (child.stdout!.readableEnded ? resolve(null) : child.stdout!.once('end', resolve)))
    return { ...message.sample, compileMs: compileMsOf(trace) }
  } finally {
    if (child.exitCode === null) child.kill()
  }
}

/** The sum of `--trace-opt`'s "[completed optimizing … - took 0.01, 3.20, 0.05 ms]" (prepare, execute, finalize). */
export function compileMsOf(trace: string): number {
  let total = 0
  for (const match of trace.matchAll(/\[completed (?:optimizing|compiling) [^\n]*? took ([\d.]+), ([\d.]+), ([\d.]+) ms\]/g)) {
    total += Number(match[1]) + Number(match[2]) + Number(match[3])
  }
  return total
}
