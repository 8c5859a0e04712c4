import { parseCustomProperties } from '../../../shared/catalogue/customProperties'
import { createRandom, type Random } from '../framework/random'
import { companyDirectory, peopleIn } from '../people/companyAccounts'
import type { GeneratedPerson } from '../people/generateDirectory'
import { blankUserRecord, coupaTimestamp, type CoupaApprovalLimitRecord, type CoupaTenantData, type CoupaUserRecord, type IdKind } from './coupaRecords'
import {
  approvalLimitAmounts,
  approvalLimitSubjectNames,
  coupaLocale,
  currencyByCountry,
  departmentCodes,
  divisionAccountGroups,
  documentContentGroups,
  extraApprovalGroups,
  instanceCreated,
  regionOf,
  regions,
  seededCurrencies,
  seededRoles,
} from './coupaSetup'
import { approvalLimitName } from './userReferences'
import { mentionNameFrom } from './userScalarRules'

/**
 * A fresh instance: Coupa's support user and the API user the key belongs to, the set-up
 * (coupaSetup.ts), then the company's people who have a Coupa account (companyAccounts.ts) as
 * users, their login the one the company gives (`first.last`, or `flast` for a share). Same seed
 * and count, same instance.
 */
export function seedCoupaTenant(count: number, seed: string, customProperties: string): CoupaTenantData {
  const random = createRandom(`coupa:${seed}`)
  const nextIds: Record<IdKind, number> = { users: 1, roles: 1, contentGroups: 1, userGroups: 1, accountGroups: 1, accountTypes: 1, currencies: 1, approvalLimits: 1, addresses: 1, accounts: 1 }
  const newId = (kind: IdKind) => nextIds[kind]++
  const stamped = <T>(fields: T) => ({ ...fields, createdAt: instanceCreated, updatedAt: instanceCreated })

  const currencies = seededCurrencies.map((currency) => ({ id: newId('currencies'), ...currency }))
  const currencyId = (code: string) => (currencies.find((currency) => currency.code === code) ?? (currencies[0] as { id: number })).id
  const roles = seededRoles.map((role) => stamped({ id: newId('roles'), name: role.name, description: role.description, omnipotent: role.omnipotent ?? false, systemRole: role.system }))
  const roleId = (name: string) => (roles.find((role) => role.name === name) as { id: number }).id
  const accountTypes = regions.map((region) => stamped({ id: newId('accountTypes'), name: region.chartOfAccounts, currencyId: currencyId(region.chartCurrency), active: true }))
  const contentGroups = [
    stamped({ id: newId('contentGroups'), name: 'Everyone', description: 'All users can see documents assigned to this group' }),
    ...regions.map((region) => stamped({ id: newId('contentGroups'), name: region.name, description: `Documents of the ${region.name} offices` })),
    ...documentContentGroups.map((group) => stamped({ id: newId('contentGroups'), name: group.name, description: group.description })),
  ]
  const contentGroupId = (name: string) => (contentGroups.find((group) => group.name === name) as { id: number }).id
  const accountGroups = [
    ...regions.map((region, index) => stamped({ id: newId('accountGroups'), name: `${region.name} Accounts`, accountGroupType: 1, accountTypeId: (accountTypes[index] as { id: number }).id, segmentOneValue: '*' })),
    ...divisionAccountGroups.map((group) => stamped({ id: newId('accountGroups'), name: group.name, accountGroupType: 2, accountTypeId: (accountTypes[0] as { id: number }).id, segmentOneValue: group.segmentOneValue })),
  ]
  const approvalLimits: CoupaApprovalLimitRecord[] = approvalLimitSubjectNames.flatMap((subject) =>
    approvalLimitAmounts.map((amount) => stamped({ id: newId('approvalLimits'), name: approvalLimitName('USD', amount, subject), amount, subject, currencyId: currencyId('USD') })),
  )
  const limitId = (subject: string, amount: string) => (approvalLimits.find((limit) => limit.subject === subject && limit.amount === amount) as { id: number }).id

  const support = systemUser(newId('users'), 'coupasupport', 'Coupa', 'Support', 'upgrade+coupasupport@coupa.com', [roleId('Admin'), roleId('User')])
  const apiUser = systemUser(newId('users'), 'lanyard.api', 'Lanyard', 'API', 'lanyard.api@example.com', [roleId('Admin')])
  apiUser.fields['api-user'] = true
  apiUser.createdById = support.id
  apiUser.updatedById = support.id

  // The company's people who have a Coupa account (companyAccounts.ts); ids are given in company order, so index → id is a map.
  const generated = companyDirectory({ count, seed, domain: 'example.com' })
  const people = peopleIn(generated, 'coupa')
  const firstUserId = nextIds.users
  const idOf = new Map(people.map((person, position) => [person.index, firstUserId + position]))
  const managers = new Set(generated.people.map((person) => person.managerIndex).filter((index) => index !== null))
  const mentionNames = new Set<string>()
  const users = people.map((person) => {
    const user = toUser(person, newId('users'), random, newId, mentionNames)
    user.managerId = person.managerIndex === null ? null : (idOf.get(person.managerIndex) ?? null)
    user.createdById = support.id
    user.updatedById = support.id
    const region = regionOf(person.country)
    user.defaultCurrencyId = currencyId(currencyByCountry[person.country] ?? 'USD')
    user.contentGroupIds = [contentGroupId(region.name), ...documentContentGroups.filter((group) => group.departments.includes(person.department)).map((group) => contentGroupId(group.name))]
    if (person.managerIndex === null) user.contentGroupIds.unshift(contentGroupId('Everyone'))
    user.roleIds = rolesFor(person, managers.has(person.index), random).map(roleId)
    if (user.defaultAccount) {
      const regionIndex = regions.indexOf(region)
      user.defaultAccount.accountTypeId = (accountTypes[regionIndex] as { id: number }).id
      user.defaultAccountTypeId = user.defaultAccount.accountTypeId
      // Most people draw on their region's accounts; some on none (account-security-type 1, CONNECTORS.md §2's rule).
      if (random.chance(0.8)) {
        user.accountGroupIds = [(accountGroups[regionIndex] as { id: number }).id]
        const division = divisionAccountGroups.findIndex((group) => group.division === person.division)
        if (division >= 0 && random.chance(0.3)) user.accountGroupIds.push((accountGroups[regions.length + division] as { id: number }).id)
      }
      user.fields['account-security-type'] = user.accountGroupIds.length > 0 ? 2 : 1
    }
    assignApprovalLimits(user, person, managers.has(person.index), limitId)
    user.customFields = customFieldsFor(person, customProperties)
    return user
  })

  const userGroups = [
    ...generated.groups.map((group) =>
      stamped({
        id: newId('userGroups'),
        name: group.name,
        description: group.description,
        active: true,
        canApprove: group.name === 'Finance Approvers',
        open: group.kind === 'team',
        mentionName: mentionNameFrom(group.name, ''),
        ownerId: group.kind === 'department' && group.memberIndexes[0] !== undefined ? (idOf.get(group.memberIndexes[0]) ?? null) : null,
      }),
    ),
    ...extraApprovalGroups.map((group) =>
      stamped({ id: newId('userGroups'), name: group.name, description: group.description, active: true, canApprove: true, open: false, mentionName: mentionNameFrom(group.name, ''), ownerId: null }),
    ),
  ]
  const userOf = new Map(people.map((person, position) => [person.index, users[position] as CoupaUserRecord]))
  generated.groups.forEach((group, index) => {
    for (const member of group.memberIndexes) userOf.get(member)?.userGroupIds.push((userGroups[index] as { id: number }).id)
  })
  const capex = userGroups.find((group) => group.name === 'Capex Approvers') as { id: number }
  const itPurchase = userGroups.find((group) => group.name === 'IT Purchase Approvers') as { id: number }
  people.forEach((person, position) => {
    if (person.managerIndex === null) users[position]?.userGroupIds.push(capex.id)
    if (person.department === 'IT' && managers.has(person.index)) users[position]?.userGroupIds.push(itPurchase.id)
  })

  const everyone = [support, apiUser, ...users]
  return { customProperties, nextIds, supportUserId: support.id, apiUserId: apiUser.id, users: everyone, roles, contentGroups, userGroups, accountGroups, accountTypes, currencies, approvalLimits }
}

