import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDescriptor } from '../../shared/catalogue'
import { tenantDefaults } from '../../electron/sandbox/framework/tenantBasics'
import { sandboxPeopleFixtures } from '../../electron/sandbox/people/sandboxPeopleFixtures'
import { startSandboxes, type RunningSandboxes } from '../../electron/sandbox/startSandboxes'
import { sandboxParameters } from '../../electron/services/sandboxProfiles'
import { reviewSizes, screenshotAtReviewSizes } from './support/browser'
import { invokeCall, startPreviewApp, type PreviewApp } from './support/previewApp'
import { previewSession } from './support/previewSession'
import { expectSecretsNowhere, sandboxProfileAccess } from './support/sandboxProfile'
import { accountStates, connectorOrder, grantGoToAdminRole, type Tenants } from './support/targetStates'
import { tenantAccess } from './support/tenantApis'

const users = 120
const dana = sandboxPeopleFixtures(tenantDefaults.seed, users).everywhere
/** Part of her email, as a ticket would give it: enough to find her alone. */
const partOfEmail = dana.email.slice(0, dana.email.indexOf('@') + 4)

/** Every tenant's parameters (secrets too) from the Sandbox profiles Lanyard made in this data folder. */
async function tenantsOf(app: PreviewApp): Promise<Tenants> {
  const accesses = await Promise.all(connectorOrder.map((connectorId) => sandboxProfileAccess(app, connectorId)))
  return Object.fromEntries(connectorOrder.map((connectorId, index) => [connectorId, tenantAccess(accesses[index]!)])) as Tenants
}

/** This run's secrets of every tenant: the keychain alone may hold them. */
const secretsOf = (tenants: Tenants) =>
  connectorOrder.flatMap((connectorId) => getDescriptor(connectorId).parameters.filter((parameter) => parameter.secret).map((parameter) => tenants[connectorId][parameter.key]!))

/** Tab (and only Tab) until the focused element's text or label matches; fails after `limit` presses. */
async function tabTo(page: Page, name: RegExp, limit = 40): Promise<void> {
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab')
    const focused = page.locator(':focus')
    const label = `${(await focused.getAttribute('aria-label')) ?? ''} ${(await focused.textContent())?.trim() ?? ''}`
    if (name.test(label)) return
  }
  throw new Error(`Tab never reached ${name}`)
}

/**
 * Waits for a result's text (a run ends when its accounts' targets have answered: up to 30 s on a
 * busy machine); when it does not come, the error quotes the whole text, which says what happened.
 */
async function textComes(locator: Locator, expected: string | RegExp): Promise<void> {
  const matches = (text: string) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text))
  try {
    await expect.poll(async () => matches((await locator.textContent()) ?? ''), { timeout: 30_000 }).toBe(true)
  } catch {
    throw new Error(`Waited for ${String(expected)}, but it reads: ${await locator.textContent()}`)
  }
}

const focusedText = async (page: Page) => (await page.locator(':focus').textContent())?.trim() ?? ''

/**
 * The help-desk ticket "Dana Lee left today", then "Dana was offboarded by mistake, put her back",
 * in Chromium against the preview with its four sandbox tenants: find her by part of her email,
 * see one person with four accounts, offboard everywhere with the keyboard alone, check each
 * application through its own API, quit and start again, undo from Activity, and check through
 * each API that every status, membership, role and licence is back as it was.
 */
