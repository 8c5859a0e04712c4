import type { Page } from 'playwright-core'
import { launchBrowser, openPage } from '../e2e/support/browser'
import { removeDataFolder, startPreviewApp } from '../e2e/support/previewApp'
import { milliseconds, ratioOf, type BenchRow } from './benchTable'

/** What a search may add to its round trip: the IPC, the connector's mapping and drawing the rows. */
const searchOverheadMs = 50
/**
 * A quick typist, about twelve characters a second. The box asks at once and keeps one search out
 * (components/searchAsYouType.ts): at 20 ms a key's answer comes before the next key, so the last
 * key's search leaves at once, and the clock measures it.
 */
const keystrokeGapMs = 80

/**
 * Times search-as-you-type as a person sees it: the preview app with a 20,000-user Okta sandbox
 * answering after `latencyMs`, Chromium typing a name one key at a time, and the clock running from
 * the last keystroke until every row on screen matches. Goal: one round trip plus 50 ms.
 */
export async function benchSearchAsYouType(options: { users: number; latencyMs: number }): Promise<BenchRow[]> {
  const app = await startPreviewApp({
    env: { LANYARD_SANDBOX_USERS: String(options.users), LANYARD_SANDBOX_LATENCY: String(options.latencyMs) },
  })
  const browser = await launchBrowser()
  try {
    const { page } = await openPage(browser, app.url)
    await page.getByRole('link', { name: /Okta Sandbox/ }).first().click()
    const rows = page.locator('[role="grid"] [role="row"][data-id]')
    await rows.first().waitFor()
    const terms = await searchTerms(page)
    const timings: number[] = []
    for (const term of terms) timings.push(await timeSearch(page, term))
    timings.sort((left, right) => left - right)
    const median = timings[Math.floor(timings.length / 2)] ?? 0
    const worst = timings[timings.length - 1] ?? 0
    const bound = options.latencyMs + searchOverheadMs
    return [
      {
        benchmark: `Okta: search as you type (${options.users.toLocaleString('en')} users)`,
        measured: `${milliseconds(median)} median, ${milliseconds(worst)} worst`,
        bound: `${milliseconds(bound)} (1 × ${options.latencyMs} ms + ${searchOverheadMs} ms)`,
        ratio: ratioOf(median, bound),
        notes: `last keystroke → matching rows on screen; ${terms.length} searches typed ${keystrokeGapMs} ms a key`,
      },
    ]
  } finally {
    await browser.close()
    await app.stop()
    await removeDataFolder(app)
  }
}

/** Family-name beginnings of people on the first screen, so every search finds someone. */
async function searchTerms(page: Page): Promise<string[]> {
  const names = await page.locator('[role="grid"] [role="row"][data-id] .grid__cell--name').allTextContents()
  const families = names.map((name) => name.trim().split(/\s+/).pop() ?? '').filter((family) => family.length >= 5)
  return [...new Set(families.map((family) => family.slice(0, 5)))].slice(0, 5)
}

/**
 * Types `term` into the search box key by key; returns ms from the last key until every row on
 * screen matches.
 */
async function timeSearch(page: Page, term: string): Promise<number> {
  const box = page.locator('input[type="search"]')
  const wanted = term.toLowerCase()
  // Start from the whole list, so rows left over from an earlier search cannot pass for the answer.
  await box.fill('')
  await page.waitForFunction(rowsMatch, { wanted, expected: false }, { polling: 'raf', timeout: 10_000 })
  await page.waitForTimeout(300)
  await box.pressSequentially(term.slice(0, -1), { delay: keystrokeGapMs })
  await box.press(term.slice(-1))
  const lastKey = performance.now()
  await page.waitForFunction(rowsMatch, { wanted, expected: true }, { polling: 'raf', timeout: 10_000 })
  return performance.now() - lastKey
}

/**
 * Whether every row on screen matches and is the answer (or not, as `expected` says). Runs in the page: Playwright
 * sends its source, so it must be self-contained (the page's CSP forbids evaluating strings).
 * This project's Node typings have no DOM, hence the small structural type.
 */
function rowsMatch({ wanted, expected }: { wanted: string; expected: boolean }): boolean {
  const page = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> } }
  const cells = Array.from(page.document.querySelectorAll('[role="grid"] [role="row"][data-id] .grid__cell--name'))
  const matching = cells.length > 0 && cells.every((cell) => (cell.textContent ?? '').toLowerCase().includes(wanted))
  // The rows of a shorter text's search may match too: only rows no longer marked stale (aria-busy) are the answer.
  const settled = page.document.querySelectorAll('[aria-busy="true"]').length === 0
  return expected ? matching && settled : !matching
}
