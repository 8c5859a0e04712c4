import type { JournalEntry, JournalFilter, OutcomeStatus } from './journal'
import { textMatches } from './text'

/**
 * What a journal filter is checked against: the few facts of one entry. Main takes them from the
 * records (without building the entry) and the renderer from an entry it was sent, so both sides
 * decide "does this entry belong in the list" with this one function.
 */
export interface JournalFacts {
  profileId: string
  action: string
  time: string
  status: OutcomeStatus
  /** The target's id and name as the intent recorded them, and as the target answered (a create's new id). */
  targetIds: readonly string[]
  targetNames: readonly string[]
  operationId: string | null
  /** The ticket or reason the person gave, or null. */
  reason: string | null
}

/** The facts of an entry main sent (its target already as the target answered). */
export function entryFacts(entry: JournalEntry): JournalFacts {
  return {
    profileId: entry.profileId,
    action: entry.action,
    time: entry.time,
    status: entry.outcome.status,
    targetIds: [entry.target.id],
    targetNames: [entry.target.name],
    operationId: entry.operationId,
    reason: entry.reason ?? null,
  }
}

/** A filter with its dates read once: `null` where not filtered, NaN where the text is not a date. */
export interface PreparedFilter {
  filter: JournalFilter
  from: number | null
  to: number | null
  text: string | null
}

const dateOnly = /^\d{4}-\d{2}-\d{2}$/

/**
 * `from` / `to` are inclusive: a date alone (`2026-11-01`) means that whole day in UTC, the
 * journal's own clock; a full timestamp is compared as a point in time.
 */
export function dateBoundary(text: string, side: 'from' | 'to'): number {
  const trimmed = text.trim()
  return dateOnly.test(trimmed) ? Date.parse(`${trimmed}T${side === 'from' ? '00:00:00.000' : '23:59:59.999'}Z`) : Date.parse(trimmed)
}

export function prepareFilter(filter: JournalFilter): PreparedFilter {
  return {
    filter,
    from: filter.from ? dateBoundary(filter.from, 'from') : null,
    to: filter.to ? dateBoundary(filter.to, 'to') : null,
    text: filter.user?.trim() || null,
  }
}

/** Every given part of the filter must match; `user` is text found in the target's name or id, or in the ticket or reason, accents and case aside. */
export function matchesFilter(facts: JournalFacts, { filter, from, to, text }: PreparedFilter): boolean {
  if (filter.profileId && facts.profileId !== filter.profileId) return false
  if (filter.action && facts.action !== filter.action) return false
  if (filter.outcome && facts.status !== filter.outcome) return false
  if (filter.targetId && !facts.targetIds.includes(filter.targetId)) return false
  if (filter.operationId && facts.operationId !== filter.operationId) return false
  if (text && !textMatches(text, ...facts.targetIds, ...facts.targetNames, facts.reason ?? '')) return false
  if (from !== null || to !== null) {
    const time = Date.parse(facts.time)
    if (from !== null && time < from) return false
    if (to !== null && time > to) return false
  }
  return true
}
