/**
 * The seeded instance's set-up: roles, currencies, charts of accounts, approval-limit amounts and
 * the regional content and account groups people are mapped to. Plain data, read by seedCoupaTenant.
 */

export const instanceCreated = '2016-03-01T09:00:00+00:00'

/** The sandbox's custom properties when none are given: the connector reference's own example. */
export const defaultCustomProperties = 'cost_center|string;new_user|boolean;'

/** Built-in roles (A.4 lists User, Admin, Buyer, Accounts Payable, Central Receiving…) then custom ones. */
export const seededRoles: readonly { name: string; description: string; omnipotent?: boolean; system: boolean }[] = [
  { name: 'Admin', description: 'Full system access to setup and maintain the application', omnipotent: true, system: true },
  { name: 'User', description: 'Standard role for all users who need to create and/or approve requisitions', system: true },
  { name: 'Buyer', description: 'Manages requisitions, purchase orders, suppliers and catalogs', system: true },
  { name: 'Accounts Payable', description: 'Creates, reviews and approves supplier invoices', system: true },
  { name: 'Central Receiving', description: 'Receives goods on behalf of requesters', system: true },
  { name: 'Accounting Supervisor', description: 'Reviews accounting and budget set-up', system: true },
  { name: 'Edit Requisition as Approver', description: 'Lets approvers edit the requisitions they approve', system: true },
  { name: 'Inventory Manager', description: 'Manages warehouses and inventory transactions', system: true },
  { name: 'Approver', description: 'Approves requisitions and invoices routed to them', system: false },
  { name: 'AP Clerk', description: 'Enters supplier invoices for Accounts Payable', system: false },
  { name: 'Expense Approver', description: 'Approves the expense reports of their team', system: false },
  { name: 'Analytics Only', description: 'Reads reports and dashboards, changes nothing', system: false },
]

export const seededCurrencies: readonly { code: string; decimals: number }[] = [
  { code: 'USD', decimals: 2 },
  { code: 'EUR', decimals: 2 },
  { code: 'GBP', decimals: 2 },
  { code: 'CAD', decimals: 2 },
  { code: 'SEK', decimals: 2 },
  { code: 'INR', decimals: 2 },
  { code: 'SGD', decimals: 2 },
  { code: 'JPY', decimals: 0 },
  { code: 'AUD', decimals: 2 },
  { code: 'BRL', decimals: 2 },
  { code: 'KES', decimals: 2 },
]

export const currencyByCountry: Record<string, string> = {
  US: 'USD', CA: 'CAD', GB: 'GBP', IE: 'EUR', DE: 'EUR', FR: 'EUR', ES: 'EUR', SE: 'SEK', IN: 'INR', SG: 'SGD', JP: 'JPY', AU: 'AUD', BR: 'BRL', KE: 'KES',
}

/** A region groups offices: one chart of accounts, one content group and one account group each. */
export interface Region {
  name: string
  countries: readonly string[]
  chartOfAccounts: string
  chartCurrency: string
}

export const regions: readonly Region[] = [
  { name: 'North America', countries: ['US', 'CA'], chartOfAccounts: 'North America COA', chartCurrency: 'USD' },
  { name: 'UK and Ireland', countries: ['GB', 'IE'], chartOfAccounts: 'UK and Ireland COA', chartCurrency: 'GBP' },
  { name: 'Continental Europe', countries: ['DE', 'FR', 'ES', 'SE'], chartOfAccounts: 'Europe COA', chartCurrency: 'EUR' },
  { name: 'Asia Pacific', countries: ['IN', 'SG', 'JP', 'AU'], chartOfAccounts: 'Asia Pacific COA', chartCurrency: 'USD' },
  { name: 'Latin America and Africa', countries: ['BR', 'KE'], chartOfAccounts: 'International COA', chartCurrency: 'USD' },
]

export function regionOf(country: string): Region {
  return regions.find((region) => region.countries.includes(country)) ?? (regions[0] as Region)
}

/** Content groups beyond the regional ones, with the departments whose people are in them. */
export const documentContentGroups: readonly { name: string; description: string; departments: readonly string[] }[] = [
  { name: 'Finance Documents', description: 'Invoices, payments and budgets', departments: ['Finance'] },
  { name: 'Legal Documents', description: 'Contracts and legal holds', departments: ['Legal'] },
  { name: 'IT Purchasing', description: 'Hardware and software purchases', departments: ['IT', 'Engineering'] },
]

/** Account groups by division (the first segment's cost-centre block), besides the regional ones. */
export const divisionAccountGroups: readonly { name: string; division: string; segmentOneValue: string }[] = [
  { name: 'Technology Cost Centers', division: 'Technology', segmentOneValue: 'CC-1*' },
  { name: 'Commercial Cost Centers', division: 'Commercial', segmentOneValue: 'CC-2*' },
  { name: 'Operations Cost Centers', division: 'Operations', segmentOneValue: 'CC-3*' },
  { name: 'Corporate Cost Centers', division: 'Corporate', segmentOneValue: 'CC-4*' },
]

/** User groups that approve, besides the generated "Finance Approvers". */
export const extraApprovalGroups: readonly { name: string; description: string }[] = [
  { name: 'Capex Approvers', description: 'Approve capital expenditure above 25,000 USD' },
  { name: 'IT Purchase Approvers', description: 'Approve hardware and software requests' },
]

export const approvalLimitSubjectNames = ['Requisition', 'Invoice', 'Contract', 'Work Confirmation'] as const
export const approvalLimitAmounts = ['500.00', '5000.00', '25000.00', '100000.00', '1000000.00'] as const

/** Short department codes for the second account segment. */
export const departmentCodes: Record<string, string> = {
  Engineering: 'ENG', Product: 'PRD', Design: 'DSN', IT: 'ITS', Sales: 'SLS', Marketing: 'MKT', 'Customer Success': 'CSM', Support: 'SUP', Operations: 'OPS', Finance: 'FIN', Legal: 'LGL', People: 'PPL',
}

/** `en_US` → `en`, `en_GB` → `en-GB`, `pt_BR` → `pt-BR`, `de_DE` → `de`: the forms of A.4's locale list. */
export function coupaLocale(locale: string): string {
  const [language = 'en', region = ''] = locale.split('_')
  if (language === 'en') return region === 'US' || region === '' ? 'en' : `en-${region}`
  if (language === 'pt' || language === 'zh') return `${language}-${region}`
  return language
}
