import type { Browser, Page } from 'playwright-core'
import { getDescriptor } from '../../shared/catalogue'
import { launchBrowser, openPage } from '../e2e/support/browser'
import { removeDataFolder, startPreviewApp } from '../e2e/support/previewApp'
import { megabytes, milliseconds, ratioOf, type BenchRow } from './benchTable'
import { busyStretches, startProfile, stopProfile } from './longTaskProfile'

/** DirectoryTable.vue's row height: the spacer is rows × this tall. */
const rowHeight = 36
/** The renderer's first page (directoryList.ts): small, for a fast first paint. */
const firstPageSize = 100
const scrollPageSize = getDescriptor('okta').paging.maxPageSize
/**
 * The sandbox Okta allows 600 list requests a minute (okta.md §6, a window started by the first
 * request), as a real org does; 100,000 users are 501 of them. Each measured loop starts in a fresh
 * window, so no loop waits for the one before it.
 */
const rateLimitWindowMs = 61_000
/** The sandbox Okta's (and a real org's documented) list requests a minute on /api/v1/users. */
const listRequestsPerMinute = 600
/** Where the bridge client keeps the preview's token (renderer/src/api/bridgeClient.ts; renderer code is not Node's to import). */
const tokenStorageKey = 'lanyard.previewToken'

export interface RendererRowsOptions {
  users: number
  latencyMs: number
  /** Stop after this many rows (the old renderer needs minutes for 100,000); the whole list when absent. */
  rows?: number
  rounds?: number
  /** A folder: the first round's scroll is CPU-profiled there, and what its long tasks were made of printed (diagnostic; sampling costs time). */
  profileFolder?: string
}

/** How the person goes to the end: scrolling to the bottom whenever rows arrive, or "Jump to end" (the End key) once. */
type EndMode = 'scroll' | 'jump'

interface ScrollRun {
  /** ms since the start, rows on the list then: one entry per page that arrived. */
  arrivals: { at: number; rows: number }[]
  /** Durations of the tasks over 50 ms, and the rows the list held when each was reported. */
  longTasks: number[]
  longTaskRows: number[]
  elapsed: number
  ended: boolean
}

/**
 * The Users tab of an Okta sandbox of `users` people in the preview app, in Chromium, taken to the end
 * twice a round: scrolled as fast as the list allows (the scroller jumps to the bottom whenever rows
 * arrive), and by "Jump to end" (End). Prints the wall time per page at the start, middle and end of
 * the list (constant when appending costs the same at every length), the long tasks (> 50 ms) while
 * loading, the JS heap after a collection at the end, and the total beside its bounds: pages × RTT,
 * pages ÷ the tenant's rate (600 a minute, in force in the preview's sandbox), and a peer measured
 * in the same run, alternating: the same pages asked one after another from the same page through
 * the same preview bridge, with no table.
 */
export async function benchRendererRows(options: RendererRowsOptions): Promise<BenchRow[]> {
  const app = await startPreviewApp({
    env: { LANYARD_SANDBOX_USERS: String(options.users), LANYARD_SANDBOX_LATENCY: String(options.latencyMs) },
  })
  const browser = await launchBrowser()
  try {
    const rowLimit = options.rows ?? options.users
    const runs: Record<EndMode, MeasuredRun[]> = { scroll: [], jump: [] }
    const peers: Pick<ScrollRun, 'arrivals' | 'elapsed' | 'longTasks'>[] = []
    const profiles: string[] = []
    let profileId = ''
    // Every loop below lists up to 501 pages: each waits for a fresh rate-limit window first.
    const freshWindow = async (first: boolean) => (first ? undefined : pause(rateLimitWindowMs))
    for (let round = 0; round < (options.rounds ?? 2); round++) {
      for (const mode of ['scroll', 'jump'] as const) {
        await freshWindow(round === 0 && mode === 'scroll')
        const profile = round === 0 && mode === 'scroll' ? options.profileFolder : undefined
        const measured = await measureToEnd(browser, app.url, mode, rowLimit, profile)
        runs[mode].push(measured.run)
        profiles.push(...measured.profile)
        profileId = measured.profileId
        if (mode === 'scroll') {
          await freshWindow(false)
          peers.push(await measured.peer(profileId))
        }
        await measured.close()
      }
    }
    for (const line of profiles) console.log(line)
    return [...report(options, rowLimit, 'scroll', runs.scroll, peers), ...report(options, rowLimit, 'jump', runs.jump, peers)]
  } finally {
    await browser.close()
    await app.stop()
    await removeDataFolder(app)
  }
}

type MeasuredRun = ScrollRun & { heap: number; pageSizes: number[] }

