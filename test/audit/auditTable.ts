/**
 * One line of `npm run audit`'s table: a check, how many cases it tried, how many broke a rule,
 * and what broke (or what was measured). The audit prints figures like `npm run bench` does; its
 * fast part runs in `npm test` with a fixed seed, where a failed case fails the test.
 */
export interface AuditRow {
  check: string
  tried: number
  failed: number
  details: string
}

/** What every audit part is given: the seed of its generated cases and how hard to try. */
export interface AuditOptions {
  seed: number
  /** `quick` is the size `npm test` runs; `full` is `npm run audit`'s. */
  depth: 'quick' | 'full'
}

export function printAuditTable(rows: readonly AuditRow[]): void {
  const cells = rows.map((row) => ({ check: row.check, tried: String(row.tried), failed: String(row.failed), details: row.details }))
  const headings = { check: 'check', tried: 'tried', failed: 'failed', details: 'details' }
  const columns = Object.keys(headings) as (keyof typeof headings)[]
  const widths = columns.map((column) => Math.max(...[headings, ...cells].map((row) => row[column].length)))
  const line = (row: typeof headings) => columns.map((column, index) => row[column].padEnd(widths[index] ?? 0)).join(' │ ')
  console.log(line(headings))
  console.log(widths.map((width) => '─'.repeat(width)).join('─┼─'))
  for (const row of cells) console.log(line(row))
}
