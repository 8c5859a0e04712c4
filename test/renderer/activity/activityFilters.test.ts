import { describe, expect, it } from 'vitest'
import {
  dateRangeProblem,
  filtersFromQuery,
  filtersToQuery,
  localDayBoundary,
  noFilters,
  toJournalFilter,
} from '../../../renderer/src/features/activity/activityFilters'

describe('the Activity filters', () => {
  it('reads a deep link and ignores an unknown action or a malformed date', () => {
    expect(filtersFromQuery({ user: '00u1ada', profile: 'p1', action: 'explode', from: '2026-13', to: '2026-03-04' })).toEqual({
      ...noFilters,
      user: '00u1ada',
      profile: 'p1',
      to: '2026-03-04',
    })
  })

  it('reads an outcome and an operation from a deep link and passes them to the journal', () => {
    const values = filtersFromQuery({ outcome: 'failed', operation: 'op-1' })

    expect(values).toEqual({ ...noFilters, outcome: 'failed', operation: 'op-1' })
    expect(toJournalFilter(values)).toEqual({ outcome: 'failed', operationId: 'op-1' })
    expect(filtersFromQuery({ outcome: 'exploded' }).outcome).toBe('')
  })

  it('writes only the filters that are set into the query', () => {
    expect(filtersToQuery({ ...noFilters, action: 'deprovision', from: '2026-03-01' })).toEqual({
      action: 'deprovision',
      from: '2026-03-01',
    })
  })

  it('turns local days into the first and last millisecond of those days', () => {
    const filter = toJournalFilter({ ...noFilters, profile: 'p1', user: '  ada ', action: 'undoDeprovision', from: '2026-03-01', to: '2026-03-02' })

    expect(filter).toEqual({
      profileId: 'p1',
      user: 'ada',
      action: 'undoDeprovision',
      from: new Date(2026, 2, 1, 0, 0, 0, 0).toISOString(),
      to: new Date(2026, 2, 2, 23, 59, 59, 999).toISOString(),
    })
    expect(toJournalFilter(noFilters)).toEqual({})
    expect(localDayBoundary('yesterday', 'start')).toBeUndefined()
  })

  it('explains a date range that cannot match anything', () => {
    expect(dateRangeProblem({ ...noFilters, from: '2026-03-05', to: '2026-03-01' })).toContain('"From" is after "To"')
    expect(dateRangeProblem({ ...noFilters, from: '2026-03-01', to: '2026-03-01' })).toBeNull()
  })
})
