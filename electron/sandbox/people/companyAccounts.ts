import type { ConnectorId } from '../../../shared/catalogue/types'
import { createRandom, randomUuid, type Random } from '../framework/random'
import { generateDirectory, type GeneratedDirectory, type GeneratedPerson, type PersonStatus } from './generateDirectory'

/**
 * One company, four applications: which generated person has an account in which sandbox tenant,
 * and how that account differs from the person's shared identity. Every tenant's seed asks this
 * module, so with the same seed the four tenants share their people the way a real company's
 * applications do: the same email everywhere for most, with the differences a help desk meets.
 * The generator (generateDirectory.ts) stays neutral; everything application-shaped is here.
 *
 * - People 0–11 head the departments: active and everywhere, as generated.
 * - People 12–20 are the named fixtures (sandboxPeopleFixtures.ts): fixed names and one difference
 *   each, the same for every seed.
 * - Everyone after them draws their differences from the seed, a fixed number of draws per person
 *   so person N's accounts never depend on how many people come after.
 */

/** An application is a sandbox tenant, named by its connector. */
export type SandboxApplication = ConnectorId
export const sandboxApplications: readonly SandboxApplication[] = ['okta', 'cognito', 'coupa', 'gotomeeting']

/** A person's account in one application. */
export interface CompanyAccount {
  /** What the application names the account by: Okta's login (the email), Cognito's Username, Coupa's login, GoTo's email. */
  login: string
  /** The email the application holds for the person. */
  email: string
  status: PersonStatus
}

export type CompanyAccounts = Partial<Record<SandboxApplication, CompanyAccount>>

export interface CompanyDirectory extends GeneratedDirectory {
  /** Index-aligned with `people`: the accounts each person has. */
  accounts: CompanyAccounts[]
}

/** The fixtures' differences, by the position they hold after the department heads. */
export const fixtureSlots = {
  everywhere: 12,
  oktaAndCoupaOnly: 13,
  cognitoGeneratedId: 14,
  coupaOtherLogin: 15,
  goToOldAlias: 16,
  suspendedInOne: 17,
  sameNameTwinA: 18,
  sameNameTwinB: 19,
  onlyInOne: 20,
} as const
export const fixturePeopleCount = 21

/** Names chosen outside the generator's first names (nameLists.ts), so no generated email can take theirs. */
const fixtureNames: Record<number, { firstName: string; lastName: string; username: string }> = {
  12: { firstName: 'Dana', lastName: 'Lee', username: 'dana.lee' },
  13: { firstName: 'Marcus', lastName: 'Webb', username: 'marcus.webb' },
  14: { firstName: 'Hannah', lastName: 'Okoro', username: 'hannah.okoro' },
  15: { firstName: 'Tobias', lastName: 'Lindgren', username: 'tobias.lindgren' },
  16: { firstName: 'Rosa', lastName: 'Delgado', username: 'rosa.delgado' },
  17: { firstName: 'Felix', lastName: 'Brandt', username: 'felix.brandt' },
  // Two people, one name: the second got the number, as the generator does for a name already taken.
  18: { firstName: 'Sam', lastName: 'Taylor', username: 'sam.taylor' },
  19: { firstName: 'Sam', lastName: 'Taylor', username: 'sam.taylor2' },
  20: { firstName: 'Iris', lastName: 'Novak', username: 'iris.novak' },
}
/** Suspended in GoTo only: a licence taken back to free a seat, everything else still active. */
export const fixtureSuspendedApplication: SandboxApplication = 'gotomeeting'
/** Only in Coupa: an approver whose Coupa account was made by hand, never through the directory. */
export const fixtureOnlyApplication: SandboxApplication = 'coupa'
/** The domain the company used before its rename; a few old GoTo accounts still carry it. */
export const olderDomain = 'example.org'

/** Shares among the people after the fixtures (README "Sandbox people" lists them). */
export const companyShares = {
  oktaAndCoupaOnly: 0.08,
  onlyInOne: 0.02,
  cognitoGeneratedId: 0.1,
  coupaOtherLogin: 0.12,
  goToOldAlias: 0.04,
  suspendedInOne: 0.02,
}

export interface CompanyDirectoryOptions {
  count: number
  seed: string
  /** Default `example.com`. */
  domain?: string
}

export function companyDirectory(options: CompanyDirectoryOptions): CompanyDirectory {
  const generated = generateDirectory(options)
  const random = createRandom(`company:${options.seed}`)
  const taken = { coupaLogins: new Set<string>(), goToEmails: new Set<string>() }
  const people = generated.people.map((person) => (fixtureNames[person.index] ? asFixture(person, generated.domain) : person))
  const accounts = people.map((person) => accountsOf(person, random, generated.domain, taken))
  return { ...generated, people, accounts }
}