function systemUser(id: number, login: string, firstname: string, lastname: string, email: string, roleIds: number[]): CoupaUserRecord {
  const user = blankUserRecord(instanceCreated, null)
  Object.assign(user.fields, { login, email, firstname, lastname, 'default-locale': 'en', 'mention-name': mentionNameFrom(firstname, lastname) })
  return { ...user, id, roleIds }
}

function toUser(person: GeneratedPerson, id: number, random: Random, newId: (kind: IdKind) => number, mentionNames: Set<string>): CoupaUserRecord {
  const finance = person.department === 'Finance'
  const operations = person.department === 'Operations'
  const head = person.managerIndex === null
  const saml = random.chance(0.85)
  const departmentCode = departmentCodes[person.department] ?? 'GEN'
  let mentionName = mentionNameFrom(person.firstName, person.lastName)
  for (let suffix = 2; mentionNames.has(mentionName); suffix++) mentionName = `${mentionNameFrom(person.firstName, person.lastName)}${suffix}`
  mentionNames.add(mentionName)
  const user = blankUserRecord(person.createdAt.replace(/\.\d{3}Z$/, '+00:00'), null)
  Object.assign(user.fields, {
    'updated-at': coupaTimestamp(Math.max(Date.parse(person.createdAt), Date.parse(person.lastSignInAt ?? person.createdAt))),
    login: person.username,
    email: person.email,
    firstname: person.firstName,
    lastname: person.lastName,
    'employee-number': person.employeeNumber,
    'purchasing-user': person.employmentType === 'Employee' || random.chance(0.5),
    'expense-user': person.employmentType === 'Employee' && random.chance(0.8),
    'sourcing-user': operations || (finance && random.chance(0.5)),
    'inventory-user': operations && random.chance(0.5),
    'contracts-user': person.department === 'Legal' || head,
    'analytics-user': finance || head,
    // Coupa has only active and inactive: people suspended, locked or deactivated elsewhere are inactive here.
    active: !['suspended', 'locked', 'deactivated'].includes(person.status),
    'authentication-method': saml ? 'saml' : 'coupa_credentials',
    'sso-identifier': saml ? person.email : null,
    'default-locale': coupaLocale(person.locale),
    'business-group-security-type': 1,
    'edit-invoice-on-quick-entry': finance,
    'avatar-thumb-url': random.chance(0.4) ? `/attachments/avatars/${id}/thumb.jpg` : null,
    'mention-name': mentionName,
  })
  user.id = id
  if (random.chance(0.95)) {
    user.defaultAddress = {
      id: newId('addresses'),
      name: `${person.city} Office`,
      'location-code': `${person.country}-${person.city.slice(0, 3).toUpperCase()}`,
      street1: person.streetAddress,
      street2: null,
      city: person.city,
      state: person.state,
      'postal-code': person.postcode,
      attention: null,
      countryCode: person.country,
    }
  }
  if (random.chance(0.9)) {
    const code = `${person.costCentre}-${departmentCode}`
    user.defaultAccount = { id: newId('accounts'), name: `${person.costCentre} ${person.department}`, code, 'segment-1': person.costCentre, 'segment-2': departmentCode, active: true, accountTypeId: null }
  }
  return user
}

