import { printTable } from './benchTable'
import { benchRendererRows } from './rendererRowsBench'

/**
 * The renderer figures alone (needs `vite build` first):
 * `node test/support/withPrivateKeyring.mjs tsx test/bench/runRendererRowsBench.ts [users] [rows] [rounds]`,
 * e.g. `… 100000 30000 1` to stop the old renderer at 30,000 rows. `LANYARD_BENCH_PROFILE=<folder>` also
 * CPU-profiles the first round's scroll and prints what its long tasks were made of.
 */
async function main(): Promise<void> {
  const [users = 100_000, rows, rounds = 2] = process.argv.slice(2).map(Number)
  printTable(await benchRendererRows({ users, latencyMs: 20, rows, rounds, profileFolder: process.env.LANYARD_BENCH_PROFILE }))
}

main().catch((error: unknown) => {
  console.error('The benchmark could not run:', error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
