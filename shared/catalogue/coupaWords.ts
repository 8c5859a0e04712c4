import type { AttributeValue, Attributes } from '../attributes'
import { accountSecurityType } from './coupaRules'

/*
 * Coupa's codes and amounts as a help desk reads them (issue 15: "Account security type 2" and
 * limits without a currency). The code stays in brackets, so it can still be matched to Coupa's
 * own screens.
 */

const accountSecurityWords: Readonly<Record<string, string>> = {
  0: 'Any account',
  1: 'Their default chart of accounts only',
  2: 'Limited to their account groups',
}
const businessGroupSecurityWords: Readonly<Record<string, string>> = {
  0: 'Any content group',
  1: 'Limited to their content groups',
}

const amountFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** An approval limit with the user's default currency: "100,000.00 GBP". */
function amountWords(value: AttributeValue, currency: AttributeValue | undefined): string | undefined {
  const amount = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN
  if (!Number.isFinite(amount)) return undefined
  const code = typeof currency === 'string' && currency.trim() !== '' ? ` ${currency.trim()}` : " (the user's default currency)"
  return `${amountFormat.format(amount)}${code}`
}

/** How the panel says one of a Coupa user's values, or undefined to show it as it is. */
export function describeCoupaUserValue(path: string, value: AttributeValue, attributes: Attributes): string | undefined {
  if (value === null || value === undefined) return undefined
  if (path === accountSecurityType || path === 'Extension.businessGroupSecurityType') {
    const words = (path === accountSecurityType ? accountSecurityWords : businessGroupSecurityWords)[String(value)]
    return words ? `${words} (${String(value)})` : undefined
  }
  if (/^Extension\.\w+ApprovalLimit$/.test(path)) return amountWords(value, attributes['Extension.defaultCurrency'])
  return undefined
}

/** Field notes in a help desk's words, not the rule's mechanics. */
export const coupaNotes = {
  approvalLimit: "An amount such as 2500.00, in the user's default currency.",
  segment: 'Saved once the default chart of accounts is set.',
  chartOfAccounts: 'Limits the accounts the user can charge: to their account groups if they have any, otherwise to this chart of accounts.',
} as const
