import { createRandom, type Random } from '../framework/random'
import { companyDirectory, fixturePeopleCount, peopleIn } from '../people/companyAccounts'
import type { GeneratedPerson } from '../people/generateDirectory'
import { departments } from '../people/organisation'
import { keyFor, newAccountKey } from './goToKeys'
import type { GoToAdminRole, GoToDeletedUserRecord, GoToGroupRecord, GoToLicenseRecord, GoToMeetingTenantData, GoToUserRecord } from './goToRecords'

/**
 * A fresh GoTo account: the administrator Lanyard signs in as, three licences (Meeting for
 * everyone, Webinar for Marketing and Sales, Training for People and Support), one flat group per
 * department (a GoTo user is in one group at a time, so the department group is theirs), and the
 * company's people who have a GoTo account (companyAccounts.ts; a few under an older alias, the
 * only email GoTo holds) mapped to GoTo's states:
 * - active / locked (GoTo has no lock-out) → licensed and signed in: ACTIVE;
 * - staged / pending → licensed, never signed in: INVITED;
 * - suspended → no licence and no role: SUSPENDED;
 * - deactivated → removed from the account and remembered as deleted (at least three when there
 *   are 30 people or more, topped up from the last generated people, so the quirk is always there).
 */

const domain = 'example.com'
export const sandboxAdminEmail = `sandbox.admin@${domain}`
const dayMs = 24 * 3_600_000

export function seedGoToMeetingTenant(users: number, seed: string, now = Date.now()): GoToMeetingTenantData {
  const random = createRandom(`gotomeeting:${seed}`)
  const accountKey = newAccountKey(random)
  const prefix = accountKey.slice(0, 7)
  let sequence = 0
  const newKey = () => keyFor(prefix, sequence++, random)

  const meeting = license(newKey(), 'GoTo Meeting Business', ['G2M'], users)
  const webinar = license(newKey(), 'GoTo Webinar Pro', ['G2M', 'G2W'], users)
  const training = license(newKey(), 'GoTo Training', ['G2M', 'G2T'], users)
  const groups: GoToGroupRecord[] = departments.map((department) => ({ key: newKey(), name: department.name }))
  const groupKeyOf = (person: GeneratedPerson) => groups[departments.findIndex((department) => department.name === person.department)]?.key ?? null

  const admin: GoToUserRecord = {
    key: newKey(),
    email: sandboxAdminEmail,
    firstName: 'Sandbox',
    lastName: 'Administrator',
    locale: 'en_US',
    timeZone: 'America/Los_Angeles',
    licenseKeys: [meeting.key],
    adminRoles: ['SUPER_USER'],
    roleSets: [],
    groupKey: groups.find((group) => group.name === 'IT')?.key ?? null,
    signedIn: true,
    inviteCount: 1,
  }

  // The company's people who have a GoTo account (companyAccounts.ts), under the email GoTo knows them by.
  const people = peopleIn(companyDirectory({ count: users, seed, domain }), 'gotomeeting')
  const deletedIndexes = chooseDeleted(people)
  const members: GoToUserRecord[] = [admin]
  const deletedUsers: GoToDeletedUserRecord[] = []
  for (const person of people) {
    const deleted = deletedIndexes.has(person.index)
    const licenseKeys = deleted || person.status === 'suspended' ? [] : licencesFor(person, meeting, webinar, training)
    const user: GoToUserRecord = {
      key: newKey(),
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      locale: person.locale,
      timeZone: person.timeZone,
      licenseKeys,
      adminRoles: person.status === 'suspended' || deleted ? [] : adminRolesFor(person, random),
      roleSets: [],
      groupKey: groupKeyOf(person),
      signedIn: person.status !== 'staged' && person.status !== 'pending',
      inviteCount: 1,
    }
    if (deleted) deletedUsers.push({ user, deletedAt: new Date(now - (1 + (person.index % 20)) * dayMs).toISOString() })
    else members.push(user)
  }
  return {
    nextSequence: sequence,
    account: { key: accountKey, name: 'Lanyard Sandbox Inc.' },
    adminUserKey: admin.key,
    clientId: `lanyard-sandbox-${accountKey.slice(-8)}`,
    licenses: [meeting, webinar, training],
    groups,
    users: members,
    deletedUsers,
  }
}

function license(key: string, description: string, products: GoToLicenseRecord['products'], users: number): GoToLicenseRecord {
  // Enough seats for every generated person twice over, plus room for tests to create people.
  return { key, description, type: 'SUBSCRIPTION', channel: 'ONLINE', seats: 2 * users + 500, products, enabled: true }
}

function licencesFor(person: GeneratedPerson, meeting: GoToLicenseRecord, webinar: GoToLicenseRecord, training: GoToLicenseRecord): string[] {
  if (person.department === 'Marketing' || person.department === 'Sales') return [webinar.key]
  if (person.department === 'People' || person.department === 'Support') return [training.key]
  return [meeting.key]
}

/** Department heads manage users (IT's head is a super admin); a few IT staff manage seats. */
function adminRolesFor(person: GeneratedPerson, random: Random): GoToAdminRole[] {
  if (person.index < departments.length) return person.department === 'IT' ? ['SUPER_USER'] : ['MANAGE_USERS']
  if (person.department === 'IT' && random.chance(0.2)) return ['MANAGE_USERS', 'MANAGE_SEATS']
  return []
}

/** By company index; the top-up never takes a department head or a named fixture person (companyAccounts.ts). */
function chooseDeleted(people: GeneratedPerson[]): Set<number> {
  const chosen = new Set(people.filter((person) => person.status === 'deactivated').map((person) => person.index))
  for (let position = people.length - 1; chosen.size < 3 && people.length >= 30 && position >= 0; position--) {
    const index = (people[position] as GeneratedPerson).index
    if (index >= fixturePeopleCount) chosen.add(index)
  }
  return chosen
}
