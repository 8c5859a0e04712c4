import { describe, expect, it } from 'vitest'
import { runFaultAudit } from './faultAudit'

/*
 * The audit's fault part at `npm test` size, with a fixed seed: journaled changes against every
 * sandbox tenant under 10 % and 30 % faults (answers lost after the write included), the journal
 * compared with the tenants' real state. `npm run audit` runs it larger with a random seed.
 */
describe('audit: faults with an oracle', () => {
  it('loses, duplicates and wrongly settles nothing, and explains every failure', async () => {
    const rows = await runFaultAudit({ seed: 11, depth: 'quick' })
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((row) => row.tried > 0)).toBe(true)
    const broken = rows.filter((row) => row.failed > 0)
    expect(broken.map((row) => `${row.check}: ${row.failed} — ${row.details}`)).toEqual([])
  }, 240_000)
})
