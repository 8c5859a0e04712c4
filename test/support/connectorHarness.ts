import { afterEach } from 'vitest'
import type { RecordedLine } from './recordingLogger'

/*
 * What every connector's sandbox harness shares: closing the tenant and connectors after each
 * test, reading the requests the HTTP client logged since a mark, and walking a list to its end.
 */

const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.()
})

/** Runs `cleanup` after the current test, the last registered first. */
export function afterTest(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup)
}

/**
 * The logged requests `pick` recognises (it returns null for other lines), all of them or those
 * since the last `mark()`.
 */
export function requestLog<Request>(lines: readonly RecordedLine[], pick: (fields: Record<string, unknown>) => Request | null) {
  let from = 0
  const all = () => lines.flatMap((line) => (line.fields ? [pick(line.fields)].filter((request): request is Request => request !== null) : []))
  return {
    requests: () => all().slice(from),
    mark: () => {
      from = all().length
    },
  }
}

/** Walks a paged list to its end, page by page. */
export async function allPages(
  read: (cursor: string | null) => Promise<{ items: { id: string }[]; nextCursor: string | null }>,
): Promise<{ ids: string[]; pageSizes: number[] }> {
  const ids: string[] = []
  const pageSizes: number[] = []
  let cursor: string | null = null
  do {
    const page: { items: { id: string }[]; nextCursor: string | null } = await read(cursor)
    ids.push(...page.items.map((item) => item.id))
    pageSizes.push(page.items.length)
    cursor = page.nextCursor
  } while (cursor)
  return { ids, pageSizes }
}
