import { setFlagsFromString } from 'node:v8'
import type { ListingSample, Target } from './listerProcess'
import { listersFor } from './rowCpuBench'

/*
 * The process of one rowCpuBench.ts sample (listerProcess.ts): uncounted listings (one by default),
 * since the first pays for compiling the code it runs, then the measured one, reported to the parent.
 * During the measured one V8 prints each optimising compile it completes (`--trace-opt`, to this
 * process's standard output, which the parent reads): the CPU a listing spends compiling, apart.
 */
const { target, name, tenant, warmups } = JSON.parse(process.env.LANYARD_BENCH_LISTER ?? '{}') as {
  target: Target
  name: string
  tenant: Record<string, string>
  warmups: number
}
const lister = listersFor(target, tenant).find((candidate) => candidate.name === name)

async function measure(list: () => Promise<number>): Promise<ListingSample> {
  setFlagsFromString('--trace-opt')
  const cpu = process.cpuUsage()
  const started = performance.now()
  const rows = await list()
  const wallMs = performance.now() - started
  const used = process.cpuUsage(cpu)
  setFlagsFromString('--no-trace-opt')
  return { wallMs, cpuMs: (used.user + used.system) / 1000, systemMs: used.system / 1000, rows }
}

async function listAfterWarmups(): Promise<ListingSample> {
  if (!lister) throw new Error(`No lister "${name}" for ${target}.`)
  for (let listing = 0; listing < warmups; listing++) await lister.list()
  return measure(() => lister.list())
}

listAfterWarmups().then(
  (sample) => process.send!({ sample }, () => process.exit(0)),
  (error: unknown) => process.send!({ error: String(error) }, () => process.exit(1)),
)
