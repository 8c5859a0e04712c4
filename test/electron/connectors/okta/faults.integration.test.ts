import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { allPages, oktaHarness } from './oktaSandboxHarness'

describe('Okta connector under faults', () => {
  it('waits out a burst of 429s until Okta’s rate-limit reset and then answers', async () => {
    const { connector, sandbox, requests, logger } = await oktaHarness()
    sandbox.faults.script([{ kind: 'rate_limit', path: '/api/v1/users', times: 2 }])
    const started = performance.now()
    const page = await connector.list('users', { search: '', pageSize: 10 })
    expect(page.items).toHaveLength(10)
    expect(requests().map((request) => request.status)).toEqual([429, 429, 200])
    // The scripted 429 says the window resets on the next second: each wait lasts until then.
    expect(performance.now() - started).toBeGreaterThan(100)
    expect(logger.lines.filter((line) => line.message.includes('rate limit reached'))).toHaveLength(2)
  })

  it('retries a GET answered 500 and returns the page', async () => {
    const { connector, sandbox, requests } = await oktaHarness()
    sandbox.faults.script([{ kind: 'server_error', method: 'GET', path: '/api/v1/users', times: 2 }])
    const page = await connector.list('users', { search: '', pageSize: 10 })
    expect(page.items).toHaveLength(10)
    expect(requests().map((request) => [request.status, request.attempt])).toEqual([
      [500, 1],
      [500, 2],
      [200, 3],
    ])
  })

  it('resumes a list from its last cursor after a connection reset, with no duplicate and no missing row', async () => {
    const { connector, sandbox, tenant } = await oktaHarness()
    const expected = tenant.users().map((user) => user.id)
    sandbox.faults.script([{ kind: 'reset', path: '/api/v1/users', after: 3 }])
    const { ids } = await allPages((cursor) => connector.list('users', { search: '', cursor, pageSize: 40 }))
    expect(ids).toHaveLength(expected.length)
    expect(new Set(ids)).toEqual(new Set(expected))
  })

  it('picks up from the cursor it was given when a list call failed for good, with no duplicate and no missing row', async () => {
    const { sandbox, tenant, connect } = await oktaHarness()
    const connector = connect({}, undefined, { maxRetries: 0 })
    const expected = tenant.users().map((user) => user.id)
    sandbox.faults.script([{ kind: 'reset', path: '/api/v1/users', after: 2 }])
    const ids: string[] = []
    let cursor: string | null = null
    let failures = 0
    do {
      try {
        const page: { items: { id: string }[]; nextCursor: string | null } = await connector.list('users', { search: '', cursor, pageSize: 70 })
        ids.push(...page.items.map((item) => item.id))
        cursor = page.nextCursor
      } catch (error) {
        expect((error as { code?: string }).code).toBe('network')
        failures++
      }
    } while (cursor)
    expect(failures).toBe(1)
    expect(ids).toHaveLength(expected.length)
    expect(new Set(ids)).toEqual(new Set(expected))
  })

  it('gives up on a request that never answers with a network error saying so', async () => {
    const { sandbox, connect } = await oktaHarness()
    const connector = connect({}, undefined, { timeoutMs: 200, maxRetries: 1 })
    sandbox.faults.script([{ kind: 'timeout', path: '/api/v1/users', times: 2 }])
    const error = await expectAppError(connector.list('users', { search: '', pageSize: 10 }), 'network')
    expect(error.message).toContain('did not answer within 200 ms')
  })

  it('retries a timed-out GET once and gets the answer', async () => {
    const { sandbox, connect } = await oktaHarness()
    const connector = connect({}, undefined, { timeoutMs: 200 })
    sandbox.faults.script([{ kind: 'timeout', path: '/api/v1/groups' }])
    expect((await connector.list('groups', { search: '', pageSize: 5 })).items).toHaveLength(5)
  })

  it('never sends a failed POST twice', async () => {
    const { connector, sandbox, tenant } = await oktaHarness()
    const groupsBefore = tenant.countGroups()
    sandbox.faults.script([{ kind: 'server_error', method: 'POST', path: '/api/v1/groups' }])
    const before = sandbox.requestCount()
    const error = await expectAppError(connector.create('groups', { displayName: 'Once Only' }, {}), 'network')
    expect(sandbox.requestCount() - before).toBe(1)
    expect(error.message).toContain('may have been carried out anyway')
    expect(tenant.countGroups()).toBe(groupsBefore)
  })

  it('never resends a POST whose connection was reset', async () => {
    const { connector, sandbox } = await oktaHarness()
    sandbox.faults.script([{ kind: 'reset', method: 'POST', path: '/api/v1/groups' }])
    const before = sandbox.requestCount()
    await expectAppError(connector.create('groups', { displayName: 'Once Only' }, {}), 'network')
    expect(sandbox.requestCount() - before).toBe(1)
  })

  it('cancels a superseded list at once, and the next list answers', async () => {
    const { connector, sandbox } = await oktaHarness({ latencyMs: 1_000 })
    const superseded = new AbortController()
    const started = performance.now()
    const first = connector.list('users', { search: 'a', pageSize: 10 }, superseded.signal)
    setTimeout(() => superseded.abort(), 30)
    await expectAppError(first, 'cancelled')
    expect(performance.now() - started).toBeLessThan(900)
    sandbox.setLatency(0)
    expect((await connector.list('users', { search: 'b', pageSize: 10 })).items.length).toBeGreaterThan(0)
  })

  it('refuses a cursor from another search', async () => {
    const { connector } = await oktaHarness()
    const page = await connector.list('users', { search: '', pageSize: 10 })
    await expectAppError(connector.list('users', { search: 'suspended', cursor: page.nextCursor, pageSize: 10 }), 'invalid_input')
  })
})
