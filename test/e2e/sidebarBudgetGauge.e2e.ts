import { describe, expect, it } from 'vitest'
import type { DirectoryPage } from '../../shared/directory'
import type { ProfileView } from '../../shared/profiles'
import { screenshot } from './support/browser'
import { invokeCall } from './support/previewApp'
import { previewSession } from './support/previewSession'

/*
 * The sidebar at 1024×700 while a profile's requests wait for its rate limit: the budget gauge
 * shows beside the profile, and it must not squeeze the profile's name into a few letters a line
 * ("GoToM / eeting / Sandbo / x", seen while an offboarding job ran). Thirty reads at once on the
 * GoTo sandbox, whose documented quota is 10 a second, keep requests waiting for two seconds.
 */
describe('the sidebar while a profile waits for its rate limit', () => {
  const session = previewSession({ env: { LANYARD_SANDBOX_USERS: '60' }, page: { viewport: { width: 1024, height: 700 } } })

  it('keeps the profile name whole, the gauge under it', async () => {
    const { app, page, problems } = session
    const profiles = (await invokeCall(app, 'profiles.list', {})).value as ProfileView[]
    const goTo = profiles.find((profile) => profile.connectorId === 'gotomeeting')!
    const listed = await invokeCall(app, 'directory.list', { profileId: goTo.id, objectType: 'users', search: '', pageSize: 50 })
    const ids = (listed.value as DirectoryPage).items.map((item) => item.id).slice(0, 30)
    expect(ids).toHaveLength(30)

    // Settled, not rejected, when an assertion below stops the test first and the app is stopped under them.
    const reads = Promise.allSettled(ids.map((objectId) => invokeCall(app, 'directory.get', { profileId: goTo.id, objectType: 'users', objectId })))
    const entry = page.locator('.sidebar__profile', { hasText: goTo.name })
    const gauge = entry.locator('[data-test="budget-gauge"]')
    await gauge.waitFor({ timeout: 10_000 })
    const name = entry.locator('.sidebar__profile-name')
    const [nameBox, gaugeBox] = [await name.boundingBox(), await gauge.boundingBox()]
    // One line: the height of a short profile name in the same sidebar.
    const okta = profiles.find((profile) => profile.connectorId === 'okta')!
    const lineHeight = (await page.locator('.sidebar__profile', { hasText: okta.name }).locator('.sidebar__profile-name').boundingBox())!.height
    await screenshot(page, 'sidebar-budget-gauge-1024')

    // "GoToMeeting Sandbox" fits on two lines at most, broken between its words.
    expect(nameBox!.height).toBeLessThanOrEqual(2 * lineHeight + 1)
    expect(await name.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true)
    expect(gaugeBox!.y).toBeGreaterThanOrEqual(nameBox!.y + nameBox!.height - 1)

    expect((await reads).every((read) => read.status === 'fulfilled' && read.value.ok)).toBe(true)
    expect(problems).toEqual([])
  })
})
