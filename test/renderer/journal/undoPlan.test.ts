import { describe, expect, it } from 'vitest'
import { undoPlan } from '../../../renderer/src/features/journal/undoPlan'
import { journalEntry } from '../activity/journalEntries'

describe('the confirmation of an undo', () => {
  it('shows each recorded change going back, from after to before, and is not styled as danger', () => {
    const plan = undoPlan(journalEntry({ changes: [{ attribute: 'active', before: true, after: false }], recorded: null }))

    expect(plan.title).toBe('Undo the deprovision of Ada Lovelace?')
    expect(plan.message).toMatch(/^Suspended Ada Lovelace and kept her 2 groups on record \(.+\)\. Undo brings back what it took away, then reads the user back to check:$/)
    expect(plan.lines).toEqual([{ label: 'Active', hint: 'active', before: 'No', after: 'Yes' }])
    expect(plan.confirmLabel).toBe('Undo deprovision')
    expect(plan.danger).toBe(false)
    expect(plan.typeToConfirm).toBeUndefined()
  })

  it('names the status, and the recorded groups only as what undo checks: a deprovision (an Okta suspend) may never have removed them', () => {
    const plan = undoPlan(journalEntry())

    // Issue 15: "Groups: in Engineering, VPN Users … again" for a suspend that never removed a group.
    expect(plan.lines).toEqual([
      { label: 'Active', hint: 'active', before: 'No', after: 'Yes' },
      { label: 'Status', text: 'back to ACTIVE' },
      { label: 'Groups', text: 'any of Engineering, Sales missing by then is added back' },
    ])
    expect(JSON.stringify(plan.lines)).not.toContain('again')
    expect(undoPlan(journalEntry({ recorded: { status: 'ACTIVE', groups: ['Support'] } })).lines?.at(-1)).toEqual({
      label: 'Groups',
      text: 'Support is added back if it is missing by then',
    })
    expect(undoPlan(journalEntry({ recorded: { status: 'ACTIVE', groups: [] } })).lines?.at(-1)).toEqual({
      label: 'Groups',
      text: 'none were recorded',
    })
  })

  it('ends its message without pointing at a table when the deprovision recorded nothing', () => {
    const plan = undoPlan(journalEntry({ changes: [], recorded: null }))

    expect(plan.message).toMatch(/then reads the user back to check\.$/)
    expect(plan.lines).toEqual([])
  })
})
