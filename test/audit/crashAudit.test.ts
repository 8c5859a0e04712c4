import { describe, expect, it } from 'vitest'
import { requireReachableKeychain } from '../support/requireReachableKeychain'
import { runCrashAudit } from './crashAudit'

/*
 * The audit's crash part at `npm test` size, with a fixed seed: a few `kill -9`s of a real process
 * (the services over the real keychain) in the middle of profile saves, deletes and journaled
 * changes, each followed by a restart that must find both stores and the journal consistent.
 * `npm run audit` kills it 50 times with a random seed.
 */
describe('audit: crash consistency', () => {
  it('keeps files valid, the chain intact and every acknowledged operation across kill -9', async () => {
    await requireReachableKeychain()
    const rows = await runCrashAudit({ seed: 11, depth: 'quick' })
    expect(rows[0]?.tried).toBeGreaterThan(0)
    const broken = rows.filter((row) => row.failed > 0)
    expect(broken.map((row) => `${row.check}: ${row.failed} — ${row.details}`)).toEqual([])
  }, 240_000)
})
