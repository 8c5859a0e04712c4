import { describe, expect, it } from 'vitest'
import { runCanaryAudit } from './canaryAudit'

/** The canary's main-process half, quick: no secret in any file, answer or event after every scenario. */
describe('secret canary (quick)', () => {
  it('finds no canary secret in LANYARD_HOME, answers or events, after scenarios that ran as meant', async () => {
    const rows = await runCanaryAudit({ seed: 11, depth: 'quick' })
    const seen = rows.map((row) => ({ check: row.check, failed: row.failed, details: row.details }))
    expect(seen).toEqual(seen.map((row) => ({ ...row, failed: 0 })))
    expect(rows.every((row) => row.tried > 0)).toBe(true)
  }, 120_000)
})