function rolesFor(person: GeneratedPerson, hasReports: boolean, random: Random): string[] {
  const roles = ['User']
  if (person.managerIndex === null && person.department === 'IT') roles.push('Admin')
  if (person.title === 'Procurement Specialist' || (person.department === 'Operations' && random.chance(0.3))) roles.push('Buyer')
  if (person.title === 'Accounts Payable Clerk') roles.push('AP Clerk')
  if (person.department === 'Finance' && hasReports) roles.push('Accounts Payable', 'Accounting Supervisor')
  if (person.title === 'Facilities Coordinator') roles.push('Inventory Manager', 'Central Receiving')
  if (hasReports) roles.push('Approver', 'Edit Requisition as Approver')
  if (hasReports && random.chance(0.5)) roles.push('Expense Approver')
  if (random.chance(0.03)) roles.push('Analytics Only')
  return roles
}

function assignApprovalLimits(user: CoupaUserRecord, person: GeneratedPerson, hasReports: boolean, limitId: (subject: string, amount: string) => number): void {
  const head = person.managerIndex === null
  if (head) user.approvalLimits['requisition-approval-limit'] = limitId('Requisition', '100000.00')
  else if (hasReports) user.approvalLimits['requisition-approval-limit'] = limitId('Requisition', '25000.00')
  if (hasReports) user.approvalLimits['requisition-self-approval-limit'] = limitId('Requisition', '500.00')
  if (person.department === 'Finance') user.approvalLimits['invoice-approval-limit'] = limitId('Invoice', head ? '1000000.00' : hasReports ? '100000.00' : '25000.00')
  if (person.title === 'Accounts Payable Clerk') user.approvalLimits['invoice-self-approval-limit'] = limitId('Invoice', '500.00')
  if (person.department === 'Legal') user.approvalLimits['contract-approval-limit'] = limitId('Contract', head ? '1000000.00' : '100000.00')
  if (person.department === 'Legal' && hasReports) user.approvalLimits['contract-self-approval-limit'] = limitId('Contract', '5000.00')
  if (person.department === 'Operations' && hasReports) user.approvalLimits['work-confirmation-approval-limit'] = limitId('Work Confirmation', '5000.00')
}

const recentSince = Date.parse('2025-01-01T00:00:00.000Z')

/** `default-user-cost-center` always; the instance's own properties by name, unknown ones empty. */
function customFieldsFor(person: GeneratedPerson, customProperties: string): Record<string, string | boolean | null> {
  const fields: Record<string, string | boolean | null> = { 'default-user-cost-center': person.costCentre }
  for (const { name, type } of parseCustomProperties(customProperties).properties) {
    if (name === 'cost_center') fields[name] = person.costCentre
    else if (name === 'new_user') fields[name] = Date.parse(person.createdAt) >= recentSince
    else fields[name] = type === 'boolean' ? false : null
  }
  return fields
}
