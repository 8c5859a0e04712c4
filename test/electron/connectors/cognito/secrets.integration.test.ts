import { describe, expect, it } from 'vitest'
import { exposed, settle } from '../../../support/leakProbe'
import { AppError } from '../../../../electron/errors/AppError'
import { cognitoHarness } from './cognitoSandboxHarness'

describe('Cognito connector: the access secret and passwords never leak', () => {
  it('appear in no log line, result or error across operations, failures, retries, timeouts and refusals', async () => {
    const { connector, sandbox, tenant, accessSecret, logger, connect } = await cognitoHarness()
    const password = 'Pw-Leak-Canary-77!'
    const weakPassword = 'leakcanary'
    const person = tenant.users().find((user) => user.enabled)!.username
    const slow = connect({}, undefined, { timeoutMs: 150, maxRetries: 1 })
    const outcomes: unknown[] = []
    const run = async (promise: Promise<unknown>) => outcomes.push(await settle(promise))

    await run(connector.testConnection())
    await run(connector.list('users', { search: 'a', pageSize: 30 }))
    await run(connector.create('users', { userName: 'leak.test', 'emails[0].value': 'leak@example.com' }, { password }))
    await run(connector.create('users', { userName: 'leak.test', 'emails[0].value': 'leak@example.com' }, { password }))
    await run(connector.create('users', { userName: 'leak.weak', 'emails[0].value': 'weak@example.com', 'Extension.IsPasswordPermanent': true }, { password: weakPassword }))
    await run(connector.update('users', person, { password }))
    await run(connector.update('users', person, { password: weakPassword }))
    sandbox.faults.script([{ kind: 'server_error', times: 4 }])
    await run(connector.list('groups', { search: '', pageSize: 5 }))
    sandbox.faults.clear()
    sandbox.faults.script([{ kind: 'reset', after: 1 }])
    await run(connector.update('users', person, { password }))
    sandbox.faults.clear()
    sandbox.faults.script([{ kind: 'timeout', times: 2 }])
    await run(slow.get('users', person))
    sandbox.faults.script([{ kind: 'rate_limit', times: 1 }])
    await run(connector.get('users', person))
    await run(connect({}, { accessSecret: `${accessSecret}x` }).testConnection())

    expect(outcomes.some((outcome) => outcome instanceof AppError)).toBe(true)
    for (const secret of [accessSecret, password, weakPassword]) {
      for (const outcome of outcomes) expect(exposed(outcome)).not.toContain(secret)
      for (const line of logger.lines) expect(JSON.stringify(line)).not.toContain(secret)
    }
    expect(logger.secrets).toContain(accessSecret)
    expect(logger.secrets).toContain(password)
  })
})
