import { describe, expect, it } from 'vitest'
import { exposed, settle } from '../../../support/leakProbe'
import { AppError } from '../../../../electron/errors/AppError'
import { goToHarness, passwordProfileValues } from './goToSandboxHarness'

describe('GoToMeeting connector: the personal access token, password, client secret and tokens never leak', () => {
  it('appear in no log line, result or error across operations, renewals, failures, retries and refusals', async () => {
    const { connector, connect, sandbox, tenant, secrets, logger } = await goToHarness()
    const person = tenant.users().find((user) => user.key !== tenant.adminUser.key && user.adminRoles.length > 0)!
    const slow = connect({}, undefined, { timeoutMs: 150, maxRetries: 1 })
    const outcomes: unknown[] = []
    const run = async (promise: Promise<unknown>) => outcomes.push(await settle(promise))

    await run(connector.testConnection())
    await run(connector.list('users', { search: 'a', pageSize: 30 }))
    await run(connector.create('users', { 'emails[0].value': person.email, 'name.givenName': 'X', 'name.familyName': 'Y' }, {}))
    tenant.expireAllTokens()
    await run(connector.get('users', person.key))
    const snapshot = await connector.readDeprovisionSnapshot(person.key)
    sandbox.faults.script([{ kind: 'server_error', method: 'PUT', after: 1 }])
    await run(connector.deprovision(person.key, snapshot))
    await run(connector.undoDeprovision(person.key, snapshot))
    sandbox.faults.script([{ kind: 'server_error', method: 'GET', path: /\/groups$/, times: 10 }])
    await run(connector.list('groups', { search: '', pageSize: 5 }))
    sandbox.faults.script([{ kind: 'reset', method: 'POST', path: /\/groups$/ }])
    await run(connector.create('groups', { displayName: 'Leak Test' }, {}))
    sandbox.faults.script([{ kind: 'timeout', times: 2 }])
    await run(slow.get('users', person.key))
    tenant.setRefreshTokenRotation(true)
    tenant.expireAllTokens()
    await run(connector.get('users', person.key))
    await run(connect({}, { ...secrets, personalAccessToken: `${secrets.personalAccessToken}-wrong` }).testConnection())
    await run(connect(passwordProfileValues(sandbox)).list('users', { search: '', pageSize: 5 }))
    await run(connect(passwordProfileValues(sandbox), { ...secrets, password: `${secrets.password}-wrong` }).testConnection())
    await run(connect({}, { ...secrets, clientSecret: `${secrets.clientSecret}-wrong` }).testConnection())

    expect(outcomes.filter((outcome) => outcome instanceof AppError).length).toBeGreaterThanOrEqual(7)
    const registered = [...logger.secrets]
    // The password, the client secret, their Basic form and at least two access tokens and a refresh token.
    expect(registered).toEqual(expect.arrayContaining([secrets.personalAccessToken, secrets.password, secrets.clientSecret]))
    expect(registered.length).toBeGreaterThanOrEqual(6)
    const everything = outcomes.map(exposed).join('\n') + JSON.stringify(logger.lines)
    for (const secret of registered) expect(everything).not.toContain(secret)
    expect(everything).not.toMatch(/Bearer|Basic /)
  })
})