describe('People: offboard one person everywhere and undo it', () => {
  const session = previewSession({ env: { LANYARD_SANDBOX_USERS: String(users) } })

  it('finds Dana by part of her email, offboards her four accounts, and undoes it from Activity after a restart', async () => {
    let tenants = await tenantsOf(session.app)
    const firstRunSecrets = secretsOf(tenants)
    // An admin role too, so the undo has one to bring back in GoTo (the seed gives her a licence only).
    const goToKey = (await accountStates(tenants, dana)).gotomeeting.userId
    await grantGoToAdminRole(tenants.gotomeeting, goToKey, 'MANAGE_ACCOUNT')
    const before = await accountStates(tenants, dana)
    expect(before.okta.status).toEqual({ status: 'ACTIVE' })
    expect(before.cognito.status).toMatchObject({ Enabled: true })
    expect(before.coupa.status).toEqual({ active: true })
    expect(before.gotomeeting).toMatchObject({ status: { status: 'ACTIVE' }, memberships: { adminRoles: ['MANAGE_ACCOUNT'] } })
    expect(before.gotomeeting.memberships.licenseKeys).not.toEqual([])

    let { page, problems } = await session.open({ viewport: reviewSizes[0] })
    // People is the start page and its search box has the focus: the keyboard alone from here.
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe('people-search')
    await page.keyboard.type(partOfEmail, { delay: 40 })
    const card = page.locator('.person-card', { hasText: dana.displayName })
    await expect.poll(() => card.locator('tbody tr').count()).toBe(4)
    await expect.poll(() => page.locator('.person-card').count()).toBe(1)
    expect(await card.locator('tbody tr td:first-child').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Okta/), expect.stringMatching(/^AWS Cognito/), expect.stringMatching(/^Coupa/), expect.stringMatching(/^GoToMeeting/)]),
    )
    await screenshotAtReviewSizes(page, 'people-search')

    await page.keyboard.press('ArrowDown')
    expect(await focusedText(page)).toBe(dana.displayName)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: dana.displayName }).waitFor()
    await expect.poll(() => page.locator('.person-accounts__groups').allTextContents()).not.toContain('…')
    await screenshotAtReviewSizes(page, 'person-page')

    await tabTo(page, /^ ?Offboard…$/)
    await page.keyboard.press('Enter')
    const plan = page.getByRole('dialog', { name: `Offboard ${dana.displayName}?` })
    await expect.poll(() => plan.locator('.plan__step').count()).toBe(4)
    expect(await plan.locator('.plan__step--skip').count()).toBe(0)
    await expect.poll(() => plan.getByText(/Recorded for undo/).count()).toBe(4)
    await screenshotAtReviewSizes(page, 'offboard-plan')
    // The smallest window: the confirm stays in view, and the accounts the list keeps out of sight are named.
    await page.setViewportSize(reviewSizes[1])
    const confirm = await plan.locator('.plan__confirm').boundingBox()
    expect(confirm!.y + confirm!.height).toBeLessThanOrEqual(reviewSizes[1].height)
    await expect.poll(() => plan.locator('.plan__more').textContent()).toMatch(/^\d more accounts? below: .+\. Scroll the list to see (it|them)\.$/)
    await page.setViewportSize(reviewSizes[0])
    // Focus starts on Cancel; the one confirm is next.
    await page.keyboard.press('Tab')
    expect(await focusedText(page)).toBe('Offboard 4 accounts')
    await page.keyboard.press('Enter')

    const summary = page.locator('.offboard-progress__summary')
    await textComes(summary, `Offboarded ${dana.displayName} in 4 of 4 accounts.`)
    await expect.poll(() => page.locator('.offboard-progress__row').allTextContents()).toEqual(Array(4).fill(expect.stringContaining('Done')))
    await screenshotAtReviewSizes(page, 'offboard-done')

    // Each application, asked directly: deprovisioned, and what deprovision keeps still there.
    const offboarded = await accountStates(tenants, dana)
    expect(offboarded.okta.status).toEqual({ status: 'SUSPENDED' })
    expect(offboarded.cognito.status).toMatchObject({ Enabled: false })
    expect(offboarded.coupa.status).toEqual({ active: false })
    expect(offboarded.gotomeeting.status).toEqual({ status: 'SUSPENDED' })
    expect(offboarded.gotomeeting.memberships).toEqual({ ...before.gotomeeting.memberships, licenseKeys: [], adminRoles: [] })
    for (const connectorId of ['okta', 'cognito', 'coupa'] as const) expect(offboarded[connectorId].memberships, connectorId).toEqual(before[connectorId].memberships)
    expect(problems).toEqual([])

    // Quit and start again on the same data folder: the tenants keep their state, with new secrets.
    await page.context().close()
    await session.app.stop()
    session.app = await startPreviewApp({ home: session.app.home })
    tenants = await tenantsOf(session.app)
    ;({ page, problems } = await session.open({ viewport: reviewSizes[1] }))

    await page.getByRole('link', { name: 'Activity' }).click()
    const title = `Offboarding of ${dana.displayName}`
    const row = page.locator('.operation-row', { hasText: title })
    await row.getByRole('button', { name: `Show the accounts of ${title}` }).click()
    await screenshotAtReviewSizes(page, 'activity-offboarding')
    await row.getByRole('button', { name: `Undo offboarding: ${title}` }).click()
    await screenshotAtReviewSizes(page, 'activity-undo-confirm')
    await page.getByRole('dialog').getByRole('button', { name: 'Undo offboarding' }).click()
    const undone = page.getByRole('region', { name: `Result of the undo of ${title}` })
    await expect.poll(() => undone.getByText('Undone', { exact: true }).count(), { timeout: 20_000 }).toBe(4)
    await screenshotAtReviewSizes(page, 'activity-undone')

    expect(await accountStates(tenants, dana)).toEqual(before)
    await expectSecretsNowhere(session.app, page, [...firstRunSecrets, ...secretsOf(tenants)])
    expect(problems).toEqual([])
  })
})

/**
 * The same ticket while one application is down: four tenants this test runs itself (so it can
 * make Coupa answer 503 Service Unavailable), reached through sandbox profiles added as a
 * technician would add them. Coupa's account fails with its reason and the three others are done;
 * once Coupa answers again, Retry failed offboards only that one, and Undo offboarding on the
 * person page brings all four back.
 */
