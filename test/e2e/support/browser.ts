import { mkdir } from 'node:fs/promises'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'

/** Debian's Chromium (the only browser this project's machines can install), headless. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.LANYARD_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  })
}

/** Opens a page that fails the test on any console error or CSP violation it reports; `options` may set the window's size or the OS's colour scheme. */
export async function openPage(
  browser: Browser,
  url: string,
  options: Pick<BrowserContextOptions, 'viewport' | 'colorScheme'> = {},
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, ...options })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  await page.goto(url)
  return { page, problems }
}

/** Screenshots go to test-results/ (ignored by git) so a person can look at what the test saw. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir('test-results', { recursive: true })
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true })
}

/** The window sizes People is looked at in: a roomy desktop and the smallest laptop window we support. */
export const reviewSizes = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const

/**
 * One screenshot per review size and theme (`<name>-1440-light.png`, `<name>-1024-dark.png`, …); the
 * page is left at the size and theme it had. The app scrolls inside its main area, not the
 * document, so a full-page shot shows only the window: what has the focus is scrolled into view at
 * each size, as the browser did when it got it. At each, nothing may stick out of the window sideways.
 */
export async function screenshotAtReviewSizes(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()
  // Expressions as text: this file is type-checked without the DOM's types.
  const wasDark = (await page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")) === true
  for (const viewport of reviewSizes) {
    await page.setViewportSize(viewport)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      const focused = page.locator(':focus')
      if ((await focused.count()) === 1) await focused.scrollIntoViewIfNeeded()
      const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'))
      if (overflow > 0) throw new Error(`${name}: the page is ${overflow} px wider than the ${viewport.width} px window (${colorScheme})`)
      await screenshot(page, `${name}-${viewport.width}-${colorScheme}`)
    }
  }
  await page.emulateMedia({ colorScheme: wasDark ? 'dark' : 'light' })
  if (size) await page.setViewportSize(size)
}
