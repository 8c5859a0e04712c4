import type { JournalEntry, JournalFilter, JournalListInput, JournalPage } from '../../shared/journal'
import { journalPageSizes } from '../../shared/journal'
import { matchesFilter, prepareFilter, type PreparedFilter } from '../../shared/journalFilter'
import { AppError } from '../errors/AppError'
import type { EntryContext, JournalIndex } from './journalEntries'
import type { IndexedIntent } from './recordSummary'

/**
 * The journal's queries, answered from the index: the narrowest list of intents the filter allows
 * (one target's, one profile's, or all) is walked newest first, each intent checked against the
 * filter on its records, and only the entries returned are built.
 */
export function pageOf(index: JournalIndex, input: JournalListInput, context: EntryContext): JournalPage {
  const { cursor, limit = journalPageSizes.default, ...filter } = input
  const found = newestMatching(index, filter, limit + 1, cursor === undefined ? Infinity : seqOf(cursor))
  const entries = index.readableEntries(found.slice(0, limit), context)
  const last = found[limit - 1]
  return { entries, nextCursor: found.length > limit && last ? cursorOf(last.seq) : null }
}

/** Every matching entry, newest first: what an export writes. */
export function allMatching(index: JournalIndex, filter: JournalFilter, context: EntryContext): JournalEntry[] {
  return index.readableEntries(newestMatching(index, filter, Infinity, Infinity), context)
}

function newestMatching(index: JournalIndex, filter: JournalFilter, count: number, beforeSeq: number): IndexedIntent[] {
  const prepared = checkedFilter(filter)
  const candidates = filter.operationId
    ? index.childrenOf(filter.operationId)
    : filter.targetId
      ? index.intentsOfTarget(filter.targetId)
      : filter.profileId
        ? index.intentsOfProfile(filter.profileId)
        : index.intents
  const found: IndexedIntent[] = []
  for (let at = lastBefore(candidates, beforeSeq); at >= 0 && found.length < count; at--) {
    const intent = candidates[at]!
    if (matchesFilter(index.facts(intent), prepared)) found.push(intent)
  }
  return found
}

/** The position of the newest intent older than `seq` (lists are in seq order). */
function lastBefore(intents: readonly IndexedIntent[], seq: number): number {
  let low = 0
  let high = intents.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (intents[middle]!.seq < seq) low = middle + 1
    else high = middle
  }
  return low - 1
}

function checkedFilter(filter: JournalFilter): PreparedFilter {
  const prepared = prepareFilter(filter)
  for (const side of ['from', 'to'] as const) {
    if (!Number.isNaN(prepared[side])) continue
    const message = `"${filter[side]?.trim()}" is not a date. Write it as 2026-11-01.`
    throw new AppError('invalid_input', message, { fields: { [side]: message } })
  }
  return prepared
}

/** Opaque to the renderer: the page after a cursor starts below the record it names. */
function cursorOf(seq: number): string {
  return Buffer.from(`before:${seq}`).toString('base64url')
}

function seqOf(cursor: string): number {
  const match = /^before:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  if (!match) {
    throw new AppError('invalid_input', 'This page cursor is not one the journal gave. Load the list again from its first page.', {
      fields: { cursor: 'not a journal cursor' },
    })
  }
  return Number(match[1])
}
