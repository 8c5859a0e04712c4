import type { AttributeValue, Attributes } from '../attributes'

/*
 * Coupa's computed account-security-type (CONNECTORS.md §2, "account-security-type is computed on
 * create/update"), as one pure function: the form shows its result before saving and the adapter
 * sends the same value.
 *
 * "The default account type name" of the rule is `Extension.defaultChartOfAccountsName`: Coupa calls
 * a chart of accounts an account type (coupa-gotomeeting.md A.4, `default-account-type`), and that
 * is the one attribute of the mapping that names it (its row writes `default-account.name`).
 */

export const chartOfAccountsName = 'Extension.defaultChartOfAccountsName'
export const accountGroups = 'Extension.AccountGroups'
export const accountSecurityType = 'Extension.accountSecurityType'

function isSet(value: AttributeValue | undefined): boolean {
  if (value === undefined || value === null) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0
  return true
}

/**
 * Given a user's attributes as they will be after the change: 2 when the chart of accounts name is
 * set and the user has account groups, 1 when it is set and they have none; nothing (unchanged)
 * when it is not set.
 */
export function deriveCoupaUserAttributes(attributes: Attributes): Attributes {
  if (!isSet(attributes[chartOfAccountsName])) return {}
  return { [accountSecurityType]: isSet(attributes[accountGroups]) ? 2 : 1 }
}
