import { describe, expect, it } from 'vitest'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { openJournal, updateIntent } from './journalFixtures'

const newDirectory = useTemporaryDirectories()
const outcome = { message: 'Done.', steps: [], details: {}, reconciled: false, target: null }

/*
 * Bulk jobs follow their rows through the journal's outcome listeners: a row settled in the background,
 * or a partial deprovision finished from Activity, is announced to the Jobs view as it happens.
 */
describe('journal outcome listeners', () => {
  it('are told of each outcome with the entries it changes: a finish names the partial entry it completes', async () => {
    const { journal } = await openJournal(newDirectory())
    const told: (readonly string[])[] = []
    journal.onOutcome((entryIds) => told.push(entryIds))
    const partial = await journal.recordIntent(updateIntent('Dana', { action: 'deprovision' }))
    await journal.recordOutcome({ intentId: partial.id, status: 'partial', ...outcome })
    const finish = await journal.recordIntent(updateIntent('Dana', { action: 'deprovision', completes: partial.id }))
    expect(told).toEqual([[partial.id]])
    await journal.recordOutcome({ intentId: finish.id, status: 'applied', ...outcome })
    expect(told).toEqual([[partial.id], [finish.id, partial.id]])
  })

  it('a listener that throws is logged and never makes the write fail; one unsubscribed is told nothing', async () => {
    const { journal, logger } = await openJournal(newDirectory())
    let told = 0
    journal.onOutcome(() => {
      throw new Error('a listener broke')
    })
    const stop = journal.onOutcome(() => (told += 1))
    const first = await journal.recordIntent(updateIntent('Ana'))
    await journal.recordOutcome({ intentId: first.id, status: 'applied', ...outcome })
    expect(journal.entry(first.id).outcome.status).toBe('applied')
    expect(logger.lines.some((line) => line.message === 'journal: an outcome listener failed')).toBe(true)
    stop()
    const second = await journal.recordIntent(updateIntent('Ben'))
    await journal.recordOutcome({ intentId: second.id, status: 'applied', ...outcome })
    expect(told).toBe(1)
  })
})
