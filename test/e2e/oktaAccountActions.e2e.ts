import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshot, screenshotAtReviewSizes } from './support/browser'
import { previewSession } from './support/previewSession'
import { expectSecretsNowhere } from './support/sandboxProfile'
import { oktaApi, type OktaUser } from './support/tenantApis'

/**
 * A help desk's everyday Okta actions in Chromium, through the preview bridge, against the Okta
 * sandbox: each offered only in a status that allows it, confirmed as before → after, and checked
 * afterwards through the tenant's own API (status, enrolled factors), as an Okta admin would. The
 * temporary password is shown once and is then nowhere: not the page, the data folder or the logs.
 */
describe('everyday account actions on the Okta sandbox', () => {
  const session = previewSession({ env: { LANYARD_SANDBOX_USERS: '2000' }, sandbox: 'okta' })
  const askOkta = oktaApi(() => session.tenant)
  let page: Page
  let problems: string[]

  const statusOf = async (userId: string) => (await askOkta<OktaUser>(`/api/v1/users/${userId}`)).status
  const nameOf = (user: OktaUser) => `${user.profile.firstName} ${user.profile.lastName}`

  const factorsOf = (userId: string) => askOkta<{ factorType: string }[]>(`/api/v1/users/${userId}/factors`)

  /**
   * Someone in a status, through Okta's search, each used by one step only; one with an MFA factor
   * enrolled (the org's own admins have none), so every action has something to act on.
   */
  const taken = new Set<string>()
  async function someone(status: string): Promise<OktaUser> {
    const found = await askOkta<OktaUser[]>(`/api/v1/users?limit=200&search=${encodeURIComponent(`status eq "${status}"`)}`)
    for (const candidate of found.filter((user) => !taken.has(user.id))) {
      const signsIn = !['STAGED', 'PROVISIONED'].includes(status)
      if (signsIn && (await factorsOf(candidate.id)).length === 0) continue
      taken.add(candidate.id)
      return candidate
    }
    throw new Error(`the sandbox seeded nobody ${status}`)
  }

  async function openUser(user: OktaUser) {
    await page.goto(`${new URL(session.app.url).origin}/#/profiles/${session.access.profileId}/users/${user.id}`)
    const panel = page.getByRole('complementary', { name: nameOf(user) })
    await expect.poll(() => panel.locator('.object-panel__header').textContent()).toContain(user.status)
    return panel
  }

  /** Clicks the action, confirms, and waits for the toast's words (`done`) and the panel showing the status `after`. */
  async function runAction(user: OktaUser, label: string, confirmLabel: string, after: string, shot: string, done: string) {
    const panel = await openUser(user)
    await panel.getByRole('toolbar', { name: `Account actions for ${nameOf(user)}` }).getByRole('button', { name: label }).click()
    const dialog = page.getByRole('dialog')
    await screenshot(page, shot)
    await dialog.getByRole('button', { name: confirmLabel, exact: true }).click()
    await expect.poll(() => page.getByText(done).count()).toBeGreaterThan(0)
    await expect.poll(() => panel.locator('.object-panel__header').textContent()).toContain(after)
    return panel
  }

  it('offers on each panel only what the status allows', async () => {
    ;({ page, problems } = await session.open())
    const locked = await someone('LOCKED_OUT')
    const panel = await openUser(locked)
    const offered = panel.getByRole('toolbar', { name: `Account actions for ${nameOf(locked)}` }).getByRole('button')
    expect(await offered.allTextContents()).toEqual(['Email a password reset link…', 'Unlock…', 'Reset MFA factors…', 'Clear sessions…'])
    const staged = await someone('STAGED')
    const stagedPanel = await openUser(staged)
    expect(await stagedPanel.getByRole('toolbar', { name: `Account actions for ${nameOf(staged)}` }).getByRole('button').allTextContents()).toEqual(['Activate…'])
    expect(problems).toEqual([])

    // The panel with its actions, in light and dark, at the smallest and a roomy window.
    for (const colorScheme of ['light', 'dark'] as const) {
      ;({ page, problems } = await session.open({ colorScheme }))
      const shown = await openUser(locked)
      await shown.getByRole('button', { name: 'Unlock…' }).focus()
      await screenshotAtReviewSizes(page, `okta-account-actions-${colorScheme}`)
      await shown.getByRole('button', { name: 'Unlock…' }).click()
      await screenshotAtReviewSizes(page, `okta-unlock-confirm-${colorScheme}`)
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
      expect(problems).toEqual([])
    }
  })

  it('unlocks, activates and resends activation, each checked at Okta', async () => {
    ;({ page, problems } = await session.open())
    const locked = await someone('LOCKED_OUT')
    await runAction(locked, 'Unlock…', 'Unlock', 'ACTIVE', 'okta-unlock-confirm', `Unlocked ${nameOf(locked)}`)
    expect(await statusOf(locked.id)).toBe('ACTIVE')

    const staged = await someone('STAGED')
    await runAction(staged, 'Activate…', 'Activate', 'PROVISIONED', 'okta-activate-confirm', `Activated ${nameOf(staged)}`)
    // No password yet: Okta emails the activation link and the user is PROVISIONED until they use it.
    expect(await statusOf(staged.id)).toBe('PROVISIONED')

    const pending = await someone('PROVISIONED')
    const panel = await openUser(pending)
    await panel.getByRole('button', { name: 'Resend activation email…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Resend', exact: true }).click()
    await expect.poll(() => page.getByText(`Resent the activation email to ${nameOf(pending)}`).count()).toBeGreaterThan(0)
    expect(await statusOf(pending.id)).toBe('PROVISIONED')
    expect(problems).toEqual([])
  })

  it('resets MFA factors and clears sessions, and emails a reset link', async () => {
    ;({ page, problems } = await session.open())
    const person = await someone('ACTIVE')
    expect(await factorsOf(person.id)).toEqual([expect.objectContaining({ factorType: 'token:software:totp', status: 'ACTIVE' })])
    const panel = await runAction(person, 'Reset MFA factors…', 'Reset MFA factors', 'ACTIVE', 'okta-reset-factors-confirm', `Reset the MFA factors of ${nameOf(person)}`)
    expect(await factorsOf(person.id)).toEqual([])

    // Okta has no API that lists a user's sessions: the journal says it was applied, the status is unchanged.
    await panel.getByRole('button', { name: 'Clear sessions…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Clear sessions', exact: true }).click()
    await expect.poll(() => page.getByText(`Cleared the Okta sessions of ${nameOf(person)}`).count()).toBeGreaterThan(0)
    expect(await statusOf(person.id)).toBe('ACTIVE')

    await runAction({ ...person, status: 'ACTIVE' }, 'Email a password reset link…', 'Email the link', 'RECOVERY', 'okta-reset-password-confirm', `Emailed ${nameOf(person)} a password reset link`)
    expect(await statusOf(person.id)).toBe('RECOVERY')
    // RECOVERY: no unlock, no activation; the reset link can be sent again.
    await screenshot(page, 'okta-user-recovery')
    expect(problems).toEqual([])
  })

  it('shows a temporary password once, and it is then nowhere: not the page, the data folder or the logs', async () => {
    // In the dark, as the person's OS may be.
    ;({ page, problems } = await session.open({ colorScheme: 'dark' }))
    const person = await someone('ACTIVE')
    await runAction(person, 'Set a temporary password…', 'Set a temporary password', 'PASSWORD_EXPIRED', 'okta-temporary-password-confirm', `Gave ${nameOf(person)} a temporary password (not recorded)`)
    const shown = page.getByRole('dialog', { name: `Temporary password for ${nameOf(person)}` })
    const temporary = (await shown.getByLabel('Temporary password').textContent())?.trim() ?? ''
    expect(temporary).toMatch(/^[A-Za-z0-9]{8,}$/)
    await screenshotAtReviewSizes(page, 'okta-temporary-password-shown-dark')
    expect(await statusOf(person.id)).toBe('PASSWORD_EXPIRED')
    await shown.getByRole('button', { name: 'Done, close' }).click()
    await expect.poll(() => shown.count()).toBe(0)

    await page.getByRole('link', { name: 'Activity' }).click()
    await expect.poll(() => page.getByText(`Gave ${nameOf(person)} a temporary password (not recorded)`).count()).toBeGreaterThan(0)
    await screenshot(page, 'okta-account-actions-activity')
    await expectSecretsNowhere(session.app, page, [temporary, session.access.secrets.token!])
    expect(problems).toEqual([])
  })
})
