import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConnectorId } from '../../shared/catalogue/types'
import { tenantDefaults } from '../../electron/sandbox/framework/tenantBasics'
import { companyDirectory, fixturePeopleCount, sandboxApplications } from '../../electron/sandbox/people/companyAccounts'
import type { SandboxFixturePerson } from '../../electron/sandbox/people/sandboxPeopleFixtures'
import { layoutProblems, seriousViolations } from './support/accessibility'
import { launchBrowser, openPage, screenshot } from './support/browser'
import { removeDataFolder, startPreviewApp, type PreviewApp } from './support/previewApp'
import { sandboxProfileAccess } from './support/sandboxProfile'
import { accountStates, connectorOrder, type AccountState, type TenantAccess, type Tenants } from './support/targetStates'

const users = 120
const leaverCount = 25
const sizes = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
] as const
const schemes = ['light', 'dark'] as const

/**
 * 25 people active in all four tenants under their one email (past the named fixtures, which other
 * tests change; a few people are known to GoTo only by an older alias, which the email cannot find).
 */
function leaversOf(): SandboxFixturePerson[] {
  const company = companyDirectory({ count: users, seed: tenantDefaults.seed })
  return company.people
    .map((person, index) => ({ ...person, index, accounts: company.accounts[index] ?? {} }))
    .filter((person) => person.index >= fixturePeopleCount && sandboxApplications.every((application) => person.accounts[application]?.status === 'active' && person.accounts[application]?.email === person.email))
    .slice(0, leaverCount)
}

async function tenantsOf(app: PreviewApp): Promise<Tenants> {
  const accesses = await Promise.all(connectorOrder.map((connectorId) => sandboxProfileAccess(app, connectorId)))
  return Object.fromEntries(connectorOrder.map((connectorId, index) => [connectorId, { ...accesses[index]!.values, ...accesses[index]!.secrets }])) as Record<ConnectorId, TenantAccess>
}

const statesOf = (tenants: Tenants, people: readonly SandboxFixturePerson[]) => Promise.all(people.map((person) => accountStates(tenants, person)))

/** Tab (or Shift+Tab) until the focused element's text or label matches; fails after `limit` presses. */
async function tabTo(page: Page, name: RegExp, options: { back?: boolean; limit?: number } = {}): Promise<void> {
  for (let press = 0; press < (options.limit ?? 60); press++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab')
    const focused = page.locator(':focus')
    // Past the page's first or last control the browser's own UI has the focus: nothing here to read.
    if ((await focused.count()) === 0) continue
    const label = `${(await focused.getAttribute('aria-label')) ?? ''} ${(await focused.textContent())?.trim() ?? ''}`
    if (name.test(label)) return
  }
  throw new Error(`Tab never reached ${name}`)
}

async function textComes(locator: Locator, expected: string | RegExp, timeout = 60_000): Promise<void> {
  const matches = (text: string) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text))
  try {
    await expect.poll(async () => matches((await locator.textContent()) ?? ''), { timeout }).toBe(true)
  } catch {
    throw new Error(`Waited for ${String(expected)}, but it reads: ${await locator.textContent()}`)
  }
}

/** The cells of a table whose text the window cuts (an ellipsis, a line clamped): each as "column: text". */
async function cutCells(page: Page, table: string): Promise<string[]> {
  // As text: this file is type-checked without the DOM's types.
  return page.evaluate(`[...document.querySelectorAll('[aria-label="${table}"] [role="row"]:not([aria-rowindex="1"]) [role="cell"]')]
    .filter((cell) => cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1)
    .map((cell) => [...cell.parentElement.children].indexOf(cell) + ': ' + cell.textContent)`)
}

/** Screenshots at both sizes in both schemes, each looked at by axe and for anything cut off; the problems found, in words. */
async function lookAt(page: Page, name: string): Promise<string[]> {
  const size = page.viewportSize()
  const problems: string[] = []
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const viewport of sizes) {
      await page.setViewportSize(viewport)
      await screenshot(page, `jobs-${name}-${viewport.width}-${scheme}`)
      // The plan is read before anything is sent: every before → after whole, not only in a tooltip.
      if (name === 'plan') for (const cell of await cutCells(page, 'Plan rows')) problems.push(`${name} ${viewport.width} ${scheme}: cut ${cell}`)
      for (const problem of [...(await seriousViolations(page)), ...(await layoutProblems(page))]) problems.push(`${name} ${viewport.width} ${scheme}: ${problem}`)
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  if (size) await page.setViewportSize(size)
  return problems
}

/**
 * HR's leavers of the week as a CSV, in Chromium against the preview's four sandbox tenants, with
 * the keyboard alone: import the file, read the plan (every account of every leaver, and the one
 * line nobody matches), start, pause, resume, read the results, export them, undo the job, and
 * check through each target's own API that everyone was deprovisioned and then that everyone is back.
 */
