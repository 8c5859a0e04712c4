import { describe, expect, it } from 'vitest'
import { filterScanWindow } from '../../../../electron/sandbox/cognito/listUsers'
import { matchesFilter, parseUserFilter, type UserFilter } from '../../../../electron/sandbox/cognito/userFilter'
import { attributeOf, cognitoClient, expectOk, useCognitoSandbox, type CognitoCall, type UserJson } from './cognitoClient'
import { pageSizesOf, seededAccounts } from '../../../support/sandboxPeople'

/** Follows PaginationToken to the end, keeping every page. */
async function readAllUsers(call: CognitoCall, input: Record<string, unknown>): Promise<{ users: UserJson[]; pageSizes: number[] }> {
  const users: UserJson[] = []
  const pageSizes: number[] = []
  let token: string | undefined
  do {
    const answer = await call('ListUsers', { ...input, ...(token ? { PaginationToken: token } : {}) })
    if (answer.status !== 200) throw new Error(JSON.stringify(answer.body))
    const page = answer.body.Users as UserJson[]
    users.push(...page)
    pageSizes.push(page.length)
    token = answer.body.PaginationToken as string | undefined
  } while (token)
  return { users, pageSizes }
}

describe('Cognito sandbox: ListUsers', () => {
  const startSandbox = useCognitoSandbox()

  async function setUp(users = 150) {
    const sandbox = await startSandbox({ users })
    const call = cognitoClient(sandbox)
    return { sandbox, call, ok: expectOk(call), pool: { UserPoolId: sandbox.credentials.userPoolId } }
  }

  it('pages through every user, 60 by default, with a token only while users remain', async () => {
    const { sandbox, call, ok, pool } = await setUp()
    const first = await ok('ListUsers', pool)
    expect((first.Users as UserJson[]).length).toBe(60)
    expect(typeof first.PaginationToken).toBe('string')
    const all = await readAllUsers(call, pool)
    const seeded = seededAccounts('cognito', 150)
    expect(all.pageSizes).toEqual(pageSizesOf(seeded, 60))
    expect(all.pageSizes.at(-1)).toBeLessThan(60)
    expect(all.users.map((user) => user.Username)).toEqual(sandbox.tenant.users().map((user) => user.username))
    expect(new Set(all.users.map((user) => user.Username)).size).toBe(seeded)
  })

  it('honours Limit and refuses one above 60', async () => {
    const { call, pool } = await setUp()
    expect(((await call('ListUsers', { ...pool, Limit: 7 })).body.Users as UserJson[]).length).toBe(7)
    const over = await call('ListUsers', { ...pool, Limit: 61 })
    expect(over.body).toEqual({
      __type: 'InvalidParameterException',
      message: "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60",
    })
  })

  it('answers a status filter with short, even empty, pages that still carry a token until the whole pool is scanned', async () => {
    const { sandbox, call, pool } = await setUp()
    const seeded = sandbox.tenant.users().length
    // The one disabled user is in the last scan window, so every window before answers an empty page.
    const target = sandbox.tenant.users()[seeded - 3] as { username: string }
    for (const user of sandbox.tenant.users()) sandbox.tenant.setEnabled(user.username, user.username === target.username ? false : true)
    const windows = Math.ceil(seeded / filterScanWindow)
    expect(windows).toBeGreaterThanOrEqual(3)
    const first = await call('ListUsers', { ...pool, Filter: 'status = "Disabled"' })
    expect(first.body.Users).toEqual([])
    expect(typeof first.body.PaginationToken).toBe('string')
    const all = await readAllUsers(call, { ...pool, Filter: 'status = "Disabled"' })
    expect(all.pageSizes).toEqual([...Array<number>(windows - 1).fill(0), 1])
    expect(all.users.map((user) => user.Username)).toEqual([target.username])
  })

  it('answers a filter on an indexed attribute from its index: one user anywhere in the pool in one call, broad ones in full pages', async () => {
    const { sandbox, call, pool } = await setUp()
    const users = sandbox.tenant.users()
    const target = users[users.length - 3] as { username: string; attributes: Record<string, string> }
    const narrow = await readAllUsers(call, { ...pool, Filter: `email = "${target.attributes.email}"` })
    expect(narrow).toEqual({ users: [expect.objectContaining({ Username: target.username })], pageSizes: [1] })
    const enabled = users.filter((user) => user.attributes.email !== undefined)
    const broad = await readAllUsers(call, { ...pool, Filter: 'email ^= ""' })
    expect(broad.users.map((user) => user.Username)).toEqual(enabled.map((user) => user.username))
    expect(broad.pageSizes.slice(0, -1).every((size) => size === 60)).toBe(true)
  })

  it('answers every indexed filter with what a scan of the pool finds, also after a user is renamed', async () => {
    const { sandbox, call, pool } = await setUp(400)
    const users = sandbox.tenant.users()
    const attributes = ['username', 'email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username', 'sub'] as const
    const valueOf = (user: (typeof users)[number], attribute: string) => (attribute === 'username' ? user.username : user.attributes[attribute])
    const filters: string[] = []
    users.forEach((user, position) => {
      if (position % 37 !== 0) return
      for (const attribute of attributes) {
        const value = valueOf(user, attribute)
        if (value === undefined) continue
        filters.push(`${attribute} = "${value}"`, `${attribute} ^= "${value.slice(0, 1 + (position % 5))}"`, `${attribute} = "${value.toUpperCase()}"`)
      }
    })
    filters.push('given_name ^= "Zq"', 'email ^= "dana.lee"')
    for (const filter of filters) {
      const parsed = parseUserFilter(filter) as UserFilter
      const scanned = sandbox.tenant.users().filter((user) => matchesFilter(user, parsed)).map((user) => user.username)
      expect((await readAllUsers(call, { ...pool, Filter: filter, Limit: 25 })).users.map((user) => user.Username), filter).toEqual(scanned)
    }

    const renamed = users[7] as { username: string }
    expect((await call('AdminUpdateUserAttributes', { ...pool, Username: renamed.username, UserAttributes: [{ Name: 'family_name', Value: 'Zwyrtzon' }] })).status).toBe(200)
    expect((await readAllUsers(call, { ...pool, Filter: 'family_name ^= "Zwy"' })).users.map((user) => user.Username)).toEqual([renamed.username])
  })

  it('finds with = and ^= on each searchable attribute', async () => {
    const { sandbox, call, pool } = await setUp()
    const user = sandbox.tenant.users()[3] as { username: string; attributes: Record<string, string> }
    const expectations: [string, (candidate: { username: string; attributes: Record<string, string> }) => boolean][] = [
      [`username = "${user.username}"`, (candidate) => candidate.username === user.username],
      [`email = "${user.attributes.email}"`, (candidate) => candidate.attributes.email === user.attributes.email],
      [`sub = "${user.attributes.sub}"`, (candidate) => candidate.attributes.sub === user.attributes.sub],
      [`phone_number = "${user.attributes.phone_number}"`, (candidate) => candidate.attributes.phone_number === user.attributes.phone_number],
      [`given_name ^= "${user.attributes.given_name?.slice(0, 2)}"`, (candidate) => candidate.attributes.given_name?.startsWith(user.attributes.given_name?.slice(0, 2) ?? '') ?? false],
      [`family_name = "${user.attributes.family_name}"`, (candidate) => candidate.attributes.family_name === user.attributes.family_name],
      [`name ^= "${user.attributes.name?.split(' ')[0]}"`, (candidate) => candidate.attributes.name?.startsWith(user.attributes.name?.split(' ')[0] ?? '') ?? false],
    ]
    for (const [filter, expected] of expectations) {
      const found = await readAllUsers(call, { ...pool, Filter: filter })
      const wanted = sandbox.tenant.users().filter(expected).map((candidate) => candidate.username)
      expect(wanted.length, filter).toBeGreaterThan(0)
      expect(found.users.map((candidate) => candidate.Username), filter).toEqual(wanted)
    }
  })

  it('filters on status Enabled/Disabled (with case) and on cognito:user_status (without)', async () => {
    const { sandbox, call, pool } = await setUp()
    const disabled = sandbox.tenant.users().filter((user) => !user.enabled).map((user) => user.username)
    expect(disabled.length).toBeGreaterThan(0)
    expect((await readAllUsers(call, { ...pool, Filter: 'status = "Disabled"' })).users.map((user) => user.Username)).toEqual(disabled)
    expect((await readAllUsers(call, { ...pool, Filter: 'status = "disabled"' })).users).toEqual([])
    expect((await readAllUsers(call, { ...pool, Filter: 'status = "Enabled"' })).users).toHaveLength(seededAccounts('cognito', 150) - disabled.length)
    sandbox.tenant.setStatus(sandbox.tenant.users()[0]?.username as string, 'FORCE_CHANGE_PASSWORD')
    const forced = sandbox.tenant.users().filter((user) => user.status === 'FORCE_CHANGE_PASSWORD').map((user) => user.username)
    expect((await readAllUsers(call, { ...pool, Filter: 'cognito:user_status = "force_change_password"' })).users.map((user) => user.Username)).toEqual(forced)
  })

  it('takes escaped quotes in a value, spaces around the operator optional', async () => {
    const { sandbox, call, pool } = await setUp(0)
    sandbox.tenant.addUser({ username: 'conan.obrien', attributes: { family_name: 'O"Brien' } })
    for (const filter of ['family_name = "O\\"Brien"', 'family_name="O\\"Brien"', 'family_name ^= "O\\""']) {
      expect((await readAllUsers(call, { ...pool, Filter: filter })).users.map((user) => user.Username), filter).toEqual(['conan.obrien'])
    }
  })

  it.each([
    ['email = unquoted', 'Error while parsing filter'],
    ['email ~= "x"', 'Error while parsing filter'],
    ['email = "a" and name = "b"', 'Error while parsing filter'],
    ['custom:department = "IT"', 'Invalid search attribute: custom:department'],
    ['locale = "en-GB"', 'Invalid search attribute: locale'],
  ])('refuses the filter %s with InvalidParameterException', async (filter, message) => {
    const { call, pool } = await setUp(5)
    expect((await call('ListUsers', { ...pool, Filter: filter })).body).toEqual({ __type: 'InvalidParameterException', message })
  })

  it('matches everyone with an empty filter and refuses one longer than 256 characters', async () => {
    const { call, pool } = await setUp(5)
    expect(((await call('ListUsers', { ...pool, Filter: '' })).body.Users as UserJson[]).length).toBe(5)
    const long = await call('ListUsers', { ...pool, Filter: `email = "${'a'.repeat(260)}"` })
    expect(long.body.message).toMatch(/at 'filter' failed to satisfy constraint: Member must have length less than or equal to 256$/)
  })

  it('refuses a token it did not give out', async () => {
    const { call, ok, pool } = await setUp()
    expect((await call('ListUsers', { ...pool, PaginationToken: 'bm90LW91cnM=' })).body).toEqual({ __type: 'InvalidParameterException', message: 'Invalid pagination token.' })
    const groupsToken = (await ok('ListGroups', { ...pool, Limit: 1 })).NextToken as string
    expect((await call('ListUsers', { ...pool, PaginationToken: groupsToken })).body.__type).toBe('InvalidParameterException')
  })

  it('keeps a token valid when the last user of its page is deleted meanwhile', async () => {
    const { sandbox, ok, pool } = await setUp()
    const first = await ok('ListUsers', { ...pool, Limit: 10 })
    const last = (first.Users as UserJson[]).at(-1)?.Username as string
    await ok('AdminDeleteUser', { ...pool, Username: last })
    const second = await ok('ListUsers', { ...pool, Limit: 10, PaginationToken: first.PaginationToken })
    expect((second.Users as UserJson[]).map((user) => user.Username)).toEqual(sandbox.tenant.users().slice(9, 19).map((user) => user.username))
  })

  it('answers only AttributesToGet when given', async () => {
    const { ok, pool } = await setUp(3)
    const users = (await ok('ListUsers', { ...pool, AttributesToGet: ['email', 'given_name'] })).Users as UserJson[]
    for (const user of users) {
      expect(user.Attributes.map((attribute) => attribute.Name).sort()).toEqual(['email', 'given_name'])
      expect(attributeOf(user, 'sub')).toBeUndefined()
    }
  })
})
