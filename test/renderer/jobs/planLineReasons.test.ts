// @vitest-environment happy-dom
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import JobPlanView from '../../../renderer/src/features/jobs/JobPlanView.vue'
import { offboardPlan } from './jobFixtures'

enableAutoUnmount(afterEach)

/** The cells of the plan table's row for input line `line`, as [text, aria-colspan]. */
function cellsOfLine(wrapper: ReturnType<typeof mount>, line: number): Array<[string, string | null]> {
  const row = wrapper.findAll('[role="row"]').find((candidate) => candidate.find('[role="cell"]').exists() && candidate.get('[role="cell"]').text() === String(line))
  if (!row) throw new Error(`No row for line ${line}`)
  return row.findAll('[role="cell"]').map((cell) => [cell.text(), cell.attributes('aria-colspan') ?? null])
}

describe("a plan's lines with no change", () => {
  it('says why across the Change and Before → after columns, where a ready line says what changes and how', () => {
    const wrapper = mount(JobPlanView, { props: { plan: offboardPlan(1, { skipped: true, problem: true }), starting: false, startError: null } })
    // A skipped line and a problem: the reason spans both columns a change would fill (one cell, aria-colspan 2).
    expect(cellsOfLine(wrapper, 2).slice(3)).toEqual([['Already deprovisioned in every profile.', '2']])
    expect(cellsOfLine(wrapper, 3).slice(3)).toEqual([['No person matches this line.', '2']])
    // A ready line: the change and its before → after, a column each.
    const ready = cellsOfLine(wrapper, 1)
    expect(ready).toHaveLength(5)
    expect(ready.slice(3).map(([, span]) => span)).toEqual([null, null])
    expect(ready[4]![0]).toMatch(/→/)
  })
})
