import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOktaSandbox, type RunningOktaSandbox } from '../../electron/sandbox/okta/startOktaSandbox'
import { screenshotAtReviewSizes } from './support/browser'
import { invokeCall } from './support/previewApp'
import { previewSession } from './support/previewSession'
import { openUserList, openUserPanel } from './support/userList'

/*
 * Issue 15, "Unknown outcomes are settled now", in Chromium: an Okta tenant of the test's own
 * (fault injection: it suspends the person, then drops the answer) behind a hand-made sandbox
 * profile, slow enough to watch. The panel says "Checking…" instead of both "may have been carried
 * out" and "try again", offers no second Deprovision…, and Check now settles it; Okta's own API
 * says the person is suspended, and the journal holds one deprovision, not three.
 */
describe('a deprovision whose answer was lost', () => {
  const session = previewSession({ page: { viewport: { width: 1024, height: 700 } } })
  let okta: RunningOktaSandbox

  beforeAll(async () => {
    okta = await startOktaSandbox({ users: 12 })
  })

  afterAll(async () => {
    await okta?.close()
  })

  it('shows "Checking…", blocks a second deprovision, and Check now settles it', async () => {
    const { app, page, problems } = session
    const person = okta.tenant.users().find((user) => user.status === 'ACTIVE' && !/admin|auditor|read-only/i.test(String(user.profile.login)))!
    const fullName = `${String(person.profile.firstName)} ${String(person.profile.lastName)}`
    const made = await invokeCall(app, 'profiles.create', {
      connectorId: 'okta',
      name: 'Okta lost answers',
      environment: 'sandbox',
      values: { url: okta.url },
      secrets: { token: okta.credentials.token },
    })
    expect(made.ok).toBe(true)
    const profileId = (made.value as { id: string }).id

    await page.reload()
    await openUserList(page, /Okta lost answers/)
    const panel = await openUserPanel(page, { search: String(person.profile.login), id: person.id, name: fullName }, 10)
    await panel.getByRole('button', { name: 'Deprovision…' }).waitFor()

    // Slow from here, so the check after the lost answer can be watched.
    okta.faults.script([{ kind: 'lost_answer', method: 'POST', path: /\/lifecycle\/suspend$/ }])
    okta.setLatency(1200)
    await panel.getByRole('button', { name: 'Deprovision…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Deprovision' }).click()

    const notice = panel.locator('.unsettled')
    await notice.getByText('Checking…').first().waitFor({ timeout: 30_000 })
    await screenshotAtReviewSizes(page, 'lost-answer-checking')
    // Disabled while the user still reads ACTIVE; gone once the re-read shows SUSPENDED: never offered.
    expect(await panel.locator('button:not([disabled])', { hasText: 'Deprovision…' }).count()).toBe(0)
    expect(await panel.textContent()).not.toMatch(/try again/i)

    await notice.getByRole('button', { name: 'Check now' }).click()
    await expect.poll(() => panel.locator('.object-panel__header').textContent(), { timeout: 30_000 }).toContain('SUSPENDED')
    await expect.poll(() => panel.locator('.unsettled').count(), { timeout: 30_000 }).toBeLessThanOrEqual(1)
    await expect.poll(() => panel.getByText('Checking…').count(), { timeout: 30_000 }).toBe(0)
    // Settled as applied: its undo is offered, as for any deprovision.
    await panel.getByRole('button', { name: 'Undo deprovision…' }).waitFor({ timeout: 30_000 })
    await screenshotAtReviewSizes(page, 'lost-answer-settled')
    okta.setLatency(0)

    const response = await fetch(`${okta.url}/api/v1/users/${person.id}`, { headers: { Authorization: `SSWS ${okta.credentials.token}`, Accept: 'application/json' } })
    expect(((await response.json()) as { status: string }).status).toBe('SUSPENDED')
    const journal = await invokeCall(app, 'journal.list', { profileId, action: 'deprovision' })
    const entries = (journal.value as { entries: { outcome: { status: string } }[] }).entries
    expect(entries.map((entry) => entry.outcome.status)).toEqual(['applied'])
    expect(problems).toEqual([])
  })
})
