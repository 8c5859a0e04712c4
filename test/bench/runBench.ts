import { benchGenerateDirectory } from './generateBench'
import { benchImportPreview } from './importPreviewBench'
import { benchJournal } from './journalBench'
import { benchListUsers } from './listUsersBench'
import { benchSearchAsYouType } from './searchAsYouTypeBench'
import { printTable, type BenchRow } from './benchTable'

/**
 * `npm run bench`: lists 20,000 sandbox users at 20 ms a request through each connector that has a
 * tenant, times search-as-you-type in the real UI and the profile import preview, then prints one
 * table, then opens a journal of 10,000 and one of 100,000 changes and times their start-up and queries. Figures, not verdicts:
 * nothing here fails on timing (the target is stated beside each figure).
 */
async function main(): Promise<void> {
  const rows: BenchRow[] = []
  rows.push(...(await benchListUsers({ users: 20_000, latencyMs: 20 })))
  rows.push(...(await benchSearchAsYouType({ users: 20_000, latencyMs: 20 })))
  rows.push(...(await benchGenerateDirectory(100_000)))
  rows.push(...benchImportPreview([2_000, 20_000]))
  rows.push(...(await benchJournal(10_000)))
  rows.push(...(await benchJournal(100_000)))
  console.log('')
  printTable(rows)
}

main().catch((error: unknown) => {
  console.error('The benchmark could not run:', error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
