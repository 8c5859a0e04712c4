import { describe, expect, it } from 'vitest'
import { completionPlan, passwordQuestion, rollbackRefusal } from '../../../renderer/src/features/activity/completionPlan'
import { partialCreateEntry } from './journalEntries'

describe('how finishing or rolling back a partial change is put to the person', () => {
  it('asks for the password only when finishing a change whose password step did not happen', () => {
    const needing = partialCreateEntry()
    const notNeeding = partialCreateEntry({ completion: { available: true, reason: null, completedBy: null, needsPassword: false } })

    expect(passwordQuestion(needing, 'finish')?.label).toBe('Password')
    expect(passwordQuestion(needing, 'rollback')).toBeNull()
    expect(passwordQuestion(notNeeding, 'finish')).toBeNull()
  })

  it('lists the steps a finish still has to run, and the ones a roll-back takes back', () => {
    const entry = partialCreateEntry()

    expect(completionPlan(entry, 'finish').lines).toEqual([
      { label: 'To do', text: 'Set the password (failed)' },
      { label: 'To do', text: 'Add to Admins (not attempted)' },
    ])
    expect(completionPlan(entry, 'rollback')).toMatchObject({
      title: 'Roll back the creation of ada?',
      lines: [{ label: 'Taken back', text: 'Create ada (done)' }],
      danger: true,
    })
  })

  it('refuses to offer rolling back a creation where the target has no delete', () => {
    const coupa = partialCreateEntry({ connectorId: 'coupa', profileName: 'Coupa sandbox' })

    expect(rollbackRefusal(coupa)).toBe('Coupa does not let Lanyard delete users, so a creation cannot be rolled back.')
    expect(rollbackRefusal(partialCreateEntry())).toBeNull()
    expect(rollbackRefusal(partialCreateEntry({ action: 'update', connectorId: 'coupa' }))).toBeNull()
  })
})