describe('Jobs: offboard a CSV of leavers over four tenants and undo it', () => {
  let browser: Browser
  let app: PreviewApp
  let folder: string

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startPreviewApp({ env: { LANYARD_SANDBOX_USERS: String(users) } })
    folder = await mkdtemp(join(tmpdir(), 'lanyard-jobs-e2e-'))
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    if (app) await removeDataFolder(app)
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  it('plans, runs, pauses, resumes, exports and undoes the job; every account is deprovisioned, then back', async () => {
    const leavers = leaversOf()
    expect(leavers).toHaveLength(leaverCount)
    const tenants = await tenantsOf(app)
    const before = await statesOf(tenants, leavers)
    const csv = join(folder, 'leavers.csv')
    // Coupa's API user, the kind of account the Coupa profile signs in as: the plan skips it up front, with why.
    const lines = [...leavers.map((person) => `"${person.lastName}, ${person.firstName}";${person.email}`), 'Nobody Here;nobody.here@example.com', 'Lanyard API;lanyard.api@example.com']
    await writeFile(csv, `\uFEFFName;Email\r\n${lines.join('\r\n')}\r\n`)

    const { page, problems } = await openPage(browser, app.url, { viewport: sizes[1], colorScheme: 'light' })
    const looked: string[] = []
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe('people-search')
    await tabTo(page, /^ ?Jobs$/, { back: true })
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor()

    // Waited for before the focus moves: Chromium takes a moment to start handing file choosers to the test.
    const chooser = page.waitForEvent('filechooser')
    await tabTo(page, /Import CSV/)
    await page.keyboard.press('Enter')
    await (await chooser).setFiles(csv)
    await textComes(page.locator('.list-input__summary'), `"leavers.csv": ${leaverCount + 2} rows in 2 columns, the first row taken as column names.`)
    expect(await page.locator('select[name="job-column"]').inputValue()).toBe('1')

    await tabTo(page, /^ ?Plan$/)
    await page.keyboard.press('Enter')
    const counts = page.locator('.job-plan__counts')
    await textComes(counts, `${leaverCount * 4} changes from ${leaverCount} lines ready; 1 line skipped; 1 problem to fix.`)
    await expect.poll(() => page.locator('[aria-label="Plan rows"] [role="row"]').count()).toBeGreaterThan(10)
    await page.getByRole('radio', { name: /^Skipped \(1\)/ }).check()
    await textComes(page.getByRole('table', { name: 'Plan rows' }), /Lanyard API is a Coupa API user, the kind of user this profile's API key or OAuth client acts as/)
    looked.push(...(await lookAt(page, 'plan-skipped')))
    await page.getByRole('radio', { name: /^All / }).check()
    looked.push(...(await lookAt(page, 'plan')))

    await tabTo(page, /^ ?Start: 100 changes$/)
    await page.keyboard.press('Enter')
    await page.waitForURL(/#\/jobs\/[\w-]+$/)
    await tabTo(page, /^ ?Pause$/)
    await page.keyboard.press('Enter')
    const state = page.locator('.job-progress__head')
    await textComes(state, 'Paused')
    const paused = (await page.locator('.job-progress__counts').textContent()) ?? ''
    expect(paused).toMatch(/[1-9][\d,]* left of 100 changes/)
    looked.push(...(await lookAt(page, 'paused')))

    // Pause became Resume under the focus: Enter again resumes.
    expect((await page.locator(':focus').textContent())?.trim()).toBe('Resume')
    await page.keyboard.press('Enter')
    await textComes(page.locator('.jobs-indicator'), /1 job running/)
    await textComes(state, 'Finished')
    expect(await page.locator('.job-progress__counts').textContent()).toBe('100% — 100 done, 0 failed, 0 skipped, 0 left of 100 changes.')
    await page.getByRole('radio', { name: /^Lines not planned/ }).check()
    await textComes(page.getByRole('table', { name: 'Results per row' }), 'nobody.here@example.com')
    await page.getByRole('radio', { name: 'All' }).check()
    looked.push(...(await lookAt(page, 'results')))

    const offboarded = await statesOf(tenants, leavers)
    offboarded.forEach((states, index) => {
      const name = leavers[index]!.email
      expect(states.okta.status, name).toEqual({ status: 'SUSPENDED' })
      expect(states.cognito.status, name).toMatchObject({ Enabled: false })
      expect(states.coupa.status, name).toEqual({ active: false })
      expect(states.gotomeeting.status, name).toEqual({ status: 'SUSPENDED' })
    })

    await tabTo(page, /^ ?Export results$/)
    const download = page.waitForEvent('download')
    await page.keyboard.press('Enter')
    const exported = await readFile((await (await download).path())!, 'utf8')
    expect(exported.startsWith('\uFEFF')).toBe(true)
    const exportedLines = exported.trim().split(/\r?\n/)
    expect(exportedLines.length).toBeGreaterThanOrEqual(100 + 1)
    expect(exported).toContain('nobody.here@example.com')

    await tabTo(page, /^ ?Undo job$/)
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Undo this job?' })
    await dialog.waitFor()
    looked.push(...(await lookAt(page, 'undo-confirm')))
    await tabTo(page, /^ ?Undo job$/)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: /^Undo of / }).waitFor()
    await textComes(state, 'Finished')
    expect(await page.locator('.job-progress__counts').textContent()).toBe('100% — 100 done, 0 failed, 0 skipped, 0 left of 100 changes.')
    looked.push(...(await lookAt(page, 'undone')))

    const back = await statesOf(tenants, leavers)
    back.forEach((states: Record<ConnectorId, AccountState>, index) => expect(states, leavers[index]!.email).toEqual(before[index]))
    expect(looked).toEqual([])
    expect(problems).toEqual([])
  })
})
