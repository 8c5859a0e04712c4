import { createRandom, type Random } from '../framework/random'
import { firstNames, lastNames } from './nameLists'
import { badgeColours, crossCuttingGroups, departments, offices, streetNames, type Department, type Office } from './organisation'

/** A person's account state, in neutral words each tenant maps to its own statuses. */
export type PersonStatus = 'active' | 'staged' | 'pending' | 'suspended' | 'locked' | 'deactivated'

/** A generated person: neutral, not shaped like any target's record. */
export interface GeneratedPerson {
  index: number
  firstName: string
  lastName: string
  displayName: string
  /** `first.last` or `first.lastN`, unique; the email is `<username>@<domain>`. */
  username: string
  email: string
  department: string
  division: string
  costCentre: string
  title: string
  /** Index of the manager; null for department heads. */
  managerIndex: number | null
  employeeNumber: string
  employmentType: 'Employee' | 'Contractor'
  phone: string
  mobilePhone: string
  streetAddress: string
  city: string
  state: string
  postcode: string
  /** ISO 3166-1 alpha-2. */
  country: string
  timeZone: string
  locale: string
  status: PersonStatus
  createdAt: string
  lastSignInAt: string | null
  /** A custom attribute (a multi-valued string) some people carry; null when absent. */
  badgeColours: string[] | null
  groupIndexes: number[]
}

export interface GeneratedGroup {
  index: number
  name: string
  description: string
  /** `directory` groups come from an external directory (tenants may make them read-only). */
  kind: 'department' | 'team' | 'directory'
  memberIndexes: number[]
}

export interface GeneratedDirectory {
  domain: string
  people: GeneratedPerson[]
  groups: GeneratedGroup[]
}

export interface GenerateDirectoryOptions {
  count: number
  seed: string
  /** Default `example.com`. */
  domain?: string
}

export const maximumPeople = 100_000
const reportsPerManager = 6
const earliestCreated = Date.parse('2018-01-08T09:00:00.000Z')
const latestCreated = Date.parse('2025-06-30T17:00:00.000Z')
const referenceNow = Date.parse('2025-07-01T12:00:00.000Z')

/**
 * People and groups from a seed: same seed and count, same directory. The first twelve people
 * head the twelve departments; everyone else reports, six to a manager, inside their department.
 */
export function generateDirectory(options: GenerateDirectoryOptions): GeneratedDirectory {
  const { count, seed } = options
  if (!Number.isInteger(count) || count < 0 || count > maximumPeople) {
    throw new RangeError(`The number of people is a whole number from 0 to ${maximumPeople}, not ${count}.`)
  }
  const domain = options.domain ?? 'example.com'
  const random = createRandom(`people:${seed}`)
  const usernames = new Map<string, number>()
  const departmentWeights = cumulative(departments.map((department) => department.weight))
  const officeWeights = cumulative(offices.map((office) => office.weight))
  const membersByDepartment = departments.map((): number[] => [])

  const people: GeneratedPerson[] = []
  for (let index = 0; index < count; index++) {
    const departmentIndex = index < departments.length ? index : weightedIndex(random, departmentWeights)
    const department = departments[departmentIndex] as Department
    const office = offices[weightedIndex(random, officeWeights)] as Office
    membersByDepartment[departmentIndex]?.push(index)
    people.push(createPerson(random, index, department, office, domain, usernames))
  }
  for (const members of membersByDepartment) assignManagers(random, people, members)
  const groups = assignGroups(random, people)
  return { domain, people, groups }
}

function createPerson(random: Random, index: number, department: Department, office: Office, domain: string, usernames: Map<string, number>): GeneratedPerson {
  const firstName = random.pick(firstNames)
  const lastName = random.pick(lastNames)
  const username = uniqueUsername(`${emailPart(firstName)}.${emailPart(lastName)}`, usernames)
  const created = earliestCreated + Math.floor(random.next() * (latestCreated - earliestCreated))
  const status = index < departments.length ? 'active' : pickStatus(random)
  const signedIn = status === 'active' || status === 'suspended' || status === 'locked'
  return {
    index,
    firstName,
    lastName,
    displayName: `${firstName} ${lastName}`,
    username,
    email: `${username}@${domain}`,
    department: department.name,
    division: department.division,
    costCentre: department.costCentre,
    title: '',
    managerIndex: null,
    employeeNumber: String(100_000 + index),
    employmentType: random.chance(0.08) ? 'Contractor' : 'Employee',
    phone: `${office.phonePrefix} ${digits(random, 4)} ${digits(random, 4)}`,
    mobilePhone: `${office.phonePrefix.split(' ')[0]} 7${digits(random, 3)} ${digits(random, 6)}`,
    streetAddress: `${1 + random.integer(480)} ${random.pick(streetNames)}`,
    city: office.city,
    state: office.state,
    postcode: fillPattern(random, office.postcodePattern),
    country: office.country,
    timeZone: office.timeZone,
    locale: office.locale,
    status,
    createdAt: new Date(created).toISOString(),
    lastSignInAt: signedIn ? new Date(created + Math.floor(random.next() * (referenceNow - created))).toISOString() : null,
    badgeColours: random.chance(0.3) ? pickDistinct(random, badgeColours, 1 + random.integer(2)) : null,
    groupIndexes: [],
  }
}

