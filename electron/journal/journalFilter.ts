import type { JournalEntry, JournalFilter } from '../../shared/journal'
import { AppError } from '../services/AppError'

const dateOnly = /^\d{4}-\d{2}-\d{2}$/

/**
 * Keeps the entries that match every given filter. `user` matches the target's name or id,
 * case-insensitively. `from` / `to` are inclusive: a date alone (`2026-11-01`) means that whole
 * day in UTC, the journal's own clock; a full timestamp is compared as a point in time.
 */
export function filterEntries(entries: readonly JournalEntry[], filter: JournalFilter): JournalEntry[] {
  const from = filter.from ? boundary(filter.from, 'from') : null
  const to = filter.to ? boundary(filter.to, 'to') : null
  const user = filter.user?.trim().toLowerCase()
  return entries.filter((entry) => {
    if (filter.profileId && entry.profileId !== filter.profileId) return false
    if (filter.action && entry.action !== filter.action) return false
    if (user && !entry.target.name.toLowerCase().includes(user) && !entry.target.id.toLowerCase().includes(user)) return false
    const time = Date.parse(entry.time)
    if (from !== null && time < from) return false
    if (to !== null && time > to) return false
    return true
  })
}

function boundary(text: string, side: 'from' | 'to'): number {
  const trimmed = text.trim()
  const point = dateOnly.test(trimmed)
    ? Date.parse(`${trimmed}T${side === 'from' ? '00:00:00.000' : '23:59:59.999'}Z`)
    : Date.parse(trimmed)
  if (Number.isNaN(point)) {
    const message = `"${trimmed}" is not a date. Write it as 2026-11-01.`
    throw new AppError('invalid_input', message, { fields: { [side]: message } })
  }
  return point
}