/** The people with an account in one application, as that application sees them (its login, email and status). */
export function peopleIn(company: CompanyDirectory, application: SandboxApplication): GeneratedPerson[] {
  return company.people.flatMap((person) => {
    const account = company.accounts[person.index]?.[application]
    return account ? [{ ...person, username: account.login, email: account.email, status: account.status }] : []
  })
}

function asFixture(person: GeneratedPerson, domain: string): GeneratedPerson {
  const { firstName, lastName, username } = fixtureNames[person.index] as { firstName: string; lastName: string; username: string }
  // Fixtures are active and have signed in, whatever the generator drew, so every difference shows on an ordinary account.
  const lastSignInAt = person.lastSignInAt ?? new Date(Date.parse(person.createdAt) + 86_400_000).toISOString()
  return { ...person, firstName, lastName, displayName: `${firstName} ${lastName}`, username, email: `${username}@${domain}`, status: 'active', lastSignInAt }
}

interface Taken {
  coupaLogins: Set<string>
  goToEmails: Set<string>
}

/** Every person draws the same dice whatever they turn out to be, so a share's change never shifts the next person's draws. */
function accountsOf(person: GeneratedPerson, random: Random, domain: string, taken: Taken): CompanyAccounts {
  const dice = { presence: random.next(), onlyIn: random.integer(4), cognitoId: random.next(), coupaLogin: random.next(), goToAlias: random.next(), suspended: random.next(), suspendedIn: random.next() }
  // One draw seeds the id, made only for those who get one (a UUID is 33 draws; 20,000 people are seeded at start-up).
  const idSeed = random.integer(2 ** 32)
  const aliasAtOlderDomain = random.chance(0.5)
  const slot = person.index
  const fixture = slot >= fixtureSlots.everywhere && slot < fixturePeopleCount
  const drawn = !fixture && slot >= fixturePeopleCount

  let present: readonly SandboxApplication[] = sandboxApplications
  if (slot === fixtureSlots.oktaAndCoupaOnly || (drawn && dice.presence < companyShares.oktaAndCoupaOnly)) present = ['okta', 'coupa']
  else if (slot === fixtureSlots.onlyInOne) present = [fixtureOnlyApplication]
  else if (drawn && dice.presence < companyShares.oktaAndCoupaOnly + companyShares.onlyInOne) present = [sandboxApplications[dice.onlyIn] as SandboxApplication]

  const accounts: CompanyAccounts = {}
  for (const application of present) accounts[application] = { login: person.username, email: person.email, status: person.status }
  if (accounts.okta) accounts.okta.login = person.email
  if (accounts.gotomeeting) accounts.gotomeeting.login = person.email

  if (accounts.cognito && (slot === fixtureSlots.cognitoGeneratedId || (drawn && dice.cognitoId < companyShares.cognitoGeneratedId))) {
    // Created by an app that names users by its own id; the email stays an attribute (the pool's sign-in alias).
    // The fixture's id comes from its name, so like the rest of the fixtures table it is the same for every seed.
    accounts.cognito.login = randomUuid(createRandom(drawn ? idSeed : `fixture:${person.username}`))
  }
  if (accounts.coupa && (slot === fixtureSlots.coupaOtherLogin || (drawn && dice.coupaLogin < companyShares.coupaOtherLogin))) {
    accounts.coupa.login = unique(initialAndLastName(person), taken.coupaLogins)
  }
  if (accounts.gotomeeting && (slot === fixtureSlots.goToOldAlias || (drawn && dice.goToAlias < companyShares.goToOldAlias))) {
    // GoTo holds one email per user (coupa-gotomeeting.md B.3), so the old alias is the only address it knows.
    const local = slot === fixtureSlots.goToOldAlias || !aliasAtOlderDomain ? unique(initialAndLastName(person), taken.goToEmails) : person.username
    const email = `${local}@${slot === fixtureSlots.goToOldAlias || !aliasAtOlderDomain ? domain : olderDomain}`
    accounts.gotomeeting.login = email
    accounts.gotomeeting.email = email
  }
  const suspendable = present.length > 1 && person.status === 'active'
  if (slot === fixtureSlots.suspendedInOne) (accounts[fixtureSuspendedApplication] as CompanyAccount).status = 'suspended'
  else if (drawn && suspendable && dice.suspended < companyShares.suspendedInOne) {
    ;(accounts[present[Math.floor(dice.suspendedIn * present.length)] as SandboxApplication] as CompanyAccount).status = 'suspended'
  }
  return accounts
}

/** `dana.lee` → `dlee`: the older naming scheme, made unique as more people take it. */
function initialAndLastName(person: GeneratedPerson): string {
  const [first = '', last = ''] = person.username.replace(/\d+$/, '').split('.')
  return `${first.slice(0, 1)}${last}`
}

function unique(base: string, taken: Set<string>): string {
  let candidate = base
  for (let number = 2; taken.has(candidate); number++) candidate = `${base}${number}`
  taken.add(candidate)
  return candidate
}
