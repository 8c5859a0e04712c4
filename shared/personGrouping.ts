import type { PersonAccount } from './people'

/**
 * Grouping accounts into people, by a rule the technician can see. Pure, so the People view, the
 * person page and main (a palette's recent people, a benchmark) all group the same way.
 *
 * 1. Same email, case-insensitive; an account's other emails (aliases) count.
 * 2. Else same username, case-insensitive, an email-shaped username also by its local part
 *    (Okta's `dana.lee@acme.com` and Coupa's login `dana.lee`).
 * 3. Else same full name: a weaker match the technician confirms. It joins two groups only when
 *    they have no profile in common (a person has one account per application: two Sam Parks with
 *    an account in the same Okta are two people) and the name points at exactly one other group.
 * Usernames join groups under the same no-common-profile rule; an email never lies, so it always joins.
 */

export type GroupingBasis = 'email' | 'username' | 'name' | 'hand' | 'alone'

export interface GroupedAccount {
  account: PersonAccount
  basis: GroupingBasis
  /** Why this account belongs to its person, in words ("same email dana.lee@acme.com"). */
  reason: string
}

export interface Person {
  /** The key of one of its accounts (`accountKey`): stable while results stream in and people grow. */
  key: string
  displayName: string
  accounts: GroupedAccount[]
  /** Some account joined by name only: the person card asks to confirm. */
  weak: boolean
}

/** The technician's corrections, kept for the session. */
export interface GroupingOverrides {
  /** Accounts split out of whichever person they were grouped into: each stands alone. */
  split: readonly string[]
  /** Accounts added by hand to the person holding another account: account key → that account's key. */
  added: Readonly<Record<string, string>>
}

export const noOverrides: GroupingOverrides = { split: [], added: {} }

export function accountKey(account: Pick<PersonAccount, 'profileId' | 'userId'>): string {
  return `${account.profileId}:${account.userId}`
}

const normalize = (text: string | null | undefined): string => (text ?? '').trim().toLowerCase()

function emailsOf(account: PersonAccount): Set<string> {
  return new Set([account.email, ...account.otherEmails].map(normalize).filter((email) => email.includes('@')))
}

function usernamesOf(account: PersonAccount): Set<string> {
  const name = normalize(account.userName)
  if (!name) return new Set()
  const at = name.lastIndexOf('@')
  return new Set(at > 0 ? [name, name.slice(0, at)] : [name])
}

function fullNameOf(account: PersonAccount): string {
  const parts = normalize([account.givenName, account.familyName].filter(Boolean).join(' ')) || normalize(account.displayName)
  return parts.replace(/\s+/g, ' ')
}

/** Union-find over account indexes, each root knowing the profiles its group has accounts in. */
class Groups {
  private readonly parent: number[]
  private readonly profiles: Set<string>[]

  constructor(accounts: readonly PersonAccount[]) {
    this.parent = accounts.map((_, index) => index)
    this.profiles = accounts.map((account) => new Set([account.profileId]))
  }

  root(index: number): number {
    while (this.parent[index] !== index) index = this.parent[index] = this.parent[this.parent[index]]
    return index
  }

  shareAProfile(left: number, right: number): boolean {
    const [a, b] = [this.profiles[this.root(left)], this.profiles[this.root(right)]]
    return [...a].some((profileId) => b.has(profileId))
  }

  join(left: number, right: number): void {
    const [a, b] = [this.root(left), this.root(right)]
    if (a === b) return
    this.parent[b] = a
    for (const profileId of this.profiles[b]) this.profiles[a].add(profileId)
  }
}

/** Indexes of the accounts sharing each value (an email, a username), for the accounts that may join. */
function byValue(accounts: readonly PersonAccount[], free: readonly boolean[], values: (account: PersonAccount) => Iterable<string>): Map<string, number[]> {
  const index = new Map<string, number[]>()
  accounts.forEach((account, position) => {
    if (!free[position]) return
    for (const value of values(account)) index.set(value, [...(index.get(value) ?? []), position])
  })
  return index
}