/** About 4% of people are not simply active, spread over the other states. */
function pickStatus(random: Random): PersonStatus {
  const roll = random.next()
  if (roll < 0.96) return 'active'
  if (roll < 0.968) return 'staged'
  if (roll < 0.976) return 'pending'
  if (roll < 0.986) return 'suspended'
  if (roll < 0.99) return 'locked'
  return 'deactivated'
}

/** Member k (k ≥ 1) of a department reports to member ⌊(k−1)/6⌋, so member 0 heads it. */
function assignManagers(random: Random, people: GeneratedPerson[], members: number[]): void {
  members.forEach((personIndex, position) => {
    const person = people[personIndex] as GeneratedPerson
    const department = departments.find((candidate) => candidate.name === person.department) as Department
    const hasReports = position * reportsPerManager + 1 < members.length
    if (position === 0) {
      person.title = `Head of ${department.name}`
      return
    }
    person.managerIndex = members[Math.floor((position - 1) / reportsPerManager)] ?? null
    person.title = hasReports ? department.managerTitle : random.pick(department.titles)
  })
}

function assignGroups(random: Random, people: GeneratedPerson[]): GeneratedGroup[] {
  const groups: GeneratedGroup[] = departments.map((department, index) => ({
    index,
    name: department.name,
    description: `Everyone in ${department.name}`,
    kind: 'department',
    memberIndexes: [],
  }))
  crossCuttingGroups.forEach((group) =>
    groups.push({ index: groups.length, name: group.name, description: group.description, kind: group.kind, memberIndexes: [] }),
  )
  const managers = new Set(people.map((person) => person.managerIndex).filter((index) => index !== null))
  const join = (person: GeneratedPerson, groupIndex: number) => {
    person.groupIndexes.push(groupIndex)
    groups[groupIndex]?.memberIndexes.push(person.index)
  }
  for (const person of people) {
    join(person, departments.findIndex((department) => department.name === person.department))
    const traits = { department: person.department, employmentType: person.employmentType, hasReports: managers.has(person.index) }
    const eligible = crossCuttingGroups.map((group, offset) => ({ group, groupIndex: departments.length + offset })).filter(({ group }) => group.eligible(traits))
    // Contractors are always in "All Contractors"; that counts as one of their 0–2 extra groups.
    const contractorGroup = eligible.find(({ group }) => group.name === 'All Contractors')
    const extras = pickDistinct(random, eligible.filter((entry) => entry !== contractorGroup), [0, 1, 1, 2][random.integer(4)] as number)
    if (contractorGroup) extras.splice(1)
    for (const { groupIndex } of contractorGroup ? [contractorGroup, ...extras] : extras) join(person, groupIndex)
  }
  return groups
}

function uniqueUsername(base: string, usernames: Map<string, number>): string {
  const seen = usernames.get(base) ?? 0
  usernames.set(base, seen + 1)
  return seen === 0 ? base : `${base}${seen + 1}`
}

/** `Siobhán` → `siobhan`, `O'Brien` → `obrien`, `van der Berg` → `vanderberg`. */
function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/ø/gi, 'o')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z-]/g, '')
}

function pickDistinct<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items]
  const picked: T[] = []
  while (picked.length < count && pool.length > 0) picked.push(pool.splice(random.integer(pool.length), 1)[0] as T)
  return picked
}

function cumulative(weights: number[]): number[] {
  let total = 0
  return weights.map((weight) => (total += weight))
}

function weightedIndex(random: Random, cumulativeWeights: number[]): number {
  const roll = random.next() * (cumulativeWeights[cumulativeWeights.length - 1] ?? 1)
  const index = cumulativeWeights.findIndex((bound) => roll < bound)
  return index === -1 ? cumulativeWeights.length - 1 : index
}

function digits(random: Random, length: number): string {
  let text = ''
  for (let index = 0; index < length; index++) text += String(random.integer(10))
  return text
}

function fillPattern(random: Random, pattern: string): string {
  return pattern.replace(/[#A]/g, (slot) => (slot === '#' ? String(random.integer(10)) : String.fromCharCode(65 + random.integer(26))))
}
