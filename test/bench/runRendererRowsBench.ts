import { printTable } from './benchTable'
import { benchRendererRows } from './rendererRowsBench'

/**
 * The renderer figures alone (needs `vite build` first):
 * `node test/support/withPrivateKeyring.mjs tsx test/bench/runRendererRowsBench.ts [users] [rows] [rounds]`,
 * e.g. `… 100000 30000 1` to stop the old renderer at 30,000 rows.
 */
async function main(): Promise<void> {
  const [users = 100_000, rows, rounds = 2] = process.argv.slice(2).map(Number)
  printTable(await benchRendererRows({ users, latencyMs: 20, rows, rounds }))
}

main().catch((error: unknown) => {
  console.error('The benchmark could not run:', error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
