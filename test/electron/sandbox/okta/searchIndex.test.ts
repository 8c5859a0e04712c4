import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { userSearch } from '../../../../electron/connectors/okta/oktaSearch'
import { readUserAttribute } from '../../../../electron/sandbox/okta/attributeReaders'
import type { OktaUserRecord } from '../../../../electron/sandbox/okta/oktaRecords'
import { compileQuery, userFilterPolicy, userSearchPolicy } from '../../../../electron/sandbox/okta/queryPolicies'
import { startOktaSandbox, type RunningOktaSandbox } from '../../../../electron/sandbox/okta/startOktaSandbox'
import { oktaClient, readAllPages, type OktaCall } from './oktaClient'

/*
 * The tenant reads only the users its name index says may match a search: the answers must be
 * exactly the old scan's (every user, sorted by id, through the same predicate), page by page.
 */

const encoded = (expression: string) => encodeURIComponent(expression)

describe('Okta sandbox: searches through the name index answer what a scan of every user does', () => {
  let sandbox: RunningOktaSandbox
  let call: OktaCall

  beforeAll(async () => {
    sandbox = await startOktaSandbox({ users: 1_500, seed: 'name-index', rateLimits: 'off' })
    call = oktaClient(sandbox)
    // A login unlike the email: the login is searched too.
    sandbox.tenant.addUser({ firstName: 'Pat', lastName: 'Kim', login: 'qzlogin@example.com', profile: { email: 'pat.kim@example.com' } })
  })
  afterAll(() => sandbox.close())

  /** The old way: every user, in id order, through the compiled expression. */
  const scanned = (expression: string, policy = userSearchPolicy, everyone = sandbox.tenant.users()) => {
    const matches = compileQuery(expression, policy, readUserAttribute)
    return everyone.filter((user) => matches(user)).map((user) => user.id)
  }
  const listed = async (path: string) => (await readAllPages(call, path)).items.map((user) => user.id)

  /** Texts people type: beginnings of names, emails and logins of some users, of 1 to 6 characters, any case. */
  function typedTexts(users: OktaUserRecord[]): string[] {
    const texts = new Set<string>()
    users.forEach((user, position) => {
      const { firstName, lastName, email, login } = user.profile as { firstName: string; lastName: string; email: string; login: string }
      for (const [index, value] of [firstName, lastName, email, login].entries()) {
        const length = 1 + ((position + index) % 6)
        const start = value.slice(0, length)
        texts.add(position % 2 === 0 ? start : start.toUpperCase())
      }
      texts.add(`${firstName} ${lastName.slice(0, 2)}`)
    })
    return [...texts, 'qzlo', 'zz', 'q', 'ä', '', 'active', 'locked out', 'a"b', 'dana.lee']
  }

  it('for the search box’s expressions, including ones that match one user or nobody', async () => {
    const users = sandbox.tenant.users()
    const sample = users.filter((_, index) => index % 150 === 0)
    for (const text of typedTexts(sample)) {
      const search = userSearch(text)
      expect(await listed(`/api/v1/users?search=${encoded(search)}&limit=100`), search).toEqual(scanned(search, userSearchPolicy, users))
    }
  })

  it('for names combined with other clauses, eq, a case-sensitive filter and q', async () => {
    const someone = sandbox.tenant.users()[1234] as OktaUserRecord
    const { login, lastName, firstName } = someone.profile as { firstName: string; lastName: string; email: string; login: string }
    const searches = [
      `profile.login eq "${login.toUpperCase()}"`,
      `status eq "ACTIVE" and profile.lastName sw "${lastName.slice(0, 3)}"`,
      `profile.lastName sw "${lastName.slice(0, 2)}" and not (profile.firstName sw "${firstName.slice(0, 1)}")`,
      `profile.firstName sw "${firstName}" or status eq "SUSPENDED"`,
      `profile.email co "${lastName.slice(1, 4).toLowerCase()}"`,
    ]
    for (const search of searches) expect(await listed(`/api/v1/users?search=${encoded(search)}&limit=20`), search).toEqual(scanned(search))
    const filters = [`profile.login eq "${login}"`, `profile.login eq "${login.toUpperCase()}"`, `profile.lastName eq "${lastName}" and status eq "ACTIVE"`]
    for (const filter of filters) expect(await listed(`/api/v1/users?filter=${encoded(filter)}`), filter).toEqual(scanned(filter, userFilterPolicy))
    const prefix = lastName.slice(0, 3).toLowerCase()
    const starts = (value: unknown) => typeof value === 'string' && value.toLowerCase().startsWith(prefix)
    const byQ = sandbox.tenant
      .users()
      .filter((user) => user.status !== 'DEPROVISIONED' && (starts(user.profile.firstName) || starts(user.profile.lastName) || starts(user.profile.email)))
      .slice(0, 200)
    expect(await listed(`/api/v1/users?q=${prefix}&limit=200`)).toEqual(byQ.map((user) => user.id))
  })

  it('finds a user by a name given since the index was built, and no longer by the old one', async () => {
    const someone = sandbox.tenant.users()[42] as OktaUserRecord
    const search = (text: string) => `/api/v1/users?search=${encoded(userSearch(text))}`
    const oldName = String(someone.profile.lastName)
    expect(await listed(search(oldName))).toContain(someone.id)

    const renamed = await call('POST', `/api/v1/users/${someone.id}`, { profile: { lastName: 'Zwyrtzon' } })
    expect(renamed.status).toBe(200)
    expect(await listed(search('zwyr'))).toEqual([someone.id])
    expect(await listed(search(oldName))).not.toContain(someone.id)

    sandbox.tenant.addUser({ firstName: 'Xqa', lastName: 'New' })
    expect(await listed(search('xqa'))).toHaveLength(1)
  })
})
