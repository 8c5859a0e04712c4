import { describe, expect, it } from 'vitest'
import { exposed, settle } from '../../../support/leakProbe'
import { AppError } from '../../../../electron/errors/AppError'
import { oktaHarness } from './oktaSandboxHarness'

describe('Okta connector: the token and passwords never leak', () => {
  it('appear in no log line, result or error across operations, failures, retries, timeouts and refusals', async () => {
    const { connector, sandbox, tenant, token, logger, connect } = await oktaHarness()
    const password = 'Pw-Leak-Canary-77'
    const user = tenant.users().find((candidate) => candidate.status === 'ACTIVE' && candidate.id !== tenant.adminUser.id)!
    const slow = connect({}, undefined, { timeoutMs: 150, maxRetries: 1 })
    const outcomes: unknown[] = []
    const run = async (promise: Promise<unknown>) => outcomes.push(await settle(promise))

    await run(connector.testConnection())
    await run(connector.list('users', { search: 'a', pageSize: 30 }))
    await run(connector.create('users', { 'name.givenName': 'Leak', 'name.familyName': 'Test', userName: 'leak@example.com', 'emails.value': 'leak@example.com' }, { password }))
    await run(connector.create('users', { 'name.givenName': 'Leak', 'name.familyName': 'Test', userName: 'leak@example.com', 'emails.value': 'leak@example.com' }, { password }))
    await run(connector.update('users', user.id, { password }))
    sandbox.faults.script([{ kind: 'server_error', path: '/api/v1/groups', times: 10 }])
    await run(connector.list('groups', { search: '', pageSize: 5 }))
    sandbox.faults.script([{ kind: 'reset', method: 'POST' }])
    await run(connector.create('users', { 'name.givenName': 'Other', 'name.familyName': 'Test', userName: 'other@example.com', 'emails.value': 'other@example.com' }, { password }))
    sandbox.faults.script([{ kind: 'timeout', times: 2 }])
    await run(slow.get('users', user.id))
    sandbox.faults.script([{ kind: 'rate_limit', times: 1 }])
    await run(connector.get('users', user.id))
    await run(connect({}, { token: `${token}-wrong` }).testConnection())

    expect(outcomes.filter((outcome) => outcome instanceof AppError).length).toBeGreaterThanOrEqual(6)
    const everything = outcomes.map(exposed).join('\n') + JSON.stringify(logger.lines)
    expect(everything).not.toContain(token)
    expect(everything).not.toContain(password)
    expect(everything).not.toMatch(/SSWS/)
    expect(logger.secrets.has(token)).toBe(true)
    expect(logger.secrets.has(password)).toBe(true)
  })
})