/**
 * One fresh page of the preview: the Okta sandbox's Users tab opened, then taken to the end as `mode`
 * says. `peer` then lists the same pages through the same page's bridge with no table.
 */
async function measureToEnd(browser: Browser, url: string, mode: EndMode, rowLimit: number, profileFolder: string | undefined) {
  const { page } = await openPage(browser, url)
  const pageSizes: number[] = []
  let profileId = ''
  page.on('request', (request) => {
    if (!request.url().includes('/api/invoke/directory.list')) return
    const body = JSON.parse(request.postData() ?? '{}') as { pageSize?: number; profileId?: string }
    pageSizes.push(body.pageSize ?? 0)
    profileId = body.profileId ?? profileId
  })
  await page.getByRole('link', { name: /Okta Sandbox/ }).first().click()
  await page.locator('[role="grid"] [role="row"][data-id]').first().waitFor({ timeout: 120_000 })
  // tsx keeps function names with a `__name(fn, name)` helper the page lacks; `Object(fn)` is fn itself.
  await page.evaluate(() => Object.assign(globalThis, { __name: Object }))
  const session = profileFolder ? await startProfile(page) : null
  const measured = await page.evaluate(followToEnd, { rowLimit, rowHeight, timeoutMs: 600_000, jump: mode === 'jump' })
  const profile: string[] = []
  if (session && profileFolder) {
    const path = `${profileFolder}/renderer-rows-${mode}.cpuprofile`
    const stretches = busyStretches(await stopProfile(session, path))
    profile.push(`${mode}: ${stretches.length} stretches busy for 50 ms or more (profile in ${path})`)
    for (const stretch of stretches.slice(0, 12)) profile.push(`  ${milliseconds(stretch.ms)}: ${stretch.top.join('; ')}`)
  }
  // A copy: the peer's calls go through the same page.
  const run: MeasuredRun = { ...measured, heap: await heapAfterCollection(page), pageSizes: [...pageSizes] }
  return {
    run,
    profile,
    profileId,
    peer: (id: string) => page.evaluate(bareBridgeLoop, { profileId: id, rowLimit, firstPageSize, scrollPageSize, tokenStorageKey }),
    close: () => page.context().close(),
  }
}

function report(
  options: RendererRowsOptions,
  rowLimit: number,
  mode: EndMode,
  runs: MeasuredRun[],
  peers: Pick<ScrollRun, 'arrivals' | 'elapsed' | 'longTasks'>[],
): BenchRow[] {
  const how = mode === 'scroll' ? 'scrolled' : 'Jump to end'
  // The sandbox's headcount is its people: Okta holds those with an account there, a few short of it.
  const rowsReached = Math.min(rowLimit, ...runs.map((run) => run.arrivals[run.arrivals.length - 1]?.rows ?? rowLimit))
  const label = `Renderer: Okta list to ${rowsReached.toLocaleString('en')} rows (${options.users.toLocaleString('en')} people), ${options.latencyMs} ms, ${how}`
  const pages = 1 + Math.ceil(Math.max(0, rowsReached - firstPageSize) / scrollPageSize)
  const roundTrips = pages * options.latencyMs
  // The tenant's window starts with its first request: the pages that fit in one cost no waiting.
  const windowsWaited = Math.max(0, Math.ceil(pages / listRequestsPerMinute) - 1) * 60_000
  const sustained = (pages / listRequestsPerMinute) * 60_000
  const bound = Math.max(roundTrips, windowsWaited)
  const elapsed = median(runs.map((run) => run.elapsed))
  const peer = median(peers.map((run) => run.elapsed))
  const perPage = (from: number, to: number) => median(runs.map((run) => pageCost(run, from, to).ms))
  const peerPerPage = (from: number, to: number) => median(peers.map((run) => pageCost(run, from, to).ms))
  const perThousand = (from: number, to: number) => median(runs.map((run) => pageCost(run, from, to).perThousandRows))
  const longest = Math.max(0, ...runs.flatMap((run) => run.longTasks))
  const longTasks = median(runs.map((run) => run.longTasks.length))
  const longTime = median(runs.map((run) => run.longTasks.reduce((sum, duration) => sum + duration, 0)))
  const heap = median(runs.map((run) => run.heap))
  const sizes = runs[0]?.pageSizes ?? []
  const asked = `${sizes.length} directory.list calls, page sizes ${[...new Set(sizes)].join(', ')}`
  return [
    {
      benchmark: `${label}: to the end`,
      measured: milliseconds(elapsed),
      bound: `${milliseconds(bound)} (${roundTrips >= windowsWaited ? `${pages} pages × ${options.latencyMs} ms` : `${pages} pages at 600 a minute`})`,
      ratio: ratioOf(elapsed, bound),
      notes:
        `bounds: pages × RTT ${milliseconds(roundTrips)}; pages ÷ rate ${milliseconds(windowsWaited)} in a fresh rate-limit window (${listRequestsPerMinute} a minute from the first request; each loop starts in one), ` +
        `${milliseconds(sustained)} listing again within the minute (the rate would bind); peer (same pages through the bridge, no UI) ${milliseconds(peer)}, Lanyard ÷ peer ${ratioOf(elapsed, peer)}; ${asked}; median of ${runs.length}`,
    },
    {
      benchmark: `${label}: per page, start / middle / end`,
      measured: `${milliseconds(perPage(0, 0.1))} / ${milliseconds(perPage(0.45, 0.55))} / ${milliseconds(perPage(0.9, 1))}`,
      bound: `${options.latencyMs} ms, constant`,
      ratio: ratioOf(perPage(0.9, 1), perPage(0, 0.1)),
      notes:
        `median wall time between pages in the first, middle and last tenth; per 1,000 rows ${[perThousand(0, 0.1), perThousand(0.45, 0.55), perThousand(0.9, 1)].map(milliseconds).join(' / ')}; ` +
        `peer per page ${[peerPerPage(0, 0.1), peerPerPage(0.45, 0.55), peerPerPage(0.9, 1)].map(milliseconds).join(' / ')}; ratio: end ÷ start`,
    },
    {
      benchmark: `${label}: long tasks`,
      measured: `longest ${milliseconds(longest)}, ${longTasks} over 50 ms (${milliseconds(longTime)} in all)`,
      bound: 'none over 50 ms',
      ratio: '–',
      notes: `PerformanceObserver 'longtask' while loading and scrolling; peer (no table): ${median(peers.map((run) => run.longTasks.length))} over 50 ms, longest ${milliseconds(Math.max(0, ...peers.flatMap((run) => run.longTasks)))}; by quarter of the list ${byQuarter(runs[0], rowLimit).join(' / ')} (first round)`,
    },
    {
      benchmark: `${label}: JS heap at the end`,
      measured: megabytes(heap),
      bound: '< 200 MB',
      ratio: '–',
      notes: 'used JS heap after a collection (CDP), median of the rounds',
    },
  ]
}

