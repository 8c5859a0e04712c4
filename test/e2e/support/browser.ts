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
