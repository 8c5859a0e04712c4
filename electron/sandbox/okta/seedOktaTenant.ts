import { randomBytes } from 'node:crypto'
import { base62, createRandom, randomAlphanumerics, type Random } from '../framework/random'
import { companyDirectory, peopleIn } from '../people/companyAccounts'
import type { GeneratedGroup, GeneratedPerson, PersonStatus } from '../people/generateDirectory'
import { timestamp, type OktaGroupRecord, type OktaTenantData, type OktaUserRecord, type OktaUserStatus } from './oktaRecords'

/** A fresh tenant: two admins (full and read-only), Everyone, then the company's people with an Okta account (companyAccounts.ts) and the generated groups. */

const orgCreated = '2017-03-01T16:20:00.000Z'
const domain = 'example.com'

const statusByPerson: Record<PersonStatus, OktaUserStatus> = {
  active: 'ACTIVE',
  staged: 'STAGED',
  pending: 'PROVISIONED',
  suspended: 'SUSPENDED',
  locked: 'LOCKED_OUT',
  deactivated: 'DEPROVISIONED',
}

const appsByDepartment: Record<string, string> = {
  Engineering: 'GitHub',
  Product: 'Jira',
  Design: 'Figma',
  IT: 'AWS Console',
  Sales: 'Salesforce',
  Marketing: 'HubSpot',
  'Customer Success': 'Gainsight',
  Support: 'Zendesk',
  Finance: 'NetSuite',
  People: 'Workday',
}

/** An Okta-looking API token (42 characters); from the OS's randomness, not the seed. */
export function newApiToken(): string {
  return `00${randomBytes(30).toString('base64url')}`
}

export function seedOktaTenant(users: number, seed: string): OktaTenantData {
  const random = createRandom(`okta:${seed}`)
  let sequence = 0
  const newId = (prefix: string) => `${prefix}${base62(sequence++, 6)}${randomAlphanumerics(random, 11)}`
  const userTypeId = `oty${randomAlphanumerics(random, 17)}`
  const org = { id: newId('00o'), companyName: 'Lanyard Sandbox Inc.', subdomain: 'lanyard-sandbox', website: 'https://lanyard-sandbox.example.com', created: orgCreated, userTypeId }

  const admin = adminUser(newId('00u'), userTypeId, 'Sandbox', 'Administrator', `sandbox.admin@${domain}`)
  const auditor = adminUser(newId('00u'), userTypeId, 'Read-only', 'Auditor', `readonly.auditor@${domain}`)
  const everyone: OktaGroupRecord = {
    id: newId('00g'),
    type: 'BUILT_IN',
    created: orgCreated,
    lastUpdated: orgCreated,
    lastMembershipUpdated: orgCreated,
    objectClass: ['okta:user_group'],
    profile: { name: 'Everyone', description: 'All users in your organization' },
    sourceAppId: null,
  }
  const directorySourceAppId = newId('0oa')

  // The company's people who have an Okta account (companyAccounts.ts), keyed by their index in the company.
  const company = companyDirectory({ count: users, seed, domain })
  const people = new Map(peopleIn(company, 'okta').map((person) => [person.index, { person, id: newId('00u') }]))
  const groups = company.groups.map((group) => toGroup(group, newId('00g'), directorySourceAppId))
  const userRecords = [...people.values()].map(({ person, id }) => toUser(person, id, userTypeId, random, people.get(person.managerIndex ?? -1)))
  const memberships: Record<string, string[]> = {}
  company.groups.forEach((group, index) => {
    memberships[(groups[index] as OktaGroupRecord).id] = group.memberIndexes.flatMap((member) => people.get(member)?.id ?? [])
  })
  return {
    nextSequence: sequence,
    org,
    users: [admin, auditor, ...userRecords],
    groups: [everyone, ...groups],
    memberships,
    adminUserId: admin.id,
    readOnlyAdminUserId: auditor.id,
    readOnlyToken: newApiToken(),
  }
}

