import { beforeAll, describe, expect, it } from 'vitest'
import { startCognitoSandbox } from '../../../electron/sandbox/cognito/startCognitoSandbox'
import { startCoupaSandbox } from '../../../electron/sandbox/coupa/startCoupaSandbox'
import { startGoToMeetingSandbox } from '../../../electron/sandbox/gotomeeting/startGoToMeetingSandbox'
import { startOktaSandbox } from '../../../electron/sandbox/okta/startOktaSandbox'
import { sandboxApplications, type SandboxApplication } from '../../../electron/sandbox/people/companyAccounts'
import { sandboxPeopleFixtures, type SandboxFixturePerson } from '../../../electron/sandbox/people/sandboxPeopleFixtures'
import { attributeOf, cognitoClient, type UserJson } from './cognito/cognitoClient'
import { coupaClient, asList as coupaList } from './coupa/coupaClient'
import { goToClient, signIn, asList as goToList } from './gotomeeting/goToClient'
import { oktaClient, readAllPages } from './okta/oktaClient'

/**
 * The four tenants started with one seed, read through each tenant's own HTTP API (not through
 * Lanyard's connectors): they share most people by email, and every difference the fixtures
 * table names is there exactly as it says, for the default seed and for another.
 */

/** An account as its application answers it, in the same few words for all four. */
interface SeenAccount {
  login: string
  email: string
  displayName: string
  active: boolean
}

type SeenTenants = Record<SandboxApplication, SeenAccount[]>

const users = 200

async function readTenants(seed: string): Promise<SeenTenants> {
  const okta = await startOktaSandbox({ users, seed })
  const cognito = await startCognitoSandbox({ users, seed })
  const coupa = await startCoupaSandbox({ users, seed })
  const goTo = await startGoToMeetingSandbox({ users, seed })
  try {
    const oktaUsers = (await readAllPages(oktaClient(okta), '/api/v1/users?limit=200')).items.map((user) => {
      const profile = user.profile as Record<string, string>
      return { login: profile.login ?? '', email: profile.email ?? '', displayName: `${profile.firstName} ${profile.lastName}`, active: user.status === 'ACTIVE' }
    })
    const cognitoUsers: SeenAccount[] = []
    let token: string | undefined
    do {
      const answer = await cognitoClient(cognito)('ListUsers', { UserPoolId: cognito.credentials.userPoolId, ...(token ? { PaginationToken: token } : {}) })
      for (const user of answer.body.Users as UserJson[]) {
        cognitoUsers.push({ login: user.Username, email: attributeOf(user, 'email') ?? '', displayName: `${attributeOf(user, 'given_name')} ${attributeOf(user, 'family_name')}`, active: user.Enabled })
      }
      token = answer.body.PaginationToken as string | undefined
    } while (token)
    const coupaUsers: SeenAccount[] = []
    for (let offset = 0; ; offset += 50) {
      const page = coupaList(await coupaClient(coupa)('GET', `/api/users?offset=${offset}`))
      coupaUsers.push(...page.map((user) => ({ login: user.login, email: String(user.email), displayName: `${user.firstname} ${user.lastname}`, active: user.active === true })))
      if (page.length < 50) break
    }
    const goToCall = goToClient(goTo, (await signIn(goTo)).access_token)
    const goToUsers = goToList(await goToCall('GET', `accounts/${goTo.credentials.accountKey}/users?pageSize=1000`)).results.map((user) => ({
      login: String(user.email),
      email: String(user.email),
      displayName: `${user.firstName} ${user.lastName}`,
      active: user.status === 'ACTIVE',
    }))
    return { okta: oktaUsers, cognito: cognitoUsers, coupa: coupaUsers, gotomeeting: goToUsers }
  } finally {
    await Promise.all([okta.close(), cognito.close(), coupa.close(), goTo.close()])
  }
}

const byEmail = (accounts: SeenAccount[], email: string) => accounts.filter((account) => account.email.toLowerCase() === email.toLowerCase())
const byName = (accounts: SeenAccount[], displayName: string) => accounts.filter((account) => account.displayName === displayName)

