import { describe, expect, it } from 'vitest'
import { seriousViolations } from './support/accessibility'
import { screenshot } from './support/browser'
import { previewSession } from './support/previewSession'
import { coupaApi, type CoupaUser } from './support/tenantApis'
import { openUserList, openUserPanel } from './support/userList'

interface WithFacts extends CoupaUser {
  'account-security-type': number | null
  'default-currency': { code: string } | null
  'requisition-approval-limit': { amount: string } | null
  'custom-fields': Record<string, unknown> | null
}

/**
 * Issue 15, the Coupa panel, in Chromium at both review sizes, light and dark: one place per fact
 * (approval and account groups only in their sections, the cost centre once, no edit box repeating a
 * section), words for codes, and approval limits with their currency. The facts are Coupa's own,
 * read from its API.
 */
describe("the Coupa user's panel", () => {
  const session = previewSession({ env: { LANYARD_SANDBOX_USERS: '120' }, sandbox: 'coupa' })
  const askCoupa = coupaApi(() => session.tenant)

  const runs = [
    { size: { width: 1024, height: 700 }, theme: 'dark' as const },
    { size: { width: 1440, height: 900 }, theme: 'light' as const },
  ]

  for (const { size, theme } of runs) {
    it(`${size.width}×${size.height}, ${theme}: each fact once, codes in words, limits with their currency`, async () => {
      const users = await askCoupa<WithFacts[]>('/api/users?active=true&limit=50')
      const person = users.find((user) => user.login.includes('.') && user['requisition-approval-limit'] && user['account-security-type'] === 2)
      expect(person, 'a seeded approver with account groups').toBeDefined()
      const { login, firstname, lastname } = person!
      const currency = person!['default-currency']?.code ?? ''
      const amount = Number(person!['requisition-approval-limit']!.amount).toLocaleString('en-US', { minimumFractionDigits: 2 })

      const { page, problems } = await session.open({ viewport: size, colorScheme: theme })
      await openUserList(page, /Coupa Sandbox/)
      const panel = await openUserPanel(page, { search: login, id: person!.id, name: `${firstname} ${lastname}` })
      await panel.locator('.attribute-list').waitFor()

      expect(await panel.locator('.attribute[data-path="Extension.ApprovalGroups"], .attribute[data-path="Extension.AccountGroups"]').count()).toBe(0)
      expect(await panel.locator('[data-section="groupsOf:user-groups"]').count()).toBe(1)
      expect(await panel.locator('.attribute[data-path="Extension.accountSecurityType"] dd').textContent()).toBe('Limited to their account groups (2)')
      // The value, then the note Coupa's approval limit record carries.
      expect(await panel.locator('.attribute[data-path="Extension.requisitionApprovalLimit"] dd').textContent()).toMatch(new RegExp(`^${amount.replace(/[.,]/g, '\\$&')} ${currency}`))
      const costCentres = await panel.locator('.attribute dt').filter({ hasText: /^Cost cent(er|re)$/ }).count()
      expect(costCentres).toBe(1)
      expect(await seriousViolations(page)).toEqual([])
      await screenshot(page, `coupa-panel-${theme}-${size.width}`)

      await panel.getByRole('button', { name: 'Edit', exact: true }).click()
      const form = panel.locator('form.edit-form')
      await form.waitFor()
      expect(await form.locator('[data-path="Extension.AccountGroups"], [data-path="Extension.ApprovalGroups"]').count()).toBe(0)
      expect(await form.textContent()).not.toMatch(/two steps|finds or makes|security type 2/)
      await screenshot(page, `coupa-edit-${theme}-${size.width}`)
      expect(problems).toEqual([])
      await page.context().close()
    })
  }
})
