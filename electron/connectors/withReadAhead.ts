import type { DirectoryPage } from '../../shared/directory'
import { AppError } from '../errors/AppError'
import { changingMethods, connectorMethods } from './capabilities'
import type { Connector, ListQuery } from './Connector'

/** A page read ahead is used within this time or dropped: the directory may have changed since. */
const freshForMs = 30_000

interface PageReadAhead {
  key: string
  objectType: string
  query: ListQuery
  page: Promise<DirectoryPage>
  controller: AbortController
  startedAt: number
  /** Someone is waiting for this page: when its next cursor shows up, read on at once. */
  taken: boolean
  /** The cursor after this page, once the adapter has told it. */
  nextCursor: string | null
}

/**
 * Reads the next page of a list while the one just asked for is still being mapped, rendered or
 * looked at, so scrolling through a directory costs about one round trip a page instead of a
 * round trip plus all the work on both ends. Cursor paging cannot run pages side by side (the next
 * cursor exists only once a page has arrived), so the next request leaves the moment the adapter
 * knows the cursor (`PageRequest.onNextCursor`), or when the page is returned for adapters that
 * cannot tell earlier.
 *
 * Bounded: at most one page is read ahead of what the caller has asked for, and only for lists
 * already past their first page; a search typed key by key asks for many first pages and would
 * otherwise spend the target's rate limit on pages nobody scrolls to. A new list, any change and
 * closing drop the page read ahead.
 *
 * It wraps only `list` and `close`; every other method the connector has is passed through as it
 * is, so the wrapped connector has exactly the capabilities of the one inside (the methods that
 * change the target just drop the page read ahead first).
 */
export function withReadAhead<C extends Connector>(connector: C): C {
  let ahead: PageReadAhead | undefined

  function drop(): void {
    ahead?.controller.abort()
    ahead = undefined
  }

  function readAhead(objectType: string, query: ListQuery): void {
    const key = listKey(objectType, query)
    if (ahead?.key === key) return
    drop()
    const controller = new AbortController()
    const entry: PageReadAhead = {
      key,
      objectType,
      query,
      controller,
      startedAt: Date.now(),
      taken: false,
      nextCursor: null,
      page: Promise.resolve({ items: [], nextCursor: null, total: null }),
    }
    const onNextCursor = (cursor: string) => {
      entry.nextCursor = cursor
      if (entry.taken) readAhead(objectType, { ...query, cursor })
    }
    entry.page = connector.list(objectType, { ...query, onNextCursor }, controller.signal)
    // A failed read-ahead is not an error anyone sees: the real request asks again.
    entry.page.catch(() => undefined)
    ahead = entry
  }

  /** The page read ahead for `key`, if fresh; taking it keeps the pipe full behind it. */
  function takeReadAhead(key: string): Promise<DirectoryPage> | undefined {
    const taken = ahead
    if (taken?.key !== key || Date.now() - taken.startedAt >= freshForMs) {
      drop()
      return undefined
    }
    ahead = undefined
    taken.taken = true
    if (taken.nextCursor) readAhead(taken.objectType, { ...taken.query, cursor: taken.nextCursor })
    return taken.page
  }

  async function list(objectType: string, query: ListQuery, signal?: AbortSignal): Promise<DirectoryPage> {
    const { onNextCursor: callersHook, ...plain } = query
    const early = takeReadAhead(listKey(objectType, plain))
    const streaming = Boolean(plain.cursor)
    const onNextCursor = (cursor: string) => {
      callersHook?.(cursor)
      if (streaming) readAhead(objectType, { ...plain, cursor })
    }
    const fresh = () => connector.list(objectType, { ...plain, onNextCursor }, signal)
    // A read-ahead that failed (a reset, a 429 given up on) is simply asked again, with retries.
    const page = early
      ? await raceAbort(early, signal).catch((error: unknown) => (signal?.aborted ? Promise.reject(error) : fresh()))
      : await fresh()
    if (streaming && page.nextCursor) readAhead(objectType, { ...plain, cursor: page.nextCursor })
    return page
  }

  const wrapped: Record<string, unknown> = { descriptor: connector.descriptor }
  for (const name of connectorMethods) {
    const method: unknown = (connector as unknown as Record<string, unknown>)[name]
    if (typeof method !== 'function') continue
    // Any change may move rows between pages: a page read before it is stale.
    wrapped[name] = changingMethods.has(name)
      ? (...args: unknown[]) => {
          drop()
          return method.apply(connector, args)
        }
      : method.bind(connector)
  }
  Object.assign(wrapped, {
    list,
    close() {
      drop()
      connector.close()
    },
  })
  // The same methods as `connector`, each taking and returning the same: the type holds.
  return wrapped as unknown as C
}

function listKey(objectType: string, query: ListQuery): string {
  return JSON.stringify([objectType, query.search, query.cursor ?? null, query.pageSize, query.rowsOnly === true])
}

/** The caller may stop waiting for a page read ahead; the read itself is shared and runs on. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work
  if (signal.aborted) return Promise.reject(cancelled())
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled())
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

function cancelled(): AppError {
  return new AppError('cancelled', 'A newer request replaced this one.')
}
