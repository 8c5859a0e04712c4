import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openPage, screenshot } from './support/browser'
import { removeDataFolder, startPreviewApp, type PreviewApp } from './support/previewApp'
import { expectSecretsNowhere, sandboxProfileAccess, type SandboxProfileAccess } from './support/sandboxProfile'

interface OktaUser {
  id: string
  status: string
  profile: { firstName: string; lastName: string; login: string }
}
interface OktaGroup {
  id: string
  type: string
  profile: { name: string }
}

/**
 * Issue 15, "Work in progress is visible", at 300 ms latency on the Okta sandbox: a deprovision shows
 * its step running, and an undo of three steps ("Unsuspend", "Add back to" two groups) shows which
 * step runs and which are done, and stops when Cancel is pressed after the first. Okta is then asked
 * directly what happened: the person is active again, and the last group was never sent.
 */
describe('a running change on the Okta sandbox, its steps and Cancel', () => {
  let browser: Browser
  let app: PreviewApp
  let access: SandboxProfileAccess

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startPreviewApp({ env: { LANYARD_SANDBOX_USERS: '60', LANYARD_SANDBOX_LATENCY: '300' } })
    access = await sandboxProfileAccess(app, 'okta')
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    if (app) await removeDataFolder(app)
  })

  async function askOkta<T>(path: string, method = 'GET'): Promise<T | null> {
    const response = await fetch(`${access.values.url}${path}`, { method, headers: { Authorization: `SSWS ${access.secrets.token}`, Accept: 'application/json' } })
    expect(response.status, `${method} ${path}`).toBeLessThan(300)
    return response.status === 204 ? null : ((await response.json()) as T)
  }
  const editableGroupsOf = async (userId: string) => ((await askOkta<OktaGroup[]>(`/api/v1/users/${userId}/groups`)) ?? []).filter((group) => group.type === 'OKTA_GROUP')

  async function openPerson(page: Page, person: OktaUser) {
    await page.getByRole('link', { name: /Okta Sandbox/ }).first().click()
    await page.locator('[role="grid"] [role="row"][data-id]').first().waitFor()
    await page.keyboard.press('/')
    await page.keyboard.type(person.profile.lastName.slice(0, 4), { delay: 40 })
    await page.locator(`[role="row"][data-id="${person.id}"]`).click()
    return page.getByRole('complementary', { name: `${person.profile.firstName} ${person.profile.lastName}` })
  }

  /**
   * Waits, frame by frame, until a step line matches: at 300 ms a step shows for about that long,
   * less than Playwright's own retry interval grows to. Gives the step lines as they were then, and
   * may press Cancel in that very frame.
   */
  async function stepShown(page: Page, pattern: string, { thenCancel = false } = {}): Promise<string[]> {
    const body = await page.locator('body').elementHandle()
    const lines = await page.waitForFunction(
      ({ body, pattern, thenCancel }) => {
        const steps = [...body!.ownerDocument.querySelectorAll('[data-test="change-step"]')].map((step) => (step.textContent ?? '').trim())
        if (!steps.some((text) => new RegExp(pattern).test(text))) return null
        if (thenCancel) (body!.ownerDocument.querySelector('[data-test="cancel-change"]') as unknown as { click(): void } | null)?.click()
        return steps
      },
      { body, pattern, thenCancel },
      { polling: 'raf' },
    )
    return (await lines.jsonValue()) as string[]
  }

  it('shows the steps as they run, light and dark, and Cancel stops the undo after its first step', async () => {
    const active = (await askOkta<OktaUser[]>(`/api/v1/users?limit=60&search=${encodeURIComponent('status eq "ACTIVE"')}`)) ?? []
    let person: OktaUser | undefined
    for (const user of active) {
      if ((await editableGroupsOf(user.id)).length >= 2 && !/admin|read-only/i.test(user.profile.login)) {
        person = user
        break
      }
    }
    expect(person, 'an active person in two groups').toBeDefined()
    const tokens = [access.secrets.token!]

    // Light: the deprovision's one step, running.
    const light = await openPage(browser, app.url, { colorScheme: 'light', viewport: { width: 1440, height: 900 } })
    let panel = await openPerson(light.page, person!)
    await panel.getByRole('button', { name: 'Deprovision…' }).click()
    await light.page.getByRole('dialog').getByRole('button', { name: 'Deprovision' }).click()
    await stepShown(light.page, 'Suspend .*: running now…')
    await screenshot(light.page, 'change-progress-deprovision-light')
    await expect.poll(() => panel.locator('.object-panel__header').textContent(), { timeout: 15_000 }).toContain('SUSPENDED')
    await expect.poll(() => panel.locator('[data-test="change-step"]').count()).toBe(0)
    expect(light.problems).toEqual([])
    await light.page.context().close()

    // Two groups taken away since, at Okta: the undo has three steps.
    const removed = (await editableGroupsOf(person!.id)).slice(0, 2)
    for (const group of removed) await askOkta(`/api/v1/groups/${group.id}/users/${person!.id}`, 'DELETE')

    // Dark: the undo's steps, one done and the next running; then Cancel.
    const dark = await openPage(browser, app.url, { colorScheme: 'dark', viewport: { width: 1024, height: 700 } })
    panel = await openPerson(dark.page, person!)
    await panel.getByRole('button', { name: 'Undo deprovision…' }).click()
    await dark.page.getByRole('dialog').getByRole('button', { name: /Undo/ }).click()
    expect(await stepShown(dark.page, 'Unsuspend .*: running now…')).toHaveLength(3)
    await screenshot(dark.page, 'change-progress-undo-running-dark')
    // Pressed in the frame "Unsuspend" shows done, while the first "Add back to" is on its way.
    const shownAtCancel = await stepShown(dark.page, 'Unsuspend .*: done', { thenCancel: true })
    expect(shownAtCancel).toEqual([expect.stringMatching(/Unsuspend .*: done/), expect.stringMatching(/Add back to .*: (to do|running now…)/), expect.stringMatching(/Add back to .*: to do/)])

    // Afterwards the panel says what happened: the steps done, and that the rest was cancelled.
    await panel.getByText(/cancelled/i).first().waitFor({ timeout: 15_000 })
    await expect.poll(() => panel.locator('[data-test="change-step"]').count()).toBe(0)
    await screenshot(dark.page, 'change-progress-undo-cancelled-dark')

    // At Okta: active again, and at most the group whose request was on its way is back; the last was never sent.
    expect((await askOkta<OktaUser>(`/api/v1/users/${person!.id}`))?.status).toBe('ACTIVE')
    const groupsNow = (await editableGroupsOf(person!.id)).map((group) => group.id)
    expect(removed.filter((group) => groupsNow.includes(group.id)).length).toBeLessThan(2)
    await expectSecretsNowhere(app, dark.page, tokens)
    expect(dark.problems).toEqual([])
  })
})
