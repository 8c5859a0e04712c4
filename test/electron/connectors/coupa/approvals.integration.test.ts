import { describe, expect, it } from 'vitest'
import { groupedAmount } from '../../../../electron/connectors/coupa/coupaApprovals'
import { coupaHarness } from './coupaSandboxHarness'

type Json = Record<string, unknown>

/** The user as Coupa's own API answers it (the target's state, read past the connector). */
async function userFromApi(url: string, apiKey: string, id: number): Promise<Json> {
  const answer = await fetch(`${url}/api/users/${id}`, { headers: { 'X-COUPA-API-KEY': apiKey, Accept: 'application/json' } })
  return (await answer.json()) as Json
}

describe('Coupa: what a deprovision of an approver says first', () => {
  it("names the user's approval limits with their currency and their approval groups, in one GET", async () => {
    const { connector, tenant, sandbox, apiKey, requests, mark } = await coupaHarness()
    const approver = tenant.users().find((user) => user.fields.active === true && user.approvalLimits['requisition-approval-limit'] != null)!
    const fromApi = await userFromApi(sandbox.url, apiKey, approver.id)
    const limit = fromApi['requisition-approval-limit'] as { amount: string; currency: { code: string } }
    const groups = (fromApi['approval-groups'] as { name: string }[]).map((group) => group.name)
    mark()
    const [sentence, ...more] = await connector.deprovisionWarnings!(String(approver.id))
    expect(more).toEqual([])
    expect(sentence).toContain(`${approver.fields.firstname} ${approver.fields.lastname} approves requisitions up to ${groupedAmount(limit.amount)} ${limit.currency.code}`)
    for (const group of groups) expect(sentence).toContain(group)
    if (groups.length > 0) expect(sentence).toMatch(/is in the approval groups? /)
    expect(requests().map((request) => `${request.method} ${request.path.split('?')[0]}`)).toEqual([`GET /api/users/${approver.id}`])
  })

  it('says nothing for a user who approves nothing', async () => {
    const { connector, tenant, sandbox, apiKey } = await coupaHarness()
    const candidates = tenant.users().filter((user) => user.fields.active === true && Object.values(user.approvalLimits).every((id) => id == null))
    for (const user of candidates) {
      const fromApi = await userFromApi(sandbox.url, apiKey, user.id)
      if ((fromApi['approval-groups'] as unknown[]).length > 0) continue
      expect(await connector.deprovisionWarnings!(String(user.id))).toEqual([])
      return
    }
    throw new Error('The seed has no active user without approvals.')
  })

  it('groups an amount from its decimal string, never through a float', () => {
    expect(groupedAmount('100000.00')).toBe('100,000.00')
    expect(groupedAmount('999.5')).toBe('999.5')
    expect(groupedAmount('12345678901234567890.01')).toBe('12,345,678,901,234,567,890.01')
    expect(groupedAmount('0001000')).toBe('1,000')
  })
})
