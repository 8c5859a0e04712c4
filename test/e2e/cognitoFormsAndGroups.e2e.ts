import { AdminGetUserCommand, ListGroupsCommand, ListUsersCommand, type UserType } from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { seriousViolations } from './support/accessibility'
import { screenshot } from './support/browser'
import { previewSession } from './support/previewSession'
import { expectSecretsNowhere } from './support/sandboxProfile'
import { useCognitoPool } from './support/tenantApis'
import { openUserList, searchUsers } from './support/userList'

/**
 * Issue 15, "A UI that holds", on the Cognito sandbox in Chromium at both review sizes, light and
 * dark: the Name column shows the person's name and the Username column the username; the panel
 * shows the memberships first and no standard attribute under Custom; Edit gives a person a name
 * and a locale from the pool's schema; the picker adds two groups by keyboard with one
 * confirmation. Every change is checked with the AWS SDK against the pool, as an AWS admin would.
 */
describe('Cognito forms from the pool schema, and group changes', () => {
  const session = previewSession({ env: { LANYARD_SANDBOX_USERS: '120' }, sandbox: 'cognito' })
  const pool = useCognitoPool(() => session.tenant)
  const attributesOf = async (username: string) =>
    Object.fromEntries(((await pool.aws.send(new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: username }))).UserAttributes ?? []).map((a) => [a.Name!, a.Value ?? '']))
  const groupsOf = (username: string) => pool.groupsOf(username)
  const attribute = (user: UserType, name: string) => user.Attributes?.find((candidate) => candidate.Name === name)?.Value ?? ''

  /** Schema attributes a seeded person may lack, their pool names and a value to give. */
  const addable = [
    { path: 'website', name: 'website', value: 'https://example.com/me' },
    { path: 'nickName', name: 'nickname', value: 'Sunny' },
    { path: 'locale', name: 'locale', value: 'en_GB' },
    { path: 'Extension.Custom.custom:employee_id', name: 'custom:employee_id', value: 'E-4711' },
  ]

  const runs = [
    { size: { width: 1024, height: 700 }, theme: 'light' as const, index: 3 },
    { size: { width: 1440, height: 900 }, theme: 'dark' as const, index: 4 },
  ]

  for (const { size, theme, index } of runs) {
    it(`${size.width}×${size.height}, ${theme}: columns, sections, a name and a locale from the schema, two groups in one confirmation`, async () => {
      const listed = (await pool.aws.send(new ListUsersCommand({ UserPoolId: pool.userPoolId, Limit: 60, Filter: 'status = "Enabled"' }))).Users ?? []
      const person = listed.filter((user) => attribute(user, 'given_name') !== '' && /^[a-z]+\.[a-z]+$/.test(user.Username!))[index]!
      const username = person.Username!
      const fullName = `${attribute(person, 'given_name')} ${attribute(person, 'family_name')}`
      const held = await groupsOf(username)
      const allGroups = ((await pool.aws.send(new ListGroupsCommand({ UserPoolId: pool.userPoolId, Limit: 60 }))).Groups ?? []).map((group) => group.GroupName!)
      const toAdd = allGroups.filter((name) => !held.includes(name)).sort().slice(0, 2)
      expect(toAdd).toHaveLength(2)

      const { page, problems } = await session.open({ viewport: size, colorScheme: theme })
      await openUserList(page, /Cognito Sandbox/)
      const row = await searchUsers(page, username, username)
      await row.waitFor()
      // The Name column holds the person's name, the Username column the username.
      const cells = await row.locator('[role="gridcell"]').allTextContents()
      expect(cells[0]?.trim()).toBe(fullName)
      expect(cells[1]?.trim()).toBe(username)
      await screenshot(page, `cognito-list-columns-${theme}-${size.width}`)
      await row.click()

      const panel = page.getByRole('complementary', { name: fullName })
      await panel.locator('.memberships').first().waitFor()
      // Memberships first, above the attributes; no standard attribute or sub under Custom.
      expect(await panel.locator('.memberships, .attribute-list').evaluateAll((found) => found.map((element) => element.className.split(' ')[0]))).toEqual(['memberships', 'attribute-list'])
      const custom = panel.getByRole('region', { name: 'Custom' })
      if ((await custom.count()) > 0) expect(await custom.locator('dt').allTextContents()).not.toEqual(expect.arrayContaining(['Given name', 'Family name', 'Sub', 'Locale']))
      expect(await panel.locator('.attribute[data-path="name.givenName"] dd').textContent()).toBe(attribute(person, 'given_name'))
      await screenshot(page, `cognito-panel-${theme}-${size.width}`)

      // Edit: a new given name, and a locale added from the pool's schema, by keyboard.
      await panel.getByRole('button', { name: 'Edit' }).click()
      const form = panel.locator('form.edit-form')
      await expect.poll(() => form.locator('#edit-add-attribute').count()).toBe(1)
      expect(await form.locator('[data-path="Extension.IsPasswordPermanent"]').count()).toBe(0)
      expect(await form.locator('#edit-meta-sub').getAttribute('readonly')).not.toBeNull()
      await form.locator('#edit-name-givenName').fill(`${attribute(person, 'given_name')}a`)
      // An attribute this person does not have yet: the pool's schema offers it.
      const choices = await form.locator('#edit-add-attribute option').evaluateAll((options) => options.map((option) => option.getAttribute('value') ?? ''))
      const added = addable.find((candidate) => choices.includes(candidate.path))!
      expect(added, choices.join(', ')).toBeDefined()
      await form.locator('#edit-add-attribute').selectOption(added.path)
      await form.locator('#edit-add-attribute').press('Enter')
      await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe(`edit-${added.path.replace(/[^a-zA-Z0-9_-]/g, '-')}`)
      await page.keyboard.type(added.value)
      found(await seriousViolations(page), 'edit form')
      await screenshot(page, `cognito-edit-${theme}-${size.width}`)
      await form.getByRole('button', { name: 'Save…' }).click()
      await page.getByRole('dialog').getByRole('button', { name: /Save/ }).click()
      await expect.poll(async () => (await attributesOf(username))[added.name]).toBe(added.value)
      expect((await attributesOf(username)).given_name).toBe(`${attribute(person, 'given_name')}a`)

      // Two groups, by keyboard, one confirmation.
      // The pool's `name` attribute names the panel, so a new given name may leave its heading as it was.
      const renamed = page.locator('aside.object-panel')
      const section = renamed.locator('.memberships').first()
      await section.getByRole('button', { name: 'Add to group…' }).click()
      const search = section.getByRole('combobox')
      await expect.poll(() => page.locator(':focus').getAttribute('role')).toBe('combobox')
      // The picker opens inside the window.
      const box = await section.locator('.picker__box').boundingBox()
      expect(box && box.y >= 0 && box.y + Math.min(box.height, 200) <= size.height).toBe(true)
      for (const name of toAdd) {
        await search.fill(name)
        await section.locator('.picker__choice', { hasText: name }).first().waitFor()
        await expect.poll(() => section.locator('.picker__choice').first().textContent()).toContain(name)
        await search.press('ArrowDown')
        await search.press('Enter')
      }
      expect(await section.locator('.picker__chip').allTextContents()).toHaveLength(2)
      found(await seriousViolations(page), 'picker')
      await screenshot(page, `cognito-picker-${theme}-${size.width}`)
      await search.press('Control+Enter')
      const dialog = page.getByRole('dialog')
      for (const name of toAdd) await dialog.getByText(name, { exact: true }).waitFor()
      await screenshot(page, `cognito-picker-confirm-${theme}-${size.width}`)
      await dialog.getByRole('button', { name: 'Add to 2 groups' }).click()
      await expect.poll(() => groupsOf(username)).toEqual([...held, ...toAdd].sort())
      for (const name of toAdd) await section.locator('.membership', { hasText: name }).first().waitFor()

      await expectSecretsNowhere(session.app, page, Object.values(session.access.secrets))
      expect(problems).toEqual([])
      await page.context().close()
    })
  }

  it('1024×700, dark: the New user form has name fields, and the pool holds the name given there', async () => {
    const { page, problems } = await session.open({ viewport: { width: 1024, height: 700 }, colorScheme: 'dark' })
    await page.getByRole('link', { name: /Cognito Sandbox/ }).first().click()
    await page.getByRole('button', { name: 'New user' }).click()
    const form = page.locator('form.create-panel__form')
    await expect.poll(() => form.locator('#create-add-attribute').count()).toBe(1)
    await form.locator('#create-userName').fill('ada.e2e')
    await form.locator('#create-emails-0--value').fill('ada.e2e@example.com')
    await form.locator('#create-name-givenName').fill('Ada')
    await form.locator('#create-name-familyName').fill('Lovelace')
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, 'cognito-new-user-dark-1024')
    await form.getByRole('button', { name: /Create user/ }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Create user' }).click()
    await expect.poll(async () => (await attributesOf('ada.e2e').catch(() => ({}) as Record<string, string>)).given_name).toBe('Ada')
    expect((await attributesOf('ada.e2e')).family_name).toBe('Lovelace')
    expect(problems).toEqual([])
    await page.context().close()
  })
})

function found(violations: string[], where: string): void {
  expect(violations, where).toEqual([])
}
