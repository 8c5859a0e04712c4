import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { coupaOAuthScopes } from '../../shared/catalogue/coupaScopes'
import { screenshot } from './support/browser'
import { invokeCall } from './support/previewApp'
import { previewSession } from './support/previewSession'
import { sandboxProfileAccess, type SandboxProfileAccess } from './support/sandboxProfile'

/**
 * A help-desk person sets up Coupa and GoToMeeting the ways those targets sign in now (an OAuth
 * client, a personal access token) and the older ways (an API key, a password), in the form, and
 * lists users with each. The credentials are the sandbox tenants' own, read as their admin would.
 */
describe('signing in to Coupa and GoToMeeting, as a help-desk user sets it up', () => {
  const session = previewSession({ env: { LANYARD_SANDBOX_USERS: '30' } })
  let page: Page
  let problems: string[]
  let coupa: SandboxProfileAccess
  let goTo: SandboxProfileAccess

  // The tests share one page; each sets up a profile with the tenants' own credentials.
  beforeAll(async () => {
    coupa = await sandboxProfileAccess(session.app, 'coupa')
    goTo = await sandboxProfileAccess(session.app, 'gotomeeting')
    ;({ page, problems } = await session.open({ at: '#/profiles' }))
  })

  async function newProfile(target: RegExp, name: string, url: string): Promise<void> {
    await page.goto(`${session.app.url}#/profiles`)
    await page.getByRole('button', { name: 'New profile' }).first().click()
    // The connector picker's link, not the Sandbox profile's in the side bar.
    await page.getByRole('link', { name: target }).filter({ hasNotText: 'Sandbox' }).click()
    await page.getByLabel('Profile name').fill(name)
    await page.getByLabel('Target URL').fill(url)
    // The tenants run on this computer: a Sandbox (a hand-made profile has no environment until one is chosen).
    await page.getByRole('radio', { name: /^Sandbox/ }).check()
  }

  /** Opens the profile's users and returns how many rows it lists. */
  async function listedUsers(name: string): Promise<number> {
    const profiles = (await invokeCall(session.app, 'profiles.list', {})).value as { id: string; name: string }[]
    const profile = profiles.find((candidate) => candidate.name === name)
    if (!profile) throw new Error(`no profile called ${name}`)
    await page.goto(`${session.app.url}#/profiles/${profile.id}/users`)
    await page.locator('[role="grid"] [role="row"][data-id], [role="alert"]').first().waitFor({ timeout: 20_000 })
    expect(await page.getByRole('alert').count(), `${name} lists users without a refusal`).toBe(0)
    return page.locator('[role="grid"] [role="row"][data-id]').count()
  }

  it('Coupa: OAuth client credentials by default, scopes prefilled; the profile lists users', async () => {
    await newProfile(/Coupa/, 'Coupa OAuth', coupa.values.url!)
    expect(await page.getByLabel('Sign in with').inputValue()).toBe('oauth')
    expect(await page.getByLabel('Scopes').inputValue()).toBe(coupaOAuthScopes.join(' '))
    expect(await page.getByLabel('API key').count()).toBe(0)
    await page.getByLabel('Client identifier').fill(coupa.values.clientId!)
    await page.getByLabel('Client secret').fill(coupa.secrets.clientSecret!)
    await screenshot(page, 'sign-in-coupa-oauth-form')
    await page.getByRole('button', { name: 'Create profile' }).click()
    await page.getByRole('listitem', { name: 'Coupa OAuth' }).waitFor()
    expect(await listedUsers('Coupa OAuth')).toBeGreaterThan(0)
  })

  it('Coupa: the legacy API key, chosen in the form, shows only its own field; the profile lists users', async () => {
    await newProfile(/Coupa/, 'Coupa API key', coupa.values.url!)
    await page.getByLabel('Sign in with').selectOption('apiKey')
    expect(await page.getByLabel('Client identifier').count()).toBe(0)
    await page.getByLabel('API key').fill(coupa.secrets.apiKey!)
    await page.getByRole('button', { name: 'Create profile' }).click()
    await page.getByRole('listitem', { name: 'Coupa API key' }).waitFor()
    expect(await listedUsers('Coupa API key')).toBeGreaterThan(0)
  })

  it('GoToMeeting: a personal access token by default, no username or password; the profile lists users', async () => {
    await newProfile(/GoToMeeting/, 'GoTo token', goTo.values.url!)
    expect(await page.getByLabel('Sign in with').inputValue()).toBe('personalAccessToken')
    expect(await page.getByLabel('Username').count()).toBe(0)
    await page.getByLabel('Personal access token').fill(goTo.secrets.personalAccessToken!)
    await page.getByLabel('Client Id').fill(goTo.values.clientId!)
    await page.getByLabel('Client Secret').fill(goTo.secrets.clientSecret!)
    await page.getByLabel('Account key').fill(goTo.values.accountKey!)
    await screenshot(page, 'sign-in-goto-token-form')
    await page.getByRole('button', { name: 'Create profile' }).click()
    await page.getByRole('listitem', { name: 'GoTo token' }).waitFor()
    expect(await listedUsers('GoTo token')).toBeGreaterThan(0)
  })

  it('GoToMeeting: the password grant still works for older OAuth clients', async () => {
    await newProfile(/GoToMeeting/, 'GoTo password', goTo.values.url!)
    await page.getByLabel('Sign in with').selectOption('password')
    expect(await page.getByLabel('Personal access token').count()).toBe(0)
    await page.getByLabel('Username').fill(goTo.values.username!)
    await page.getByLabel(/^Password/).fill(goTo.secrets.password!)
    await page.getByLabel('Client Id').fill(goTo.values.clientId!)
    await page.getByLabel('Client Secret').fill(goTo.secrets.clientSecret!)
    await page.getByLabel('Account key').fill(goTo.values.accountKey!)
    await page.getByRole('button', { name: 'Create profile' }).click()
    await page.getByRole('listitem', { name: 'GoTo password' }).waitFor()
    expect(await listedUsers('GoTo password')).toBeGreaterThan(0)
    expect(problems).toEqual([])
  })
})