describe.each(['lanyard', 'another seed'])('Sandbox people with the seed "%s"', (seed) => {
  const fixtures = sandboxPeopleFixtures(seed, users)
  let tenants: SeenTenants

  beforeAll(async () => {
    tenants = await readTenants(seed)
  }, 60_000)

  /** The person's one account in the application, found by the login the fixtures table gives and checked against it. */
  function accountOf(person: SandboxFixturePerson, application: SandboxApplication): SeenAccount {
    const expected = person.accounts[application]
    if (!expected) throw new Error(`${person.displayName} has no ${application} account in the fixtures table.`)
    const found = tenants[application].filter((account) => account.login.toLowerCase() === expected.login.toLowerCase())
    expect(found, `${person.displayName} in ${application}`).toHaveLength(1)
    const account = found[0] as SeenAccount
    expect(account).toMatchObject({ email: expected.email, displayName: person.displayName, active: expected.status === 'active' })
    return account
  }

  it('shares most people by email across the four tenants', () => {
    const emails = sandboxApplications.map((application) => new Set(tenants[application].map((account) => account.email.toLowerCase())))
    const everywhere = [...(emails[0] as Set<string>)].filter((email) => emails.every((set) => set.has(email)))
    expect(everywhere.length).toBeGreaterThan(users * 0.7)
    // …but not all: the differences below take some out of some tenants.
    expect(everywhere.length).toBeLessThan(users)
  })

  it('has the person who is everywhere under one email, active in all four', () => {
    for (const application of sandboxApplications) expect(accountOf(fixtures.everywhere, application).email).toBe(fixtures.everywhere.email)
  })

  it('has someone only in Okta and Coupa', () => {
    const { oktaAndCoupaOnly: person } = fixtures
    expect(Object.keys(person.accounts).sort()).toEqual(['coupa', 'okta'])
    accountOf(person, 'okta')
    accountOf(person, 'coupa')
    for (const application of ['cognito', 'gotomeeting'] as const) {
      expect([...byEmail(tenants[application], person.email), ...byName(tenants[application], person.displayName)]).toEqual([])
    }
  })

  it('has a Cognito user whose username is a generated id and whose email is the attribute', () => {
    const { cognitoGeneratedId: person } = fixtures
    const account = accountOf(person, 'cognito')
    expect(account.login).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(byEmail(tenants.cognito, person.email)).toEqual([account])
  })

  it('has a Coupa login that is not the email nor its local part', () => {
    const { coupaOtherLogin: person } = fixtures
    const account = accountOf(person, 'coupa')
    expect(account.email).toBe(person.email)
    expect(account.login).not.toBe(person.email)
    expect(account.login).not.toBe(person.email.split('@')[0])
    expect(account.login).toBe(`${person.firstName.toLowerCase().slice(0, 1)}${person.lastName.toLowerCase()}`)
  })

  it('has a GoTo account under an older alias, the shared email nowhere in GoTo', () => {
    const { goToOldAlias: person } = fixtures
    const account = accountOf(person, 'gotomeeting')
    expect(account.email).not.toBe(person.email)
    expect(byEmail(tenants.gotomeeting, person.email)).toEqual([])
    for (const application of ['okta', 'cognito', 'coupa'] as const) expect(accountOf(person, application).email).toBe(person.email)
  })

  it('has someone suspended in one application and active in the others', () => {
    const { person, application } = fixtures.suspendedInOne
    for (const other of sandboxApplications) expect(accountOf(person, other).active).toBe(other !== application)
    expect(person.accounts[application]?.status).toBe('suspended')
  })

  it('has two different people with the same display name, both everywhere', () => {
    const [first, second] = fixtures.sameNameTwins
    expect(first.displayName).toBe(second.displayName)
    expect(first.email).not.toBe(second.email)
    for (const application of sandboxApplications) {
      expect(accountOf(first, application).email).not.toBe(accountOf(second, application).email)
      expect(byName(tenants[application], first.displayName).length).toBeGreaterThanOrEqual(2)
    }
  })

  it('has someone in one application only', () => {
    const { person, application } = fixtures.onlyInOne
    expect(Object.keys(person.accounts)).toEqual([application])
    accountOf(person, application)
    for (const other of sandboxApplications.filter((candidate) => candidate !== application)) {
      expect([...byEmail(tenants[other], person.email), ...byName(tenants[other], person.displayName)]).toEqual([])
    }
  })

  it('draws more of each difference among the other people', () => {
    const emails = (application: SandboxApplication) => new Set(tenants[application].map((account) => account.email.toLowerCase()))
    const [okta, cognito, coupa, goTo] = sandboxApplications.map(emails) as Set<string>[]
    const named = new Set(Object.values(fixtures).flatMap((entry) => (Array.isArray(entry) ? entry : ['person' in entry ? entry.person : entry])).map((person) => person.email))
    const others = (predicate: (email: string) => boolean) => [...(okta as Set<string>), ...(coupa as Set<string>)].filter((email) => !named.has(email) && predicate(email))
    expect(new Set(others((email) => okta!.has(email) && coupa!.has(email) && !cognito!.has(email) && !goTo!.has(email))).size).toBeGreaterThan(3)
    const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-/
    expect(tenants.cognito.filter((account) => uuidLike.test(account.login) && !named.has(account.email)).length).toBeGreaterThan(3)
    expect(tenants.coupa.filter((account) => !account.login.includes('.') && !named.has(account.email) && account.email.endsWith('@example.com')).length).toBeGreaterThan(3)
  })
})

describe('Sandbox people: determinism', () => {
  let first: SeenTenants
  let again: SeenTenants
  let other: SeenTenants

  beforeAll(async () => {
    ;[first, again, other] = [await readTenants('same'), await readTenants('same'), await readTenants('other')]
  }, 60_000)

  it('gives the same people in every tenant for the same seed, and others for another seed', () => {
    expect(again).toEqual(first)
    for (const application of sandboxApplications) expect(other[application].map((account) => account.email)).not.toEqual(first[application].map((account) => account.email))
  })

  it('names the fixtures the same for every seed', () => {
    const names = (seed: string) => {
      const fixtures = sandboxPeopleFixtures(seed, users)
      const people = [fixtures.everywhere, fixtures.oktaAndCoupaOnly, fixtures.cognitoGeneratedId, fixtures.coupaOtherLogin, fixtures.goToOldAlias, fixtures.suspendedInOne.person, ...fixtures.sameNameTwins, fixtures.onlyInOne.person]
      return people.map(({ displayName, email, accounts }) => ({ displayName, email, accounts }))
    }
    expect(names('same')).toEqual(names('other'))
  })
})
