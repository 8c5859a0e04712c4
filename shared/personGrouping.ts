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

/** Union-find over account keys, each root knowing the profiles its group has accounts in. */
class Groups {
  private readonly parent = new Map<string, string>()
  private readonly profiles = new Map<string, Set<string>>()

  constructor(accounts: readonly PersonAccount[]) {
    for (const account of accounts) {
      this.parent.set(accountKey(account), accountKey(account))
      this.profiles.set(accountKey(account), new Set([account.profileId]))
    }
  }

  root(key: string): string {
    let current = key
    for (let next = this.parent.get(current); next !== undefined && next !== current; next = this.parent.get(current)) current = next
    this.parent.set(key, current)
    return current
  }

  private profilesOf(key: string): Set<string> {
    return this.profiles.get(this.root(key)) ?? new Set()
  }

  shareAProfile(left: string, right: string): boolean {
    const other = this.profilesOf(right)
    return [...this.profilesOf(left)].some((profileId) => other.has(profileId))
  }

  join(left: string, right: string): void {
    const [a, b] = [this.root(left), this.root(right)]
    if (a === b) return
    const moved = this.profilesOf(b)
    this.parent.set(b, a)
    for (const profileId of moved) this.profilesOf(a).add(profileId)
  }
}

/** The keys of the accounts sharing each value (an email, a username), among the accounts that may join. */
function byValue(accounts: readonly PersonAccount[], values: (account: PersonAccount) => Iterable<string>): string[][] {
  const index = new Map<string, string[]>()
  for (const account of accounts) for (const value of values(account)) index.set(value, [...(index.get(value) ?? []), accountKey(account)])
  return [...index.values()]
}

function groupAutomatically(accounts: readonly PersonAccount[], free: readonly PersonAccount[]): Groups {
  const groups = new Groups(accounts)
  for (const [first, ...same] of byValue(free, emailsOf)) for (const other of same) groups.join(first ?? other, other)
  for (const [first, ...same] of byValue(free, usernamesOf)) {
    for (const other of same) if (first !== undefined && !groups.shareAProfile(first, other)) groups.join(first, other)
  }
  // Names last, and only where unambiguous: the groups this name points at, counted before joining any.
  for (const same of byValue(free, (account) => [fullNameOf(account)])) {
    const [left, right, ...more] = [...new Set(same.map((key) => groups.root(key)))]
    if (left !== undefined && right !== undefined && more.length === 0 && !groups.shareAProfile(left, right)) groups.join(left, right)
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
  let best = ''
  let most = 0
  for (const [name, count] of counts) if (count > most) [best, most] = [name, count]
  return best
}

/** Where a hand-added account goes: along the additions (one may be added to another added by hand) to a grouped account. */
function handAnchor(key: string, addedTo: (key: string) => string | undefined): string | undefined {
  const seen = new Set([key])
  let anchor = addedTo(key)
  for (let next = anchor && addedTo(anchor); anchor !== undefined && next !== undefined && !seen.has(next); next = addedTo(next)) {
    seen.add(anchor)
    anchor = next
  }
  return anchor
}

/**
 * Groups accounts into people, applying the technician's overrides. People and their accounts come
 * in a stable order (by name, then application and profile), so streaming results do not shuffle cards.
 */
export function groupPeople(accounts: readonly PersonAccount[], overrides: GroupingOverrides = noOverrides): Person[] {
  const keys = new Set(accounts.map(accountKey))
  const split = new Set(overrides.split)
  const addedTo = (key: string): string | undefined => {
    const anchor = Object.hasOwn(overrides.added, key) ? overrides.added[key] : undefined
    return anchor !== undefined && anchor !== key && keys.has(anchor) ? anchor : undefined
  }
  const free = accounts.filter((account) => !split.has(accountKey(account)) && addedTo(accountKey(account)) === undefined)
  const groups = groupAutomatically(accounts, free)

  const members = new Map<string, PersonAccount[]>()
  for (const account of accounts) {
    const key = accountKey(account)
    const root = groups.root(handAnchor(key, addedTo) ?? key)
    members.set(root, [...(members.get(root) ?? []), account])
  }

  const people = [...members.values()].map((inPerson): Person => {
    const grouped = inPerson.map((account): GroupedAccount => {
      if (addedTo(accountKey(account)) !== undefined) return { account, basis: 'hand', reason: 'added by hand' }
      const others = inPerson.filter((other) => other !== account && addedTo(accountKey(other)) === undefined)
      return { account, ...reasonFor(account, others) }
    })
    grouped.sort((left, right) => left.account.application.localeCompare(right.account.application) || left.account.profileName.localeCompare(right.account.profileName))
    return {
      key: accountKey((grouped[0] ?? { account: inPerson[0] as PersonAccount }).account),
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
