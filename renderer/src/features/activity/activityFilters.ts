import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { journalActions, outcomeStatuses, type JournalAction, type JournalFilter, type OutcomeStatus } from '../../../../shared/journal'

/**
 * The Activity filters as the form holds them, and their two translations: to and from the
 * page's query (`/activity?user=<id>&profile=<id>` is the deep link other views use), and to
 * `journal.list`'s filter. Empty text means "not filtered".
 */
export interface ActivityFilterValues {
  profile: string
  user: string
  action: JournalAction | ''
  outcome: OutcomeStatus | ''
  /** `YYYY-MM-DD` from the date inputs, read as local days. */
  from: string
  to: string
  /** One operation's changes (`/activity?operation=<id>`: an undo's link to what it undid, the person page's link). */
  operation: string
}

export const noFilters: ActivityFilterValues = { profile: '', user: '', action: '', outcome: '', from: '', to: '', operation: '' }

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/

function firstString(value: LocationQuery[string] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first : ''
}

function isAction(value: string): value is JournalAction {
  return (journalActions as readonly string[]).includes(value)
}

function isOutcome(value: string): value is OutcomeStatus {
  return (outcomeStatuses as readonly string[]).includes(value)
}

/** Unknown actions or outcomes and malformed dates in a hand-edited link are ignored rather than refused. */
export function filtersFromQuery(query: LocationQuery): ActivityFilterValues {
  const action = firstString(query.action)
  const outcome = firstString(query.outcome)
  const from = firstString(query.from)
  const to = firstString(query.to)
  return {
    profile: firstString(query.profile),
    user: firstString(query.user),
    action: isAction(action) ? action : '',
    outcome: isOutcome(outcome) ? outcome : '',
    from: dayPattern.test(from) ? from : '',
    to: dayPattern.test(to) ? to : '',
    operation: firstString(query.operation),
  }
}

export function filtersToQuery(values: ActivityFilterValues): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  for (const key of Object.keys(noFilters) as (keyof ActivityFilterValues)[]) {
    if (values[key] !== '') query[key] = values[key]
  }
  return query
}

export function hasFilters(values: ActivityFilterValues): boolean {
  return Object.values(values).some((value) => value !== '')
}

/**
 * A local calendar day's first or last millisecond as an ISO timestamp: "to 3 March" means
 * up to the end of 3 March where the person sits, whatever time zone the journal is written in.
 */
export function localDayBoundary(day: string, edge: 'start' | 'end'): string | undefined {
  const match = dayPattern.exec(day)
  if (!match) return undefined
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])]
  const boundary = edge === 'start' ? new Date(year, month, date) : new Date(year, month, date, 23, 59, 59, 999)
  return boundary.toISOString()
}

export function toJournalFilter(values: ActivityFilterValues): JournalFilter {
  const filter: JournalFilter = {}
  const user = values.user.trim()
  const from = localDayBoundary(values.from, 'start')
  const to = localDayBoundary(values.to, 'end')
  if (values.profile) filter.profileId = values.profile
  if (user) filter.user = user
  if (values.action) filter.action = values.action
  if (values.outcome) filter.outcome = values.outcome
  if (from) filter.from = from
  if (to) filter.to = to
  if (values.operation) filter.operationId = values.operation
  return filter
}

/** Set when the dates cannot match anything, so the empty table is explained. */
export function dateRangeProblem(values: ActivityFilterValues): string | null {
  if (values.from && values.to && values.from > values.to) return '"From" is after "To": no entry can match.'
  return null
}
