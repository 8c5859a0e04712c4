import type { Page } from 'playwright-core'
import type { SandboxFixturePerson } from '../../electron/sandbox/people/sandboxPeopleFixtures'
import { launchBrowser, openPage } from '../e2e/support/browser'
import { invokeCall, type PreviewApp } from '../e2e/support/previewApp'
import { milliseconds, ratioOf, type BenchRow } from './benchTable'

/** People waits this long after a key before it searches (renderer/src/components/typingPause.ts; not importable here). */
const typingPauseMs = 150
/** Same pace as the search-as-you-type bench: keys come faster than the typing pause. */
const keystrokeGapMs = 80
/** The allowance on top of the target's own time: "one round trip + 50 ms". */
const allowanceMs = 50

export interface PeopleSearchTimings {
  term: string
  accounts: number
  /** Last keystroke → the first account on screen. */
  first: number
  /** Last keystroke → every account of the person on screen, every profile answered. */
  all: number
  /** Each profile's own search of the same term alone, as its per-profile view asks it (directory.list). */
  single: number[]
}

/**
 * People search as a help desk sees it, in Chromium against the preview: four sandbox profiles,
 * each tenant of `users` people answering after `latencyMs`, a person's email typed key by key,
 * and the clock running from the last key until the first account, then every account, is on the
 * People view. In the same run, each profile's search of the same term alone (the slowest of the
 * four is the bound for "all four"). `app` already has the four profiles (and nothing else).
 */
export async function benchPeopleSearch(app: PreviewApp, people: readonly SandboxFixturePerson[], options: { latencyMs: number }): Promise<BenchRow[]> {
  const browser = await launchBrowser()
  try {
    const { page } = await openPage(browser, app.url)
    const box = page.locator('#people-search')
    await box.waitFor()
    const profileIds = await sandboxProfileIds(app)
    const timings: PeopleSearchTimings[] = []
    for (const person of people) {
      const term = person.email.slice(0, person.email.indexOf('@') + 4)
      const accounts = Object.keys(person.accounts).length
      const { first, all } = await timeSearch(page, term, accounts)
      const single: number[] = []
      for (const profileId of profileIds) single.push(await timeSingleProfileSearch(app, profileId, term))
      timings.push({ term, accounts, first, all, single })
    }
    return rows(timings, options.latencyMs)
  } finally {
    await browser.close()
  }
}

function rows(timings: readonly PeopleSearchTimings[], latencyMs: number): BenchRow[] {
  const median = (values: number[]) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)] ?? 0
  const firstMs = median(timings.map((timing) => timing.first))
  const allMs = median(timings.map((timing) => timing.all))
  const slowestSingle = median(timings.map((timing) => Math.max(...timing.single)))
  const fastestSingle = median(timings.map((timing) => Math.min(...timing.single)))
  const firstBound = typingPauseMs + latencyMs + allowanceMs
  const allBound = typingPauseMs + slowestSingle + allowanceMs
  const searches = `${timings.length} people typed ${keystrokeGapMs} ms a key (${timings.map((timing) => timing.term).join(', ')}); medians`
  return [
    {
      benchmark: 'People: last key → first account on screen (4 profiles)',
      measured: `${milliseconds(firstMs)} (${milliseconds(firstMs - typingPauseMs)} after the typing pause)`,
      bound: `${milliseconds(firstBound)} (${typingPauseMs} ms typing pause + 1 × ${latencyMs} ms + ${allowanceMs} ms)`,
      ratio: ratioOf(firstMs, firstBound),
      notes: `measured in Chromium; ${searches}; the fastest profile's search alone took ${milliseconds(fastestSingle)}`,
    },
    {
      benchmark: 'People: last key → all four accounts on screen',
      measured: `${milliseconds(allMs)} (${milliseconds(allMs - typingPauseMs)} after the typing pause)`,
      bound: `${milliseconds(allBound)} (${typingPauseMs} ms pause + slowest profile's search alone ${milliseconds(slowestSingle)} + ${allowanceMs} ms)`,
      ratio: ratioOf(allMs, allBound),
      notes: `single-profile searches measured in the same run through the preview bridge (directory.list, one page of 25, as People asks): ${singleSummary(timings)}`,
    },
  ]
}

function singleSummary(timings: readonly PeopleSearchTimings[]): string {
  return timings.map((timing) => `${timing.term} ${timing.single.map((ms) => Math.round(ms)).join('/')} ms`).join('; ')
}

/** The four profiles People will search, in the order the bench reports them. */
async function sandboxProfileIds(app: PreviewApp): Promise<string[]> {
  const listed = await invokeCall(app, 'profiles.list', {})
  if (!listed.ok) throw new Error(`profiles.list: ${listed.error?.message}`)
  return (listed.value as { id: string; environment: string }[]).filter((profile) => profile.environment === 'sandbox').map((profile) => profile.id)
}

/**
 * Types `term` key by key into People's search box; returns ms from the last key until the first
 * account row is on screen, and until `accounts` rows are and no profile is still searching.
 */
async function timeSearch(page: Page, term: string, accounts: number): Promise<{ first: number; all: number }> {
  const box = page.locator('#people-search')
  // Start from an empty view, so accounts left from the previous search cannot pass for the answer.
  await box.fill('')
  await page.waitForFunction(accountRowsOnScreen, { atLeast: 1, settled: false, expected: false }, { polling: 'raf', timeout: 10_000 })
  await page.waitForTimeout(300)
  await box.pressSequentially(term.slice(0, -1), { delay: keystrokeGapMs })
  await box.press(term.slice(-1))
  const lastKey = performance.now()
  await page.waitForFunction(accountRowsOnScreen, { atLeast: 1, settled: false, expected: true }, { polling: 'raf', timeout: 20_000 })
  const first = performance.now() - lastKey
  await page.waitForFunction(accountRowsOnScreen, { atLeast: accounts, settled: true, expected: true }, { polling: 'raf', timeout: 20_000 })
  return { first, all: performance.now() - lastKey }
}

/**
 * Whether at least `atLeast` account rows of found people are on screen (and, when `settled`, no
 * profile still says it is searching), compared with `expected`. Runs in the page: Playwright sends
 * its source, so it is self-contained; the project's Node typings have no DOM, hence the small type.
 */
function accountRowsOnScreen({ atLeast, settled, expected }: { atLeast: number; settled: boolean; expected: boolean }): boolean {
  const page = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<unknown> } }
  const rows = page.document.querySelectorAll('.person-card tbody tr').length
  const searching = page.document.querySelectorAll('.profile-search--searching').length
  return (rows >= atLeast && (!settled || searching === 0)) === expected
}

/** One profile's search of `term` alone, through the bridge as the profile's own view asks it. */
async function timeSingleProfileSearch(app: PreviewApp, profileId: string, term: string): Promise<number> {
  const started = performance.now()
  const answer = await invokeCall(app, 'directory.list', { profileId, objectType: 'users', search: term, pageSize: 25, requestKey: `bench-single:${profileId}` })
  const elapsed = performance.now() - started
  if (!answer.ok) throw new Error(`directory.list of ${term}: ${answer.error?.message}`)
  return elapsed
}
