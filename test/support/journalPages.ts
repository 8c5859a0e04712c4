import type { Handlers } from '../../shared/contract'
import type { JournalEntry, JournalFilter } from '../../shared/journal'

/** Every matching journal entry, newest first, read page by page through `journal.list` as the renderer would. */
export async function allJournalEntries(handlers: Pick<Handlers, 'journal.list'>, filter: JournalFilter = {}): Promise<JournalEntry[]> {
  const entries: JournalEntry[] = []
  let cursor: string | undefined
  do {
    const page = await handlers['journal.list']({ ...filter, cursor, limit: 500 })
    entries.push(...page.entries)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return entries
}