/** How many long tasks were reported in each quarter of the list (by the rows it held then). */
function byQuarter(run: ScrollRun | undefined, rowLimit: number): number[] {
  const quarters = [0, 0, 0, 0]
  for (const rows of run?.longTaskRows ?? []) quarters[Math.min(3, Math.floor((rows / rowLimit) * 4))]! += 1
  return quarters
}

/** Median ms between consecutive pages (and per 1,000 rows) for the pages in [from, to) of the run. */
function pageCost(run: Pick<ScrollRun, 'arrivals'>, from: number, to: number): { ms: number; perThousandRows: number } {
  const gaps = run.arrivals.slice(1).map((arrival, index) => {
    const before = run.arrivals[index] ?? arrival
    return { ms: arrival.at - before.at, rows: arrival.rows - before.rows }
  })
  const start = Math.floor(gaps.length * from)
  const chosen = gaps.slice(start, Math.max(start + 1, Math.ceil(gaps.length * to)))
  return { ms: median(chosen.map((gap) => gap.ms)), perThousandRows: median(chosen.map((gap) => (gap.ms * 1000) / Math.max(1, gap.rows))) }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

async function heapAfterCollection(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page)
  await session.send('HeapProfiler.collectGarbage')
  const { usedSize } = await session.send('Runtime.getHeapUsage')
  await session.detach()
  return usedSize
}

/**
 * Runs in the page: the same pages asked one after another through the preview bridge as the
 * renderer's bridge client asks them (fetch, the session's token, JSON parsed), with no store or
 * table: the transport alone. Self-contained, like `followToEnd`.
 */
