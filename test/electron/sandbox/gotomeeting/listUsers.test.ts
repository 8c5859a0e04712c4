import { describe, expect, it } from 'vitest'
import { adminError, asList, filterQuery, useGoToMeetingSandbox, type Json } from './goToClient'

describe('GoTo sandbox: listing users', () => {
  const start = useGoToMeetingSandbox()

  it('pages by pageSize and a 0-based offset, toIndex + 1 being the next offset, every user once in key order', async () => {
    const { sandbox, call, users } = await start()
    const seen: string[] = []
    let offset = 0
    for (;;) {
      const page = asList(await call('GET', `${users}?pageSize=7&offset=${offset}`))
      expect(page.fromIndex).toBe(offset)
      expect(page.toIndex).toBe(offset + page.results.length - 1)
      seen.push(...page.results.map((user) => user.key as string))
      offset = page.toIndex + 1
      if (offset >= page.total) break
    }
    const keys = sandbox.tenant.users().map((user) => user.key)
    expect(seen).toEqual(keys)
    expect(new Set(seen).size).toBe(seen.length)
    expect([...seen].sort((left, right) => (BigInt(left) < BigInt(right) ? -1 : 1))).toEqual(seen)
  })

  it('answers 50 users when no pageSize is given, and no results past the end', async () => {
    const { sandbox, call, users } = await start({ users: 80 })
    const first = asList(await call('GET', users))
    expect([first.results.length, first.fromIndex, first.toIndex, first.total]).toEqual([50, 0, 49, sandbox.tenant.count()])
    const past = asList(await call('GET', `${users}?offset=500`))
    expect([past.results, past.fromIndex, past.total]).toEqual([[], 500, sandbox.tenant.count()])
  })

  it('clamps a pageSize above 1000 to 1000', async () => {
    const { call, users } = await start({ users: 1200 })
    const page = asList(await call('GET', `${users}?pageSize=5000&attributes=key`))
    expect(page.results).toHaveLength(1000)
    expect(page.toIndex).toBe(999)
    expect(page.total).toBeGreaterThan(1000)
  })

  it.each(['pageSize=0', 'pageSize=ten', 'offset=-1'])('refuses %s with 400 invalid.parameter', async (parameter) => {
    const { call, users } = await start()
    const answer = await call('GET', `${users}?${parameter}`)
    expect([answer.status, adminError(answer)]).toMatchObject([400, { code: 'invalid.parameter', value: parameter }])
  })

  it('answers every key as a JSON string too long for a double, and no created or modified dates', async () => {
    const { call, users } = await start()
    const page = asList(await call('GET', `${users}?pageSize=100`))
    for (const user of page.results) {
      expect(user.key).toMatch(/^\d{17,}$/)
      expect(Number.isSafeInteger(Number(user.key))).toBe(false)
      expect(Object.keys(user).filter((name) => /^(created|createTime|creationDate|lastModified|lastUpdated|modifyTime|updateTime)$/i.test(name))).toEqual([])
    }
  })

  it('filters with `email eq "…"` ignoring case, and answers a total of 0 for nobody', async () => {
    const { sandbox, call, users } = await start()
    const someone = sandbox.tenant.users()[5] as { email: string; key: string }
    const found = asList(await call('GET', `${users}?${filterQuery(`email eq "${someone.email.toUpperCase()}"`)}`))
    expect([found.total, found.results[0]?.key]).toEqual([1, someone.key])
    const nobody = asList(await call('GET', `${users}?${filterQuery('email eq "nobody@example.com"')}`))
    expect([nobody.total, nobody.results]).toEqual([0, []])
  })

  it('filters on names with sw, co and `and` / `or`, and with the older regex form joined by & and |', async () => {
    const { sandbox, call, users } = await start()
    const people = sandbox.tenant.users()
    const target = people[7] as { firstName: string; lastName: string; key: string }
    const keysOf = async (filter: string) => asList(await call('GET', `${users}?pageSize=1000&${filterQuery(filter)}`)).results.map((user) => user.key)
    const expected = (predicate: (user: (typeof people)[number]) => boolean) => people.filter(predicate).map((user) => user.key)
    const first = target.firstName.toLowerCase()
    const last = target.lastName.toLowerCase()

    expect(await keysOf(`firstName sw "${first.slice(0, 2)}"`)).toEqual(expected((user) => user.firstName.toLowerCase().startsWith(first.slice(0, 2))))
    expect(await keysOf(`lastName co "${last.slice(1, 3)}"`)).toEqual(expected((user) => user.lastName.toLowerCase().includes(last.slice(1, 3))))
    expect(await keysOf(`firstName eq "${target.firstName}" and lastName eq "${target.lastName}"`)).toContain(target.key)
    expect(await keysOf(`(firstName eq "${target.firstName}" or lastName eq "${target.lastName}") and key eq "${target.key}"`)).toEqual([target.key])
    expect(await keysOf(`(firstName="(?i)${first}") & (lastName="(?i).*${last.slice(1)}")`)).toContain(target.key)
    // Case matters in the regex form without (?i).
    expect(await keysOf(`(firstName="${first.toUpperCase()}")`)).toEqual([])
    expect(await keysOf(`(key="${target.key}") | (email="nobody")`)).toEqual([target.key])
  })

  it('refuses a filter whose spaces were sent as +, which GoTo does not read as spaces', async () => {
    const { sandbox, call, users } = await start()
    const email = sandbox.tenant.users()[3]?.email ?? ''
    const plus = await call('GET', `${users}?filter=email+eq+%22${encodeURIComponent(email)}%22`)
    expect([plus.status, adminError(plus).code]).toEqual([400, 'invalid.filter'])
    const percent = await call('GET', `${users}?filter=email%20eq%20%22${encodeURIComponent(email)}%22`)
    expect(asList(percent).total).toBe(1)
  })

  it.each(['email eq', 'title eq "x"', '(email="a"', 'email eq "a" and', 'email like "a"', '(email="[")'])('refuses the filter %j with 400 invalid.filter', async (filter) => {
    const { call, users } = await start()
    const answer = await call('GET', `${users}?${filterQuery(filter)}`)
    expect([answer.status, adminError(answer)]).toMatchObject([400, { code: 'invalid.filter', value: filter }])
  })

  it('answers only the attributes asked for, by `attributes` or `attributeNames`', async () => {
    const { call, users } = await start()
    for (const parameter of ['attributes', 'attributeNames']) {
      const page = asList(await call('GET', `${users}?pageSize=3&${parameter}=key,email`))
      for (const user of page.results) expect(Object.keys(user).sort()).toEqual(['email', 'key'])
    }
  })

  it('filters on the derived status, and lists remembered deleted users only when the filter asks about status', async () => {
    const { sandbox, call, users } = await start()
    const suspended = asList(await call('GET', `${users}?pageSize=1000&${filterQuery('status eq "SUSPENDED"')}`)).results
    expect(suspended.map((user) => user.key)).toEqual(sandbox.tenant.users().filter((user) => user.status === 'SUSPENDED').map((user) => user.key))
    const deletedEmail = sandbox.tenant.deletedEmails()[0] as string
    expect(deletedEmail).toBeDefined()
    expect(asList(await call('GET', `${users}?${filterQuery(`email eq "${deletedEmail}"`)}`)).total).toBe(0)
    const deleted = asList(await call('GET', `${users}?${filterQuery(`email eq "${deletedEmail}" and status eq "DELETED"`)}`))
    expect(deleted.total).toBe(1)
    expect(deleted.results[0] as Json).toMatchObject({ email: deletedEmail, status: 'DELETED', licenseKeys: [], canAuthenticate: false })
    const allDeleted = asList(await call('GET', `${users}?${filterQuery('status eq "DELETED"')}`))
    expect(allDeleted.results.map((user) => user.email).sort()).toEqual([...sandbox.tenant.deletedEmails()].sort())
  })
})
