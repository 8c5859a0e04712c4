import { createRandom, randomAlphanumerics, randomUuid, type Random } from '../framework/random'
import { companyDirectory, peopleIn } from '../people/companyAccounts'
import type { GeneratedGroup, GeneratedPerson, PersonStatus } from '../people/generateDirectory'
import type { CognitoGroupRecord, CognitoTenantData, CognitoUserRecord, CognitoUserStatus } from './cognitoRecords'
import { defaultPasswordPolicy } from './passwordPolicy'

/**
 * A fresh pool from the company's people who have a Cognito account (companyAccounts.ts) and the
 * generated groups. The pool is set up as a common admin-managed pool (see describeUserPool):
 * Username = the person's email local part (`first.last`), or for a share of people a generated id
 * (a UUID) given by the app that created them; the email is always a verified sign-in alias. People who have not yet set a password are FORCE_CHANGE_PASSWORD (no
 * one is UNCONFIRMED: only admins create users in this pool), a locked person must reset
 * (RESET_REQUIRED), suspended and deactivated people are disabled.
 */

const poolCreated = Date.parse('2019-02-11T10:00:00.000Z')
export const defaultRegion = 'eu-west-1'

const statusByPerson: Record<PersonStatus, { status: CognitoUserStatus; enabled: boolean }> = {
  active: { status: 'CONFIRMED', enabled: true },
  staged: { status: 'FORCE_CHANGE_PASSWORD', enabled: true },
  pending: { status: 'FORCE_CHANGE_PASSWORD', enabled: true },
  suspended: { status: 'CONFIRMED', enabled: false },
  locked: { status: 'RESET_REQUIRED', enabled: true },
  deactivated: { status: 'CONFIRMED', enabled: false },
}

export function seedCognitoTenant(users: number, seed: string, region = defaultRegion): CognitoTenantData {
  const random = createRandom(`cognito:${seed}`)
  const accountId = digits(random, 12)
  // The company's people who have a Cognito account (companyAccounts.ts), keyed by their index in the company.
  const company = companyDirectory({ count: users, seed })
  let sequence = 0
  const usersByIndex = new Map(peopleIn(company, 'cognito').map((person) => [person.index, toUser(person, sequence++, random)]))
  const userRecords = [...usersByIndex.values()]
  const groupRecords = company.groups.map((group) => toGroup(group, sequence++, accountId))
  const memberships: Record<string, string[]> = {}
  company.groups.forEach((group, index) => {
    const name = (groupRecords[index] as CognitoGroupRecord).name
    const members = group.memberIndexes.flatMap((member) => usersByIndex.get(member)?.username ?? [])
    if (members.length > 0) memberships[name] = members
  })
  return {
    pool: {
      id: `${region}_${randomAlphanumerics(random, 9)}`,
      name: 'lanyard-sandbox-people',
      region,
      accountId,
      created: poolCreated,
      lastModified: poolCreated,
      passwordPolicy: { ...defaultPasswordPolicy },
    },
    nextSequence: sequence,
    users: userRecords,
    groups: groupRecords,
    memberships,
  }
}

function toUser(person: GeneratedPerson, sequence: number, random: Random): CognitoUserRecord {
  const { status, enabled } = statusByPerson[person.status]
  const created = Date.parse(person.createdAt)
  const lastModified = person.lastSignInAt ? Date.parse(person.lastSignInAt) : created + 3_600_000
  return {
    sequence,
    username: person.username,
    attributes: {
      sub: randomUuid(random),
      email: person.email,
      // An invited person has not proved the address yet; everyone else has.
      email_verified: status === 'FORCE_CHANGE_PASSWORD' ? 'false' : 'true',
      given_name: person.firstName,
      family_name: person.lastName,
      name: person.displayName,
      phone_number: person.mobilePhone.replace(/[^+0-9]/g, ''),
      phone_number_verified: 'false',
      zoneinfo: person.timeZone,
      locale: person.locale.replace('_', '-'),
      'custom:department': person.department,
      'custom:employee_id': person.employeeNumber,
    },
    enabled,
    status,
    created,
    lastModified,
    signOutCount: 0,
    tokensRevokedAt: enabled ? null : lastModified,
  }
}

/**
 * Cognito group names may not hold spaces, so `Customer Success` becomes `customer-success`.
 * Departments carry a precedence (10, 20, …) and an IAM role; teams a lower-priority precedence
 * (100, 110, …); groups synced from the directory neither.
 */
function toGroup(group: GeneratedGroup, sequence: number, accountId: string): CognitoGroupRecord {
  const name = group.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  const departmentPrecedence = group.kind === 'department' ? (group.index + 1) * 10 : null
  return {
    sequence,
    name,
    description: group.description,
    precedence: departmentPrecedence ?? (group.kind === 'team' ? 100 + group.index * 10 : null),
    roleArn: group.kind === 'department' ? `arn:aws:iam::${accountId}:role/lanyard-${name}` : null,
    created: poolCreated,
    lastModified: poolCreated,
  }
}

function digits(random: Random, length: number): string {
  let text = String(1 + random.integer(9))
  while (text.length < length) text += String(random.integer(10))
  return text
}
