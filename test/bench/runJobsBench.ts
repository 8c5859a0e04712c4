import { benchArrivals } from './budgetArrivalBench'
import { benchBudgetRates, budgetBenchSettings } from './budgetRateBench'
import { benchMoveMembers, benchOffboardJob, benchPlanLookups, moveBenchSettings, offboardBenchSettings } from './jobsBench'
import type { ConnectorId } from '../../shared/catalogue/types'
import { printTable, type BenchRow } from './benchTable'

/**
 * `npx tsx test/bench/runJobsBench.ts [budget [okta,coupa…] | offboard [people] | move [members] | plan [people [okta,coupa…]] | arrivals [okta,coupa…]]`:
 * the rate and bulk-job benchmarks of `npm run bench` alone (the default runs the first three); `plan`
 * only plans the offboarding, in every tenant or those named, to measure its lookups; `arrivals` shows the
 * arrival jitter the budgets meet (budgetArrivalBench.ts, not in `npm run bench`).
 */
async function main(): Promise<void> {
  const [only, count, among] = process.argv.slice(2)
  const rows: BenchRow[] = []
  if (!only || only === 'budget') rows.push(...(await benchBudgetRates(budgetBenchSettings, count ? (count.split(',') as ConnectorId[]) : undefined)))
  if (!only || only === 'offboard') rows.push(...(await benchOffboardJob({ ...offboardBenchSettings, ...(count ? { people: Number(count) } : {}) })))
  if (only === 'plan') rows.push(...(await benchPlanLookups({ ...offboardBenchSettings, ...(count ? { people: Number(count) } : {}) }, among ? (among.split(',') as ConnectorId[]) : undefined)))
  if (only === 'arrivals') rows.push(...(await benchArrivals(count ? (count.split(',') as ConnectorId[]) : ['okta', 'cognito', 'coupa', 'gotomeeting'])))
  if (!only || only === 'move') rows.push(...(await benchMoveMembers({ ...moveBenchSettings, ...(count ? { members: Number(count) } : {}) })))
  printTable(rows)
}

main().catch((error: unknown) => {
  console.error('The benchmark could not run:', error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
