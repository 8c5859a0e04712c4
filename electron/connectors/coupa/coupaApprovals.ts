import { isRecord } from '../answerParser'
import { text, type CoupaContext, type CoupaUser } from './coupaTypes'
import { userDisplayName } from './coupaUserMapping'
import { fetchUser } from './coupaUsers'

/*
 * What a help desk must hear before deactivating a Coupa user who approves things (issue 15): their
 * approval limits (A.4: each an ApprovalLimit `{name, amount, currency: {code}}` on the user, the
 * amount a decimal string) and the approval groups they are in (`approval-groups`). Deactivating
 * keeps both on the user, but nobody can act on approvals routed to an inactive user, so the
 * deprovision confirmation says it first, in words: "Dana Reyes approves requisitions up to
 * 100,000.00 USD and is in the approval group Finance".
 */

/** The user's approval-limit attributes (A.4), in the order a person reads them, with what each approves. */
const limitWords: readonly (readonly [string, string])[] = [
  ['requisition-approval-limit', 'approves requisitions'],
  ['requisition-self-approval-limit', 'self-approves requisitions'],
  ['invoice-approval-limit', 'approves invoices'],
  ['invoice-self-approval-limit', 'self-approves invoices'],
  ['contract-approval-limit', 'approves contracts'],
  ['contract-self-approval-limit', 'self-approves contracts'],
  ['work-confirmation-approval-limit', 'approves work confirmations'],
]

/** "100000.00" → "100,000.00": grouped from the decimal string itself, never through a float. */
export function groupedAmount(amount: string): string {
  const [whole = '0', fraction] = amount.trim().split('.')
  const sign = whole.startsWith('-') ? '-' : ''
  const digits = whole.replace(/^-/, '').replace(/^0+(?=\d)/, '')
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`
}

function limitText(value: unknown): string | null {
  if (!isRecord(value)) return null
  const amount = text(value.amount)
  if (!/^-?\d+(\.\d+)?$/.test(amount) || Number(amount) <= 0) return null
  const currency = isRecord(value.currency) ? text(value.currency.code) : ''
  return currency ? `${groupedAmount(amount)} ${currency}` : groupedAmount(amount)
}

function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** One sentence, or none when the user approves nothing. */
export function approvalSentence(user: CoupaUser): string | null {
  const record = user as Record<string, unknown>
  const limits = limitWords.flatMap(([key, words]) => {
    const amount = limitText(record[key])
    return amount ? [`${words} up to ${amount}`] : []
  })
  const groups = (Array.isArray(record['approval-groups']) ? record['approval-groups'] : [])
    .map((group) => (isRecord(group) ? text(group.name) || text(group.id) : ''))
    .filter((name) => name !== '')
  const parts = [...limits]
  if (groups.length > 0) parts.push(`is in the approval group${groups.length === 1 ? '' : 's'} ${listed(groups)}`)
  if (parts.length === 0) return null
  return `${userDisplayName(user)} ${listed(parts)}. Deactivating keeps these on the user, but approvals routed to them wait until someone else is given them.`
}

/** What to say before deactivating this user: one GET of the user, answered in full (limits with their currency). */
export async function deprovisionWarnings(context: CoupaContext, userId: string, signal?: AbortSignal): Promise<string[]> {
  const sentence = approvalSentence(await fetchUser(context, userId, signal))
  return sentence ? [sentence] : []
}
