import { benchGenerateDirectory } from './generateBench'
import { benchImportPreview } from './importPreviewBench'
import { benchJournal } from './journalBench'
import { benchListUsers } from './listUsersBench'
import { benchCognitoVersusSdk, cognitoBenchSettings } from './cognitoSdkBench'
import { benchMainMemory } from './mainMemoryBench'
import { benchPeople } from './peopleBench'
import { benchRowCpuSuite } from './rowCpuBench'
import { benchRendererRows } from './rendererRowsBench'
import { benchSearchAsYouType } from './searchAsYouTypeBench'
import { benchNarrowSearch } from './narrowSearchBench'
import { benchBudgetRates, budgetBenchSettings } from './budgetRateBench'
import { benchMoveMembers, benchOffboardJob, moveBenchSettings, offboardBenchSettings } from './jobsBench'
import { printTable, type BenchRow } from './benchTable'
import { countRequestsPerAction, printRequestCounts } from './requestCountsBench'

/**
 * `npm run bench`: lists 20,000 sandbox users at 20 ms a request through each connector that has a
 * tenant, times search-as-you-type in the real UI, People's search over four such tenants (real UI)
 * and an offboarding of 100 people through main's services, and the profile import preview, then
 * prints one table, then opens a journal of 10,000 and one of 100,000 changes and times their start-up and
 * queries; each request budget against its tenant's documented limit, and the bulk jobs (offboarding 1,000
 * people across the four tenants with the limits on, moving 5,000 members between two Okta groups). Then, per connector, the requests each user action sends to the sandbox tenant (the
 * requests-per-action test's own scenarios), and what one help-desk ticket costs in all. Figures,
 * not verdicts: nothing here fails on timing (the target is stated beside each figure).
 */
async function main(): Promise<void> {
  const rows: BenchRow[] = []
  rows.push(...(await benchListUsers({ users: 20_000, latencyMs: 20 })))
  rows.push(...(await benchCognitoVersusSdk({ users: 20_000, settings: cognitoBenchSettings, rounds: 4 })))
  rows.push(...(await benchRowCpuSuite()))
  rows.push(...(await benchSearchAsYouType({ users: 20_000, latencyMs: 20 })))
  rows.push(...(await benchPeople({ users: 20_000, latencyMs: 20, leavers: 100 })))
  rows.push(...(await benchNarrowSearch({ users: 100_000 })))
  rows.push(...(await benchRendererRows({ users: 100_000, latencyMs: 20 })))
  rows.push(...(await benchGenerateDirectory(100_000)))
  rows.push(...benchImportPreview([2_000, 20_000]))
  rows.push(...(await benchJournal(10_000)))
  rows.push(...(await benchJournal(100_000)))
  rows.push(...(await benchMainMemory({ listUsers: 20_000, listRounds: 3, tenantUsers: 100_000 })))
  rows.push(...(await benchBudgetRates(budgetBenchSettings)))
  rows.push(...(await benchOffboardJob(offboardBenchSettings)))
  rows.push(...(await benchMoveMembers(moveBenchSettings)))
  console.log('')
  printTable(rows)
  printRequestCounts(await countRequestsPerAction())
}

main().catch((error: unknown) => {
  console.error('The benchmark could not run:', error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
