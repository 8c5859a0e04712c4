import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { allPages, goToHarness } from './goToSandboxHarness'

const usersPath = /\/users$/

describe('GoToMeeting connector under faults', () => {
  it('waits out a 429 (GoTo gives no hint: one second) and then answers', async () => {
    const { connector, sandbox, requests, mark, logger } = await goToHarness()
    await connector.testConnection()
    sandbox.faults.script([{ kind: 'rate_limit', method: 'GET', path: usersPath }])
    mark()
    const started = performance.now()
    const page = await connector.list('users', { search: '', pageSize: 10 })
    expect(page.items).toHaveLength(10)
    expect(requests().map((request) => request.status)).toEqual([429, 200])
    expect(performance.now() - started).toBeGreaterThanOrEqual(950)
    expect(logger.lines.some((line) => line.message.includes('rate limit reached'))).toBe(true)
  })

  it('retries a GET answered 500 and 502 and returns the page', async () => {
    const { connector, sandbox, requests, mark } = await goToHarness()
    await connector.testConnection()
    sandbox.faults.script([
      { kind: 'server_error', method: 'GET', path: usersPath },
      { kind: 'bad_gateway', method: 'GET', path: usersPath },
    ])
    mark()
    expect((await connector.list('users', { search: '', pageSize: 10 })).items).toHaveLength(10)
    expect(requests().map((request) => [request.status, request.attempt])).toEqual([
      [500, 1],
      [502, 2],
      [200, 3],
    ])
  })

  it('resumes a list after a connection reset with no duplicate and no missing row', async () => {
    const { connector, sandbox, tenant } = await goToHarness()
    sandbox.faults.script([{ kind: 'reset', method: 'GET', path: usersPath, after: 2 }])
    const { ids } = await allPages((cursor) => connector.list('users', { search: '', cursor, pageSize: 30 }))
    expect(ids).toHaveLength(tenant.count())
    expect(new Set(ids)).toEqual(new Set(tenant.users().map((user) => user.key)))
  })

  it('never sends a failed create twice', async () => {
    const { connector, sandbox, tenant } = await goToHarness()
    await connector.testConnection()
    const groups = tenant.groups().length
    sandbox.faults.script([{ kind: 'server_error', method: 'POST', path: /\/groups$/ }])
    const before = sandbox.requestCount()
    const error = await expectAppError(connector.create('groups', { displayName: 'Once Only' }, {}), 'network')
    expect(sandbox.requestCount() - before).toBe(1)
    expect(error.message).toContain('may have been carried out anyway')
    expect(tenant.groups()).toHaveLength(groups)
  })

  it('signs in again after a reset during the sign-in itself', async () => {
    const { connector, sandbox } = await goToHarness()
    sandbox.faults.script([{ kind: 'reset', method: 'POST', path: '/oauth/token' }])
    expect((await connector.list('groups', { search: '', pageSize: 3 })).items).toHaveLength(3)
  })

  it('gives up on a request that never answers with a network error saying so', async () => {
    const { connect, sandbox } = await goToHarness()
    const connector = connect({}, undefined, { timeoutMs: 200, maxRetries: 1 })
    await connector.testConnection()
    sandbox.faults.script([{ kind: 'timeout', method: 'GET', path: usersPath, times: 2 }])
    const error = await expectAppError(connector.list('users', { search: '', pageSize: 10 }), 'network')
    expect(error.message).toContain('did not answer within 200 ms')
  })
})
