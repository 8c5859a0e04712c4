import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCognitoSandbox, type RunningCognitoSandbox } from '../../electron/sandbox/cognito/startCognitoSandbox'
import { screenshotAtReviewSizes } from './support/browser'
import { invokeCall } from './support/previewApp'
import { previewSession } from './support/previewSession'
import { openUserList, searchUsers } from './support/userList'

/*
 * Cognito's calls go without the AWS SDK (cognitoWire.ts): a pool that keeps answering 502 shows
 * the person what happened in the list, in Cognito's words and after Lanyard's retries (each said
 * under the table while it waits), keeps the
 * rows of before the search visibly stale, and Retry reads it once the pool answers again. A pool of the test's own, so its faults can be scripted.
 */
describe('a Cognito pool that fails to answer', () => {
  const session = previewSession({ page: { viewport: { width: 1024, height: 700 } } })
  let pool: RunningCognitoSandbox

  beforeAll(async () => {
    pool = await startCognitoSandbox({ users: 12 })
  })

  afterAll(async () => {
    await pool?.close()
  })

  it('says Cognito had a problem answering, and Retry lists the users once it answers again', async () => {
    const { app, page, problems } = session
    const { accessKeyId, region, userPoolId, accessSecret } = pool.credentials
    const made = await invokeCall(app, 'profiles.create', {
      connectorId: 'cognito',
      name: 'Cognito failing pool',
      environment: 'sandbox',
      values: { accessKeyId, region, userPoolId, url: pool.url },
      secrets: { accessSecret },
    })
    expect(made.ok).toBe(true)
    await page.reload()
    await openUserList(page, /Cognito failing pool/)

    const person = pool.tenant.users()[3]!
    // Every call from here answers a gateway's 502 until the test clears it: the search and its retries.
    pool.faults.script([{ kind: 'bad_gateway', times: 1000 }])
    await searchUsers(page, person.username, person.username)
    // While Lanyard waits to send it again, the line under the table says so (retries.changed, over the bridge).
    await page.locator('.list-status', { hasText: /^Searching users… · AWS Cognito answered that it is busy: retry [1-3] of 3 in \d+ s\.$/ }).waitFor()
    const failure = page.locator('.directory-list__error')
    await failure.waitFor({ timeout: 30_000 })
    expect(await failure.textContent()).toMatch(/Cognito had a problem answering \(InternalErrorException\)/)
    expect(await failure.textContent()).toMatch(/AWS says: "Bad Gateway"/)
    // The rows still shown are the list of before the search: greyed, and said so under the table.
    await page.locator('.directory-list__rows--stale').waitFor()
    expect(await page.locator('.list-status').textContent()).toBe('The users shown are from before this search, which failed.')
    await screenshotAtReviewSizes(page, 'cognito-list-failing')

    pool.faults.clear()
    await failure.getByRole('button', { name: 'Retry' }).click()
    await page.locator(`[role="row"][data-id="${person.username}"]`).waitFor()
    expect(await failure.count()).toBe(0)
    expect(problems).toEqual([])
  })
})
