import { get } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOktaSandbox, type RunningOktaSandbox } from '../../../../electron/sandbox/okta/startOktaSandbox'
import type { OktaUserRecord } from '../../../../electron/sandbox/okta/oktaRecords'
import { asList, asObject, oktaClient, readAllPages, type Json, type OktaCall } from './oktaClient'

const encoded = (expression: string) => encodeURIComponent(expression)

describe('Okta sandbox: listing users', () => {
  let sandbox: RunningOktaSandbox
  let call: OktaCall
  let everyone: OktaUserRecord[]

  beforeAll(async () => {
    sandbox = await startOktaSandbox({ users: 450, seed: 'listing' })
    call = oktaClient(sandbox)
    everyone = sandbox.tenant.users()
  })
  afterAll(() => sandbox.close())

  const ids = (users: { id: string }[]) => users.map((user) => user.id)
  const expected = (keep: (user: OktaUserRecord) => boolean) => ids(everyone.filter(keep))

  describe('paging', () => {
    it('pages 200 at a time in a stable order, leaving DEPROVISIONED users out, with no next on the last page', async () => {
      const { items, pageSizes, answers } = await readAllPages(call, '/api/v1/users')
      const listed = expected((user) => user.status !== 'DEPROVISIONED')
      expect(listed.length).toBeGreaterThan(400)
      expect(ids(items)).toEqual(listed)
      expect(pageSizes).toEqual([200, 200, listed.length - 400])
      expect(answers.at(-1)?.links.next).toBeUndefined()
      expect(everyone.some((user) => user.status === 'DEPROVISIONED')).toBe(true)
    })

    it('sends absolute self and next links that carry the limit and query forward, with the last id as cursor', async () => {
      const first = await call('GET', `/api/v1/users?search=${encoded('status eq "ACTIVE"')}&limit=5`)
      const page = asList(first)
      expect(first.links.self).toBe(`${sandbox.url}/api/v1/users?limit=5&search=status+eq+%22ACTIVE%22`)
      expect(first.links.next).toBe(`${sandbox.url}/api/v1/users?after=${page[4]?.id}&limit=5&search=status+eq+%22ACTIVE%22`)
      const second = await call('GET', first.links.next as string)
      expect(second.links.self).toBe(first.links.next)
      expect(ids(asList(second))).toEqual(expected((user) => user.status === 'ACTIVE').slice(5, 10))
    })

    it('sends self and next as two separate Link headers', async () => {
      const rawHeaders = await new Promise<string[]>((resolve, reject) => {
        get(`${sandbox.url}/api/v1/users?limit=2`, { headers: { Authorization: `SSWS ${sandbox.credentials.token}` } }, (response) => {
          response.resume()
          resolve(response.rawHeaders)
        }).on('error', reject)
      })
      const links = rawHeaders.filter((_, index) => index % 2 === 1 && rawHeaders[index - 1]?.toLowerCase() === 'link')
      expect(links).toHaveLength(2)
      expect(links[0]).toMatch(/; rel="self"$/)
      expect(links[1]).toMatch(/; rel="next"$/)
    })

    it('clamps the limit to 200 and refuses one that is not a positive whole number with 400 E0000029', async () => {
      const clamped = await call('GET', '/api/v1/users?limit=500')
      expect(asList(clamped)).toHaveLength(200)
      expect(clamped.links.next).toContain('limit=200')
      for (const limit of ['abc', '0', '-3']) {
        const refused = await call('GET', `/api/v1/users?limit=${limit}`)
        expect([refused.status, asObject(refused).errorCode]).toEqual([400, 'E0000029'])
      }
    })

    it('keeps paging correctly when the cursor user is deleted between pages', async () => {
      const own = await startOktaSandbox({ users: 20 })
      try {
        const ownCall = oktaClient(own)
        const first = await ownCall('GET', '/api/v1/users?limit=5')
        const cursorUser = asList(first)[4]?.id as string
        await ownCall('DELETE', `/api/v1/users/${cursorUser}`)
        await ownCall('DELETE', `/api/v1/users/${cursorUser}`)
        const second = await ownCall('GET', first.links.next as string)
        const all = own.tenant.users().filter((user) => user.status !== 'DEPROVISIONED')
        expect(ids(asList(second))).toEqual(ids(all.filter((user) => user.id > cursorUser)).slice(0, 5))
      } finally {
        await own.close()
      }
    })
  })

  describe('search', () => {
    const search = async (expression: string) => readAllPages(call, `/api/v1/users?search=${encoded(expression)}&limit=100`).then((result) => ids(result.items))

    it('matches eq ignoring case in values, and includes DEPROVISIONED users', async () => {
      const found = await search('profile.department eq "engineering"')
      expect(found).toEqual(expected((user) => user.profile.department === 'Engineering'))
      expect(found.length).toBeGreaterThan(50)
      const deprovisioned = await search('status eq "DEPROVISIONED"')
      expect(deprovisioned).toEqual(expected((user) => user.status === 'DEPROVISIONED'))
      expect(deprovisioned.length).toBeGreaterThan(0)
    })

    it('combines and/or with parentheses, sw, pr, date comparisons and the no-ne idiom', async () => {
      expect(await search('profile.department eq "Sales" and (status eq "SUSPENDED" or profile.city sw "lon")')).toEqual(
        expected((user) => user.profile.department === 'Sales' && (user.status === 'SUSPENDED' || String(user.profile.city).toLowerCase().startsWith('lon'))),
      )
      expect(await search('profile.badgeColours pr')).toEqual(expected((user) => Array.isArray(user.profile.badgeColours)))
      expect(await search('profile.badgeColours eq "red"')).toEqual(expected((user) => (user.profile.badgeColours as string[] | undefined)?.includes('red') ?? false))
      expect(await search('created lt "2020-01-01T00:00:00.000Z"')).toEqual(expected((user) => user.created < '2020-01-01T00:00:00.000Z'))
      expect(await search('status lt "STAGED" or status gt "STAGED"')).toEqual(expected((user) => user.status !== 'STAGED'))
      expect(await search('not (status eq "ACTIVE")')).toEqual(expected((user) => user.status !== 'ACTIVE'))
    })

    it('allows co only on firstName, lastName, email and login', async () => {
      expect(await search('profile.email co "smith"')).toEqual(expected((user) => String(user.profile.email).includes('smith')))
      const refused = await call('GET', `/api/v1/users?search=${encoded('profile.city co "on"')}`)
      expect([refused.status, asObject(refused).errorCode, asObject(refused).errorSummary]).toEqual([400, 'E0000031', 'Invalid search criteria.'])
    })

    it('refuses ne, unknown top-level attributes and bad syntax with 400 E0000031', async () => {
      for (const expression of ['status ne "ACTIVE"', 'nickname eq "x"', 'profile.lastName eq', '(status eq "ACTIVE"', 'status eq "ACTIVE" and', 'status equals "x"']) {
        const answer = await call('GET', `/api/v1/users?search=${encoded(expression)}`)
        expect([expression, answer.status, asObject(answer).errorCode]).toEqual([expression, 400, 'E0000031'])
      }
      const syntax = await call('GET', `/api/v1/users?search=${encoded('status eq "ACTIVE')}`)
      expect(asObject(syntax).errorCauses).toEqual([{ errorSummary: 'Invalid search syntax.' }])
    })

    it('accepts spaces encoded as + as well as %20, and escaped quotes in strings', async () => {
      const plus = await call('GET', '/api/v1/users?search=status+eq+%22SUSPENDED%22')
      const percent = await call('GET', '/api/v1/users?search=status%20eq%20%22SUSPENDED%22')
      expect(ids(asList(plus))).toEqual(ids(asList(percent)))
      expect(asList(plus).length).toBeGreaterThan(0)
      const quoted = await call('GET', `/api/v1/users?search=${encoded('profile.lastName eq "O\\"Brien"')}`)
      expect(quoted.status).toBe(200)
    })

    it('sorts by sortBy (ties by id) in either order and pages through the sorted list', async () => {
      const ascending = await search('status eq "ACTIVE"')
      const sorted = await readAllPages(call, `/api/v1/users?search=${encoded('status eq "ACTIVE"')}&sortBy=profile.lastName&sortOrder=desc&limit=50`)
      const names = sorted.items.map((user) => String((user.profile as { lastName: string }).lastName).toLowerCase())
      expect(names).toEqual([...names].sort().reverse())
      expect(new Set(ids(sorted.items))).toEqual(new Set(ascending))
      expect(sorted.items).toHaveLength(ascending.length)
    })
  })

  describe('filter', () => {
    it('matches the documented attributes with eq, case-sensitively', async () => {
      const active = await readAllPages(call, `/api/v1/users?filter=${encoded('status eq "ACTIVE"')}`)
      expect(ids(active.items)).toEqual(expected((user) => user.status === 'ACTIVE'))
      const lowerCase = await call('GET', `/api/v1/users?filter=${encoded('status eq "active"')}`)
      expect(asList(lowerCase)).toEqual([])
      const someone = everyone[10] as OktaUserRecord
      const byLogin = await call('GET', `/api/v1/users?filter=${encoded(`profile.login eq "${someone.profile.login}" or id eq "${everyone[11]?.id}"`)}`)
      expect(ids(asList(byLogin))).toEqual([someone.id, everyone[11]?.id])
    })

    it('allows ordered comparisons on lastUpdated only, and refuses other attributes and not', async () => {
      const recent = await readAllPages(call, `/api/v1/users?filter=${encoded('lastUpdated gt "2024-01-01T00:00:00.000Z"')}`)
      expect(ids(recent.items)).toEqual(expected((user) => user.lastUpdated > '2024-01-01T00:00:00.000Z'))
      for (const expression of ['profile.department eq "Sales"', 'created gt "2020-01-01T00:00:00.000Z"', 'not (status eq "ACTIVE")', 'profile.login sw "a"']) {
        const answer = await call('GET', `/api/v1/users?filter=${encoded(expression)}`)
        expect([expression, answer.status, asObject(answer).errorCode]).toEqual([expression, 400, 'E0000031'])
      }
    })
  })

  describe('q', () => {
    it('matches a prefix of first name, last name or email, leaves DEPROVISIONED out, returns 10 by default and never a next link', async () => {
      const prefix = String(everyone[20]?.profile.firstName).slice(0, 2)
      const answer = await call('GET', `/api/v1/users?q=${encodeURIComponent(prefix.toLowerCase())}`)
      const matches = expected(
        (user) =>
          user.status !== 'DEPROVISIONED' &&
          ['firstName', 'lastName', 'email'].some((name) => String(user.profile[name] ?? '').toLowerCase().startsWith(prefix.toLowerCase())),
      )
      expect(ids(asList(answer))).toEqual(matches.slice(0, 10))
      expect(answer.links.next).toBeUndefined()
      const more = await call('GET', `/api/v1/users?q=${encodeURIComponent(prefix)}&limit=500`)
      expect(ids(asList(more))).toEqual(matches.slice(0, 200))
      expect(more.links.next).toBeUndefined()
    })
  })

  describe('fields (projection)', () => {
    it("answers only the properties asked for, id always, a profile's inside profile:(…), and carries fields to the next page", async () => {
      const fields = 'status,profile:(firstName, login)'
      const first = await call('GET', `/api/v1/users?search=${encoded('status pr')}&limit=3&fields=${encoded(fields)}`)
      const page = asList(first)
      const full = asList(await call('GET', `/api/v1/users?search=${encoded('status pr')}&limit=3`))
      expect(page).toEqual(full.map((user) => ({ id: user.id, status: user.status, profile: pick(user.profile as Json, 'firstName', 'login') })))
      expect(first.links.next).toContain(`fields=${new URLSearchParams({ fields }).toString().slice('fields='.length)}`)
      const second = asList(await call('GET', first.links.next as string))
      expect(Object.keys(second[0]!).sort()).toEqual(['id', 'profile', 'status'])
    })

    it('leaves out a property no user has, as any other not asked for', async () => {
      const [user] = asList(await call('GET', `/api/v1/users?limit=1&fields=${encoded('nickname,profile:(noSuchAttribute)')}`))
      expect(user).toEqual({ id: user!.id, profile: {} })
    })

    it('refuses a malformed projection with a 400 that says how to write one', async () => {
      for (const fields of ['status,profile:(firstName', 'status,,id', 'profile:((login))', 'profile:(first name)']) {
        const answer = await call('GET', `/api/v1/users?limit=1&fields=${encoded(fields)}`)
        expect(answer.status, fields).toBe(400)
        expect(asObject(answer).errorCode).toBe('E0000031')
      }
    })
  })
})

function pick(object: Record<string, unknown>, ...names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((name) => Object.hasOwn(object, name)).map((name) => [name, object[name]]))
}
