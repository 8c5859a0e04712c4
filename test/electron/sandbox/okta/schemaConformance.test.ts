import type { ValidateFunction } from 'ajv'
import { describe, expect, it } from 'vitest'
import { oktaUserStatuses } from '../../../../electron/sandbox/okta/oktaRecords'
import { asList, asObject, oktaClient, useOktaSandbox } from './oktaClient'
import { oktaSpec as fixture, validatorFor } from './oktaSpec'

const expectValid = (validate: ValidateFunction, value: unknown) => {
  validate(value)
  expect(validate.errors ?? []).toEqual([])
}

describe('Okta sandbox: answers conform to the OpenAPI schemas', () => {
  const startSandbox = useOktaSandbox()
  const user = validatorFor('User')
  const group = validatorFor('Group')
  const error = validatorFor('ModelError')
  const org = validatorFor('OrgSetting')

  it('the schemas are strict enough to reject a wrong shape', () => {
    expect(user({ id: 'x', status: 'HAPPY' })).toBe(false)
    expect(group({ type: 'SOME_GROUP' })).toBe(false)
    expect(error({ errorCauses: 'none' })).toBe(false)
    expect(user({ id: 'x', created: 'yesterday' })).toBe(false)
  })

  it('users, one and in lists, in every status', async () => {
    const sandbox = await startSandbox({ users: 100 })
    oktaUserStatuses.forEach((status, index) => sandbox.tenant.setStatus(sandbox.tenant.users()[index + 3]?.id as string, status))
    const call = oktaClient(sandbox)
    const list = asList(await call('GET', '/api/v1/users?search=status+pr&limit=200'))
    expect(new Set(list.map((each) => each.status))).toEqual(new Set(oktaUserStatuses))
    for (const each of list) expectValid(user, each)
    for (const each of list.slice(0, 40)) expectValid(user, asObject(await call('GET', `/api/v1/users/${each.id}`)))
    const created = await call('POST', '/api/v1/users?activate=false', { profile: { firstName: 'A', lastName: 'B', login: 'a.b@example.com', email: 'a.b@example.com' } })
    expectValid(user, asObject(created))
  })

  it('groups of every type, one and in lists', async () => {
    const sandbox = await startSandbox()
    const call = oktaClient(sandbox)
    const list = asList(await call('GET', '/api/v1/groups?expand=stats'))
    expect(new Set(list.map((each) => each.type))).toEqual(new Set(['BUILT_IN', 'OKTA_GROUP', 'APP_GROUP']))
    for (const each of list) {
      expectValid(group, each)
      expectValid(group, asObject(await call('GET', `/api/v1/groups/${each.id}`)))
    }
    // The schema lets unknown keys through, so the stats keys are compared with the ones it names
    // (including Okta's own spelling, `hasAdminPrivlege`).
    const groupSchema = fixture.components.schemas.Group as { properties: { _embedded: { properties: { stats: { properties: object } } } } }
    const statsKeys = Object.keys(groupSchema.properties._embedded.properties.stats.properties).sort()
    for (const each of list) expect(Object.keys((each._embedded as { stats: object }).stats).sort()).toEqual(statsKeys)
  })

  it('errors and the org', async () => {
    const sandbox = await startSandbox()
    const call = oktaClient(sandbox)
    const answers = [
      await call('GET', '/api/v1/users/nobody@example.com'),
      await call('POST', '/api/v1/users', { profile: {} }),
      await oktaClient(sandbox, 'wrong')('GET', '/api/v1/users'),
      await call('GET', '/api/v1/users?search=bad'),
    ]
    for (const answer of answers) expectValid(error, answer.body)
    expectValid(org, asObject(await call('GET', '/api/v1/org')))
  })
})
