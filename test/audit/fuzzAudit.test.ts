import { describe, expect, it } from 'vitest'
import { runFuzzAudit } from './fuzzAudit'

/** The fuzz's quick part with a fixed seed: the same calls every run, and any broken rule fails. */
describe('bridge and contract fuzz (quick, fixed seed)', () => {
  it('answers every malformed call cleanly and refuses invalid input before the journal and the targets', async () => {
    const rows = await runFuzzAudit({ seed: 11, depth: 'quick' })
    const seen = rows.map((row) => ({ check: row.check, failed: row.failed, details: row.details }))
    expect(seen).toEqual(seen.map((row) => ({ ...row, failed: 0 })))
    expect(rows.every((row) => row.tried > 0)).toBe(true)
  }, 240_000)
})
