import { describe, expect, it } from 'vitest'
import type { JournalEntry } from '../../shared/journal'
import { effectOf, judgeChange, judgeCreate, type AttemptedChange } from './faultOracle'

/** The audit's oracle must itself be able to fail: each rule, broken once. */
function entry(id: string, status: JournalEntry['outcome']['status'], reconciled: boolean, targetId = 'u1', message = 'Why.'): JournalEntry {
  return { id, action: 'update', target: { objectType: 'users', id: targetId, name: 'Ada' }, outcome: { status, message, reconciled, time: null, steps: [], details: {} } } as unknown as JournalEntry
}
const change = (effect: AttemptedChange['effect'], entryId?: string): AttemptedChange => ({ label: 'case', action: 'update', entryId, effect, observed: 'seen' })
const findings = (problems: { finding: string }[]) => problems.map((problem) => problem.finding)

describe('the fault oracle', () => {
  it('accepts outcomes that match what the tenant holds', () => {
    const entries = new Map([['a', entry('a', 'applied', true)], ['f', entry('f', 'failed', false)], ['p', entry('p', 'partial', true)]])
    expect([...judgeChange(change('full', 'a'), entries), ...judgeChange(change('none', 'f'), entries), ...judgeChange(change('partial', 'p'), entries)]).toEqual([])
    expect(judgeChange(change('none'), entries)).toEqual([])
  })

  it('calls a change lost when it happened but was journaled as failed or not at all', () => {
    const entries = new Map([['f', entry('f', 'failed', false)]])
    expect(findings(judgeChange(change('full', 'f'), entries))).toEqual(['lost'])
    expect(findings(judgeChange(change('partial'), entries))).toEqual(['lost'])
  })

  it('calls a settled outcome that misreads the tenant wrongly settled, and a pending one unsettled', () => {
    const entries = new Map([['a', entry('a', 'applied', true)], ['f', entry('f', 'failed', true)], ['q', entry('q', 'pending', true)], ['p', entry('p', 'partial', true)]])
    expect(findings(judgeChange(change('none', 'a'), entries))).toEqual(['wrongly settled'])
    expect(findings(judgeChange(change('partial', 'f'), entries))).toEqual(['wrongly settled'])
    expect(findings(judgeChange(change('none', 'p'), entries))).toEqual(['wrongly settled'])
    expect(findings(judgeChange(change('full', 'q'), entries))).toEqual(['unsettled'])
  })

  it('accepts "could not tell" whatever the tenant holds, but not without a reason', () => {
    const entries = new Map([['u', entry('u', 'undetermined', true)], ['silent', entry('silent', 'undetermined', true, 'u1', '')]])
    expect([...judgeChange(change('none', 'u'), entries), ...judgeChange(change('full', 'u'), entries)]).toEqual([])
    expect(findings(judgeChange(change('none', 'silent'), entries))).toEqual(['unexplained'])
  })

  it('calls a failure without a message unexplained', () => {
    const entries = new Map([['f', entry('f', 'failed', false, 'u1', ' ')]])
    expect(findings(judgeChange(change('none', 'f'), entries))).toEqual(['unexplained'])
    expect(findings(judgeChange({ ...change('none'), error: { code: 'network', message: '' } }, entries))).toEqual(['unexplained'])
  })

  it('finds a create credited with what its retry made, and two users for one create', () => {
    const entries = new Map([['first', entry('first', 'applied', true, 'u9')], ['retry', entry('retry', 'applied', false, 'u9')]])
    const attempts = [change('none', 'first'), change('full', 'retry')]
    expect(findings(judgeCreate({ label: 'create', attempts, realIds: ['u9'] }, entries))).toEqual(['wrongly settled'])
    const single = new Map([['retry', entry('retry', 'applied', false, 'u9')]])
    expect(findings(judgeCreate({ label: 'create', attempts: [change('full', 'retry')], realIds: ['u9', 'u10'] }, single))).toEqual(['duplicated'])
    expect(findings(judgeCreate({ label: 'create', attempts: [change('full', 'retry')], realIds: ['u8'] }, single))).toEqual(['wrongly settled'])
  })

  it('reads an effect aspect by aspect', () => {
    const before = { status: 'ACTIVE', roles: ['a'] }
    const wanted = { status: 'SUSPENDED', roles: [] }
    expect(effectOf(before, wanted, { status: 'SUSPENDED', roles: [] })).toBe('full')
    expect(effectOf(before, wanted, { status: 'ACTIVE', roles: ['a'] })).toBe('none')
    expect(effectOf(before, wanted, { status: 'ACTIVE', roles: [] })).toBe('partial')
  })
})