function adminUser(id: string, typeId: string, firstName: string, lastName: string, login: string): OktaUserRecord {
  return {
    id,
    status: 'ACTIVE',
    created: orgCreated,
    activated: orgCreated,
    statusChanged: orgCreated,
    lastLogin: orgCreated,
    lastUpdated: orgCreated,
    passwordChanged: orgCreated,
    typeId,
    profile: { firstName, lastName, login, email: login, mobilePhone: null, secondEmail: null },
    hasPassword: true,
    recoveryQuestion: null,
    appAssignments: ['Okta Admin Console'],
  }
}

function toUser(person: GeneratedPerson, id: string, typeId: string, random: Random, manager: { person: GeneratedPerson; id: string } | undefined): OktaUserRecord {
  const status = statusByPerson[person.status]
  const created = person.createdAt
  const activatedAt = timestamp(Date.parse(created) + 3_600_000)
  const activated = status === 'STAGED' ? null : activatedAt
  const hasPassword = status !== 'STAGED' && status !== 'PROVISIONED'
  const statusChanged = status === 'STAGED' ? null : status === 'ACTIVE' || status === 'PROVISIONED' ? activatedAt : laterThan(activatedAt, random)
  const lastLogin = person.lastSignInAt
  const lastUpdated = [created, activated, statusChanged, lastLogin].filter((value): value is string => value !== null).sort().at(-1) as string
  const profile: OktaUserRecord['profile'] = {
    firstName: person.firstName,
    lastName: person.lastName,
    mobilePhone: person.mobilePhone,
    secondEmail: null,
    login: person.email,
    email: person.email,
    displayName: person.displayName,
    title: person.title,
    department: person.department,
    division: person.division,
    costCenter: person.costCentre,
    organization: 'Lanyard Sandbox Inc.',
    employeeNumber: person.employeeNumber,
    userType: person.employmentType,
    primaryPhone: person.phone,
    streetAddress: person.streetAddress,
    city: person.city,
    state: person.state,
    zipCode: person.postcode,
    countryCode: person.country,
    timezone: person.timeZone,
    locale: person.locale,
    preferredLanguage: person.locale.split('_')[0] ?? 'en',
    managerId: manager ? manager.person.employeeNumber : null,
    manager: manager ? manager.person.displayName : null,
  }
  if (person.badgeColours) profile.badgeColours = person.badgeColours
  const departmentApp = appsByDepartment[person.department]
  return {
    id,
    status,
    created,
    activated,
    statusChanged,
    lastLogin,
    lastUpdated,
    passwordChanged: hasPassword ? activatedAt : null,
    typeId,
    profile,
    hasPassword,
    recoveryQuestion: null,
    appAssignments: status === 'DEPROVISIONED' || status === 'STAGED' ? [] : ['Google Workspace', 'Slack', ...(departmentApp ? [departmentApp] : [])],
    // Everyone who has signed in has enrolled an authenticator app, for "Reset MFA factors" to reset.
    factors: hasPassword ? ['token:software:totp'] : [],
  }
}

/** Groups from an external directory become read-only APP_GROUPs imported from Active Directory. */
function toGroup(group: GeneratedGroup, id: string, directorySourceAppId: string): OktaGroupRecord {
  const imported = group.kind === 'directory'
  return {
    id,
    type: imported ? 'APP_GROUP' : 'OKTA_GROUP',
    created: orgCreated,
    lastUpdated: orgCreated,
    lastMembershipUpdated: orgCreated,
    objectClass: imported ? ['okta:windows_security_principal'] : ['okta:user_group'],
    profile: imported
      ? {
          name: group.name,
          description: group.description,
          groupType: 'Security',
          groupScope: 'Global',
          samAccountName: group.name,
          dn: `CN=${group.name},OU=Groups,DC=corp,DC=example,DC=com`,
          windowsDomainQualifiedName: `CORP\\${group.name}`,
        }
      : { name: group.name, description: group.description },
    sourceAppId: imported ? directorySourceAppId : null,
  }
}

function laterThan(start: string, random: Random): string {
  const from = Date.parse(start)
  const until = Date.parse('2025-06-30T00:00:00.000Z')
  return timestamp(from + Math.floor(random.next() * Math.max(0, until - from)))
}