describe('People: offboarding while one application is down', () => {
  // Lanyard's own Sandbox profiles off: the set is this test's four profiles.
  const session = previewSession({ env: { LANYARD_SANDBOX: 'off' } })
  let running: RunningSandboxes

  beforeAll(async () => {
    running = await startSandboxes({ users })
    for (const tenant of running.tenants) {
      const { values, secrets } = sandboxParameters(tenant.connectorId, tenant.url, tenant.credentials)
      const made = await invokeCall(session.app, 'profiles.create', { connectorId: tenant.connectorId, name: `${tenant.connectorId} (ticket test)`, environment: 'sandbox', values, secrets })
      if (!made.ok) throw new Error(`the ${tenant.connectorId} profile was refused: ${made.error?.message}`)
    }
  })

  afterAll(async () => {
    await running?.close()
  })

  it('reports the failed account with its reason, retries only it, and undoes all four from the person page', async () => {
    const tenants = JSON.parse(running.line()) as Tenants
    const coupa = running.tenants.find((tenant) => tenant.connectorId === 'coupa')!
    const before = await accountStates(tenants, dana)

    const { page, problems } = await session.open({ viewport: reviewSizes[0] })
    await page.getByRole('searchbox').fill(partOfEmail)
    await expect.poll(() => page.locator('.person-card', { hasText: dana.displayName }).locator('tbody tr').count()).toBe(4)
    await page.getByRole('link', { name: dana.displayName }).click()
    await expect.poll(() => page.locator('.person-accounts__groups').allTextContents()).not.toContain('…')
    await page.getByRole('button', { name: 'Offboard…' }).click()
    const plan = page.getByRole('dialog', { name: `Offboard ${dana.displayName}?` })
    await expect.poll(() => plan.locator('.plan__step').count()).toBe(4)

    // Coupa goes down between the plan and the confirm: every request to it is refused with a 503.
    coupa.faults.script([{ kind: 'unavailable', times: 1000 }])
    await plan.getByRole('button', { name: 'Offboard 4 accounts' }).click()
    const summary = page.locator('.offboard-progress__summary')
    await textComes(summary, /^\s*Done in 3 of 4 accounts/)
    expect(await summary.textContent()).toMatch(/Failed: Coupa · coupa \(ticket test\) \(.+\)\./)
    const coupaRow = page.locator('.offboard-progress__row', { hasText: 'Coupa' })
    expect(await coupaRow.textContent()).toContain('Failed')
    await screenshotAtReviewSizes(page, 'offboard-one-failed')

    // Coupa is back (and can be asked): Coupa's account is untouched, the three others are deprovisioned.
    coupa.faults.clear()
    const partly = await accountStates(tenants, dana)
    expect(partly.coupa).toEqual(before.coupa)
    expect(partly.okta.status).toEqual({ status: 'SUSPENDED' })
    expect(partly.cognito.status).toMatchObject({ Enabled: false })
    expect(partly.gotomeeting.status).toEqual({ status: 'SUSPENDED' })

    // After each run the page reads the accounts again (one search: one list request per application).
    // Its first re-read, while Coupa was down, has shown the others' new statuses and kept Coupa's account.
    const accountsTable = page.locator('.person-accounts__table')
    await textComes(accountsTable, /SUSPENDED[\s\S]*SUSPENDED/)
    expect(await accountsTable.textContent()).toContain('coupa (ticket test)')

    // Retry failed offboards Coupa alone: the others receive only the re-read's one request each.
    const served = coupa.requestCount()
    const othersServed = running.tenants.filter((tenant) => tenant !== coupa).map((tenant) => tenant.requestCount())
    await page.getByRole('button', { name: 'Retry failed (1)' }).click()
    await textComes(summary, `Offboarded ${dana.displayName} in 4 of 4 accounts.`)
    await textComes(accountsTable, /inactive/)
    expect(coupa.requestCount()).toBeGreaterThan(served)
    expect(running.tenants.filter((tenant) => tenant !== coupa).map((tenant) => tenant.requestCount())).toEqual(othersServed.map((count) => count + 1))
    expect((await accountStates(tenants, dana)).coupa.status).toEqual({ active: false })
    await screenshotAtReviewSizes(page, 'offboard-retried')

    await page.getByRole('button', { name: 'Undo offboarding' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Undo offboarding' }).click()
    const undoReport = page.getByRole('status', { name: 'Result of the undo' })
    await textComes(undoReport, '4 of 4 accounts are back')
    await screenshotAtReviewSizes(page, 'offboard-undone-on-person-page')
    expect(await accountStates(tenants, dana)).toEqual(before)
    expect(problems).toEqual([])
  })
})