function groupAutomatically(accounts: readonly PersonAccount[], free: readonly boolean[]): Groups {
  const groups = new Groups(accounts)
  for (const same of byValue(accounts, free, emailsOf).values()) for (const other of same.slice(1)) groups.join(same[0], other)
  for (const same of byValue(accounts, free, usernamesOf).values()) {
    for (const other of same.slice(1)) if (!groups.shareAProfile(same[0], other)) groups.join(same[0], other)
  }
  // Names last, and only where unambiguous: the groups this name points at, counted before joining any.
  for (const same of byValue(accounts, free, (account) => [fullNameOf(account)]).values()) {
    const roots = [...new Set(same.map((position) => groups.root(position)))]
    if (roots.length === 2 && !groups.shareAProfile(roots[0], roots[1])) groups.join(roots[0], roots[1])
  }
  return groups
}

function intersection(left: Set<string>, right: Set<string>): string | undefined {
  return [...left].find((value) => right.has(value))
}

/** Why `account` is with `others`: the strongest thing it shares with any of them. */
function reasonFor(account: PersonAccount, others: readonly PersonAccount[]): Omit<GroupedAccount, 'account'> {
  if (others.length === 0) return { basis: 'alone', reason: 'only account found' }
  const emails = emailsOf(account)
  for (const other of others) {
    const email = intersection(emails, emailsOf(other))
    if (email) return { basis: 'email', reason: `same email ${email}` }
  }
  const usernames = usernamesOf(account)
  for (const other of others) {
    const username = intersection(usernames, usernamesOf(other))
    if (username) return { basis: 'username', reason: `same username ${username}` }
  }
  return { basis: 'name', reason: 'same name only — confirm' }
}

/** The name most of the accounts give (a tie goes to the first account's). */
function mostCommonName(accounts: readonly PersonAccount[]): string {
  const counts = new Map<string, number>()
  for (const account of accounts) counts.set(account.displayName, (counts.get(account.displayName) ?? 0) + 1)
  return [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0]
}

/**
 * Groups accounts into people, applying the technician's overrides. People and their accounts come
 * in a stable order (by name, then application and profile), so streaming results do not shuffle cards.
 */
export function groupPeople(accounts: readonly PersonAccount[], overrides: GroupingOverrides = noOverrides): Person[] {
  const keys = accounts.map(accountKey)
  const split = new Set(overrides.split)
  const handAdded = (key: string) => Object.hasOwn(overrides.added, key) && keys.includes(overrides.added[key])
  const free = keys.map((key) => !split.has(key) && !handAdded(key))
  const groups = groupAutomatically(accounts, free)

  const members = new Map<number, number[]>()
  keys.forEach((key, position) => {
    const root = handAdded(key) ? groups.root(keys.indexOf(overrides.added[key])) : groups.root(position)
    members.set(root, [...(members.get(root) ?? []), position])
  })

  const people = [...members.values()].map((positions): Person => {
    const inPerson = positions.map((position) => accounts[position])
    const grouped = inPerson.map((account, index): GroupedAccount => {
      if (handAdded(keys[positions[index]])) return { account, basis: 'hand', reason: 'added by hand' }
      const others = inPerson.filter((other, otherIndex) => otherIndex !== index && !handAdded(keys[positions[otherIndex]]))
      return { account, ...reasonFor(account, others) }
    })
    grouped.sort((left, right) => left.account.application.localeCompare(right.account.application) || left.account.profileName.localeCompare(right.account.profileName))
    return {
      key: accountKey(grouped[0].account),
      displayName: mostCommonName(inPerson),
      accounts: grouped,
      weak: grouped.some((account) => account.basis === 'name'),
    }
  })
  return people.sort((left, right) => left.displayName.localeCompare(right.displayName) || left.key.localeCompare(right.key))
}

/** The person holding this account, whichever account the person is keyed by now. */
export function personHolding(people: readonly Person[], key: string): Person | undefined {
  return people.find((person) => person.accounts.some((grouped) => accountKey(grouped.account) === key))
}
