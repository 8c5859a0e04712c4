import { describe, expect, it } from 'vitest'
import { runCanaryBrowserAudit } from '../audit/canaryBrowser'

/** The secret canary's page half (the audit runs it too): no canary in the page, its storage, the files or the output. */
describe('secret canary in the page', () => {
  it('leaves no tenant secret or wrong canary credential in the DOM, storage, LANYARD_HOME or the output', async () => {
    const rows = await runCanaryBrowserAudit({ seed: 11, depth: 'quick' })
    const seen = rows.map((row) => ({ check: row.check, failed: row.failed, details: row.details }))
    expect(seen).toEqual(seen.map((row) => ({ ...row, failed: 0 })))
    expect(rows.every((row) => row.tried > 0)).toBe(true)
  }, 180_000)
})
