import { describe, expect, it } from 'vitest'
import type { ChangeRetry } from '../../../../shared/changeProgress'
import { withChangeProgress } from '../../../../electron/http/changeProgress'
import { RetryWaits } from '../../../../electron/http/retryWaits'
import { expectAppError } from '../../../support/expectAppError'
import { allPages, cognitoHarness } from './cognitoSandboxHarness'

describe('Cognito connector under faults and limits', () => {
  it('waits out a throttling burst (TooManyRequestsException) and reads every page', async () => {
    const { connect, tenant, logger, calls } = await cognitoHarness()
    // Waits long enough, in all, to outlast the one-second quota window.
    const connector = connect({}, undefined, { throttling: { maxWaits: 6, initialMs: 100, maxMs: 800 } })
    tenant.throttle('UserList', 5)
    const { ids } = await allPages((cursor) => connector.list('users', { search: '', cursor, pageSize: 20 }))
    expect(new Set(ids)).toEqual(new Set(tenant.users().map((user) => user.username)))
    expect(calls().some((call) => call.outcome === 'TooManyRequestsException')).toBe(true)
    expect(logger.lines.filter((line) => line.message.startsWith('Cognito throttled ListUsers')).length).toBeGreaterThan(0)
  })

  it("tells a running change of each wait (changes.progress's retry line): throttling as the rate limit, a server fault as busy", async () => {
    const { connect, tenant, sandbox } = await cognitoHarness()
    const connector = connect({}, undefined, { throttling: { maxWaits: 6, initialMs: 20, maxMs: 40 } })
    sandbox.faults.script([{ kind: 'rate_limit' }])
    const seen: string[] = []
    const sink = { steps: () => {}, retry: (retry: ChangeRetry | null) => void seen.push(retry ? `${retry.reason} ${retry.attempt} of ${retry.of}` : 'sent') }
    await withChangeProgress(sink, () => connector.get('users', tenant.users()[0]!.username))
    sandbox.faults.script([{ kind: 'server_error' }])
    await withChangeProgress(sink, () => connector.list('users', { search: '', pageSize: 10 }))
    expect(seen).toEqual(['rate_limit 1 of 6', 'sent', 'server_busy 1 of 3', 'sent'])
  })

  it("tells the profile's retry waits of a read's wait outside any change, and of its end when cancelled meanwhile", async () => {
    const { connect, sandbox } = await cognitoHarness()
    const seen: string[] = []
    const retryWaits = new RetryWaits(({ waiting, retry }) => void seen.push(retry ? `${waiting}: ${retry.reason} ${retry.attempt} of ${retry.of}` : `${waiting}`))
    const connector = connect({}, undefined, { retryWaits, backoff: { initialMs: 60_000, maxMs: 60_000 } })
    sandbox.faults.script([{ kind: 'server_error' }])
    const controller = new AbortController()
    const read = connector.list('users', { search: '', pageSize: 10 }, controller.signal)
    await expect.poll(() => seen.length).toBe(1)
    controller.abort()
    await expect(read).rejects.toMatchObject({ code: 'cancelled' })
    expect(seen).toEqual(['1: server_busy 1 of 3', '0'])
  })

  it('gives up on throttling that does not end with rate_limited, after its waits', async () => {
    const { connector, tenant, calls } = await cognitoHarness()
    tenant.throttle('UserRead', 0)
    const error = await expectAppError(connector.get('users', tenant.users()[0]!.username), 'rate_limited')
    expect(error.message).toContain('waited 5 times')
    expect(calls().map((call) => call.attempt)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('retries a read answered with a server fault and returns the page', async () => {
    const { connector, sandbox, calls } = await cognitoHarness()
    sandbox.faults.script([{ kind: 'server_error', times: 2 }])
    expect((await connector.list('users', { search: '', pageSize: 10 })).items).toHaveLength(10)
    expect(calls().map((call) => [call.outcome, call.attempt])).toEqual([
      ['InternalErrorException', 1],
      ['InternalErrorException', 2],
      ['ok', 3],
    ])
  })

  it('resumes a list after a connection reset, with no duplicate and no missing user', async () => {
    const { connector, sandbox, tenant } = await cognitoHarness()
    sandbox.faults.script([{ kind: 'reset', after: 2 }])
    const { ids } = await allPages((cursor) => connector.list('users', { search: '', cursor, pageSize: 30 }))
    expect(ids).toHaveLength(tenant.users().length)
    expect(new Set(ids)).toEqual(new Set(tenant.users().map((user) => user.username)))
  })

  it('never sends a create twice after a server fault or a reset, and says it may have happened', async () => {
    const { connector, sandbox, tenant, calls, mark } = await cognitoHarness()
    sandbox.faults.script([{ kind: 'server_error' }])
    mark()
    await expectAppError(connector.create('groups', { displayName: 'after-fault' }, {}), 'network')
    expect(calls().map((call) => call.operation)).toEqual(['CreateGroup'])
    expect(tenant.group('after-fault')).toBeUndefined()
    sandbox.faults.script([{ kind: 'reset' }])
    const reset = await expectAppError(connector.create('groups', { displayName: 'after-reset' }, {}), 'network')
    expect(reset.message).toContain('may have been carried out anyway')
  })

  it('reports LimitExceededException at once, without retrying it', async () => {
    const { connector, tenant, calls, mark } = await cognitoHarness({ users: 10 })
    for (let index = tenant.count().groups; index < 10_000; index++) tenant.addGroup({ name: `filler-${index}` })
    mark()
    const error = await expectAppError(connector.create('groups', { displayName: 'the-last-straw' }, {}), 'conflict')
    expect(error.extra.details).toMatchObject({ targetCode: 'LimitExceededException' })
    expect(error.message).toContain('Waiting does not help')
    expect(calls()).toEqual([{ operation: 'CreateGroup', outcome: 'LimitExceededException', attempt: 1 }])
  })

  it('fails with auth_failed and the real error for a wrong secret or an unknown key, naming the key only', async () => {
    const { connect, sandbox, accessSecret } = await cognitoHarness()
    const wrongSecret = await expectAppError(connect({}, { accessSecret: 'not-the-secret-at-all' }).testConnection(), 'auth_failed')
    expect(wrongSecret.extra.details).toMatchObject({ targetCode: 'InvalidSignatureException', requestId: expect.any(String) })
    expect(wrongSecret.message).toContain(sandbox.credentials.accessKeyId!)
    expect(JSON.stringify(wrongSecret.toValue())).not.toContain('not-the-secret-at-all')
    const unknownKey = await expectAppError(connect({ accessKeyId: 'AKIAUNKNOWNKEY000000' }).testConnection(), 'auth_failed')
    expect(unknownKey.extra.details).toMatchObject({ targetCode: 'UnrecognizedClientException' })
    expect(JSON.stringify(unknownKey.toValue())).not.toContain(accessSecret)
  })

  it('says the pool is not found when the User Pool Id is wrong', async () => {
    const { connect } = await cognitoHarness()
    const error = await expectAppError(connect({ userPoolId: 'eu-west-1_NoSuchPool' }).testConnection(), 'not_found')
    expect(error.message).toContain('eu-west-1_NoSuchPool')
  })

  it('retries a timed-out read, and gives up with a network error when it keeps timing out', async () => {
    const { connect, sandbox } = await cognitoHarness()
    const connector = connect({}, undefined, { timeoutMs: 150, maxRetries: 1 })
    sandbox.faults.script([{ kind: 'timeout' }])
    expect((await connector.list('groups', { search: '', pageSize: 5 })).items).toHaveLength(5)
    sandbox.faults.script([{ kind: 'timeout', times: 2 }])
    const error = await expectAppError(connector.list('groups', { search: '', pageSize: 5 }), 'network')
    expect(error.message).toContain('did not answer within 150 ms')
  })

  it('cancels a read when its signal aborts, and refuses calls once closed', async () => {
    const { connect, sandbox } = await cognitoHarness()
    const connector = connect()
    sandbox.setLatency(300)
    const controller = new AbortController()
    const reading = connector.list('users', { search: '', pageSize: 10 }, controller.signal)
    setTimeout(() => controller.abort(), 30)
    await expectAppError(reading, 'cancelled')
    connector.close()
    const closed = await expectAppError(connector.list('users', { search: '', pageSize: 10 }), 'cancelled')
    expect(closed.message).toContain('closed')
  })
})
