import { describe, expect, it } from 'vitest'
import { planTableRows, resultTableRows } from '../../../renderer/src/features/jobs/planRows'
import type { JobPlan } from '../../../shared/jobs'
import { deprovisionChange, jobDetails, offboardPlan } from './jobFixtures'

const sales = { objectType: 'groups', id: '00g-sales', name: 'Sales' }
const emea = { objectType: 'groups', id: '00g-emea', name: 'EMEA' }

describe('the plan and results tables', () => {
  it("gives each change of a line its own row, the line's number and note on its first, so a move reads as one line", () => {
    const plan: JobPlan = {
      ...offboardPlan(0),
      rows: [
        {
          line: 1,
          input: 'Dana Lee',
          state: 'ready',
          reason: 'Already in EMEA: only removed from Sales.',
          changes: [deprovisionChange('00u-dana', { action: 'removeMember', group: sales, displayName: 'Dana Lee', before: 'In Sales', after: 'Not in Sales' })],
        },
        {
          line: 2,
          input: 'Sam Ortiz',
          state: 'ready',
          reason: null,
          changes: [
            deprovisionChange('00u-sam', { action: 'addMember', group: emea, displayName: 'Sam Ortiz', before: 'Not in EMEA', after: 'In EMEA' }),
            deprovisionChange('00u-sam', { action: 'removeMember', group: sales, displayName: 'Sam Ortiz', before: 'In Sales', after: 'Not in Sales' }),
          ],
        },
      ],
    }

    expect(planTableRows(plan, 'all').map((row) => [row.line, row.input, row.what, row.beforeAfter])).toEqual([
      [1, 'Dana Lee', 'Okta Sandbox · Dana Lee · remove from Sales — Already in EMEA: only removed from Sales.', 'In Sales → Not in Sales'],
      [2, 'Sam Ortiz', 'Okta Sandbox · Sam Ortiz · add to EMEA', 'Not in EMEA → In EMEA'],
      [null, '', 'Okta Sandbox · Sam Ortiz · remove from Sales', 'In Sales → Not in Sales'],
    ])
  })

  it('shows only the rows of the state asked for, and the lines a job skipped among its results in line order', () => {
    const plan = offboardPlan(2, { skipped: true, problem: true })
    expect(planTableRows(plan, 'problem').map((row) => row.input)).toEqual(['nobody@example.com'])

    const details = jobDetails({ ...plan, rows: [plan.rows[2]!, plan.rows[0]!, plan.rows[1]!, plan.rows[3]!] })
    details.changes[1]!.state = 'failed'
    details.changes[1]!.error = { code: 'network', message: 'Okta did not answer.' }
    expect(resultTableRows(details, 'all').map((row) => [row.line, row.state, row.reason])).toEqual([
      [1, 'waiting', ''],
      [2, 'failed', 'Okta did not answer.'],
      [3, 'skipped', 'Already deprovisioned in every profile.'],
      [4, 'skipped', 'No person matches this line.'],
    ])
    expect(resultTableRows(details, 'failed').map((row) => row.line)).toEqual([2])
  })
})