async function bareBridgeLoop(options: {
  profileId: string
  rowLimit: number
  firstPageSize: number
  scrollPageSize: number
  tokenStorageKey: string
}): Promise<Pick<ScrollRun, 'arrivals' | 'elapsed' | 'longTasks'>> {
  const page = globalThis as unknown as {
    sessionStorage: { getItem(key: string): string | null }
    PerformanceObserver: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => { observe(options: unknown): void; disconnect(): void }
  }
  const token = page.sessionStorage.getItem(options.tokenStorageKey) ?? ''
  // The same observer as the table's run: long tasks here are the machine's and the transport's, not the table's.
  const longTasks: number[] = []
  const longTaskObserver = new page.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration)
  })
  longTaskObserver.observe({ type: 'longtask' })
  const started = performance.now()
  const arrivals = [{ at: 0, rows: 0 }]
  let rows = 0
  let cursor: string | null = null
  do {
    const pageSize = cursor ? options.scrollPageSize : options.firstPageSize
    const input = { profileId: options.profileId, objectType: 'users', search: '', cursor, pageSize, requestKey: 'bench:bare' }
    const response = await fetch('/api/invoke/directory.list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Lanyard-Token': token },
      body: JSON.stringify(input),
    })
    const answer = JSON.parse(await response.text()) as { ok: boolean; value?: { items: unknown[]; nextCursor: string | null } }
    if (!answer.ok || !answer.value) throw new Error('the bare bridge loop was refused')
    rows += answer.value.items.length
    arrivals.push({ at: performance.now() - started, rows })
    cursor = answer.value.nextCursor
  } while (cursor && rows < options.rowLimit)
  const elapsed = performance.now() - started
  await new Promise((resolve) => setTimeout(resolve, 200))
  longTaskObserver.disconnect()
  return { arrivals, elapsed, longTasks }
}

/**
 * Runs in the page (Playwright sends its source, so it is self-contained; the page's CSP forbids
 * evaluating strings). Scrolling: whenever the spacer grows, the scroller jumps to the bottom, which
 * asks for the next page, as a person dragging the scrollbar down as fast as rows come. `jump`: the
 * End key on the grid once ("Jump to end"), then only watching. Stops at "End of list" or `rowLimit`
 * rows. This project's Node typings have no DOM, hence the small structural types.
 */
function followToEnd(options: { rowLimit: number; rowHeight: number; timeoutMs: number; jump: boolean }): Promise<ScrollRun> {
  const { rowLimit, rowHeight, timeoutMs, jump } = options
  interface Element {
    scrollTop: number
    scrollHeight: number
    textContent: string | null
    style: { height: string }
    dispatchEvent(event: unknown): boolean
  }
  interface Observer<Observe extends unknown[]> {
    observe(...args: Observe): void
    disconnect(): void
  }
  const page = globalThis as unknown as {
    document: { querySelector(selector: string): Element | null }
    KeyboardEvent: new (type: string, init: unknown) => unknown
    MutationObserver: new (callback: () => void) => Observer<[target: unknown, options: unknown]>
    PerformanceObserver: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => Observer<[options: unknown]>
  }
  const scroller = page.document.querySelector('.grid__scroller')
  const spacer = page.document.querySelector('.grid__spacer')
  if (!scroller || !spacer) return Promise.reject(new Error('no directory grid on the page'))
  const longTasks: number[] = []
  const longTaskRows: number[] = []
  const longTaskObserver = new page.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks.push(entry.duration)
      longTaskRows.push(rowsNow())
    }
  })
  longTaskObserver.observe({ type: 'longtask' })
  const started = performance.now()
  const rowsNow = () => Math.round(parseFloat(spacer.style.height) / rowHeight)
  const arrivals = [{ at: 0, rows: rowsNow() }]
  return new Promise((resolve) => {
    const atEnd = () => /End of list/.test(page.document.querySelector('[role="status"]')?.textContent ?? '')
    const finish = (ended: boolean) => {
      spacerObserver.disconnect()
      statusObserver.disconnect()
      clearTimeout(timer)
      // Long tasks are reported after they end: give the last one a moment to arrive.
      setTimeout(() => {
        longTaskObserver.disconnect()
        resolve({ arrivals, longTasks, longTaskRows, elapsed: (arrivals[arrivals.length - 1]?.at ?? 0), ended })
      }, 200)
    }
    let done = false
    const step = () => {
      if (done) return
      const rows = rowsNow()
      if (rows !== arrivals[arrivals.length - 1]?.rows) arrivals.push({ at: performance.now() - started, rows })
      if (atEnd() || rows >= rowLimit) {
        done = true
        finish(atEnd())
        return
      }
      if (!jump) scroller.scrollTop = scroller.scrollHeight
    }
    const spacerObserver = new page.MutationObserver(step)
    spacerObserver.observe(spacer, { attributes: true, attributeFilter: ['style'] })
    const statusObserver = new page.MutationObserver(step)
    statusObserver.observe(page.document.querySelector('[role="status"]'), { childList: true, characterData: true, subtree: true })
    const timer = setTimeout(() => {
      done = true
      finish(false)
    }, timeoutMs)
    if (jump) page.document.querySelector('[role="grid"]')?.dispatchEvent(new page.KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }))
    step()
  })
}
