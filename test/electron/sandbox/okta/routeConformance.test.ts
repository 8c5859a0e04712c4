import { describe, expect, it } from 'vitest'
import { createOktaConnector } from '../../../../electron/connectors/okta/createOktaConnector'
import { startOktaSandbox } from '../../../../electron/sandbox/okta/startOktaSandbox'
import { closeAfterEach } from '../../../support/closeAfterEach'
import { expectAppError } from '../../../support/expectAppError'
import { createRecordingLogger } from '../../../support/recordingLogger'
import { startRecordingFront, type RecordedAnswer } from '../../../support/recordingFront'
import { oktaSpec, validatorForSchema } from './oktaSpec'
import { documentedDeviations, type Deviation } from './oktaDeviations'
import { graceHopper } from '../../connectors/okta/oktaSandboxHarness'

/**
 * Every answer the Okta connector gets from the sandbox tenant, on every route it uses, success
 * and error alike, checked against the response Okta's OpenAPI spec gives for that route and
 * status. What differs on purpose is listed, with why, in oktaDeviations.ts; a listed deviation
 * that no longer happens fails too, so the list stays true.
 */
const routes = Object.entries(oktaSpec.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })))

function routeOf(answer: RecordedAnswer): string | null {
  const path = answer.path.split('?')[0] ?? ''
  for (const route of routes) {
    const pattern = new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`)
    if (route.method === answer.method && pattern.test(path)) return `${route.method} ${route.path}`
  }
  return null
}

const newUser = { ...graceHopper, 'Extension.Department': 'Navy' }

/** Drives the connector through everything it does, and through each error it must read. */
async function everythingTheConnectorDoes(running: { close(): Promise<unknown> }[]) {
  const sandbox = await startOktaSandbox({ users: 30 })
  running.push(sandbox)
  const front = await startRecordingFront(sandbox.url)
  running.push(front)
  const connect = (values: Record<string, string> = {}, token = sandbox.credentials.token!) => {
    const connector = createOktaConnector(
      { profileId: 'p', profileName: 'Okta', environment: 'sandbox', values: { url: front.url, ...values }, secrets: { token }, logger: createRecordingLogger() },
      { backoff: { initialMs: 1, maxMs: 5 } },
    )
    running.push({ close: async () => connector.close() })
    return connector
  }
  const connector = connect()
  const { tenant } = sandbox

  await connector.testConnection()
  sandbox.faults.script([{ kind: 'rate_limit', path: '/api/v1/users', times: 1 }])
  await connector.list('users', { search: '', pageSize: 10 })
  await connector.list('users', { search: 'a', pageSize: 10 })
  await connector.list('groups', { search: '', pageSize: 10 })
  const user = await connector.create('users', newUser, { password: 'Correct-Horse-9-Battery' })
  await connector.get('users', user.id)
  await connector.update('users', user.id, { title: 'Commodore' })
  // Cleared, then read again: Okta drops a cleared field (department is never null in the spec).
  await connector.update('users', user.id, { 'Extension.Department': null, title: null })
  await connector.get('users', user.id)
  const group = await connector.create('groups', { displayName: 'Night Shift' }, {})
  await connector.get('groups', group.id)
  await connector.update('groups', group.id, { displayName: 'Night Shift Crew' })
  await connector.addMember('groups', group.id, user.id)
  await connector.listMembers('groups', group.id, { pageSize: 10 })
  await connector.listGroupsOf(user.id, 'groups', { pageSize: 10 })
  await connector.removeMember('groups', group.id, user.id)

  const suspended = tenant.addUser({ firstName: 'Ada', lastName: 'Lovelace' })
  const suspendSnapshot = await connector.readDeprovisionSnapshot(suspended.id)
  await connector.deprovision(suspended.id, suspendSnapshot)
  await connector.undoDeprovision(suspended.id, suspendSnapshot)
  const deactivating = connect({ deprovisionMode: 'deactivate' })
  const deactivated = tenant.addUser({ firstName: 'Alan', lastName: 'Turing' })
  const deactivateSnapshot = await deactivating.readDeprovisionSnapshot(deactivated.id)
  await deactivating.deprovision(deactivated.id, deactivateSnapshot)
  await deactivating.undoDeprovision(deactivated.id, deactivateSnapshot)

  await connector.delete('groups', group.id)
  await connector.delete('users', user.id)

  // The errors: not found, refused as not valid, a wrong token, a token without the right.
  await expectAppError(connector.get('users', user.id), 'not_found')
  await expectAppError(connector.get('groups', group.id), 'not_found')
  const taken = String(tenant.adminUser.profile.login)
  await expectAppError(connector.create('users', { ...newUser, userName: taken, 'emails.value': taken }, { password: 'Pw-12345678' }), 'conflict')
  await expectAppError(connect({}, 'not-the-token').testConnection(), 'auth_failed')
  await expectAppError(connect({}, tenant.readOnlyToken).create('groups', { displayName: 'Not allowed' }, {}), 'auth_failed')
  return front.answers
}

describe('Okta sandbox: every route the connector uses answers as the OpenAPI spec says', () => {
  const running = closeAfterEach()

  it('checks each answer against its route and status, and exercises every route of the fixture', async () => {
    const answers = await everythingTheConnectorDoes(running)
    const problems: string[] = []
    const seenDeviations = new Set<Deviation>()
    const seenRoutes = new Set<string>()
    for (const answer of answers) {
      const route = routeOf(answer)
      if (route === null) {
        problems.push(`${answer.method} ${answer.path}: a route the fixture does not have (add it to ROUTES in extractSchemas.py)`)
        continue
      }
      seenRoutes.add(route)
      const status = String(answer.status)
      const deviation = documentedDeviations.find((each) => each.route === route && each.status === status)
      const [method = '', path = ''] = route.split(' ')
      const specified = oktaSpec.paths[path]?.[method.toLowerCase()] ?? {}
      const body: unknown = answer.body === '' ? undefined : JSON.parse(answer.body)
      if (deviation) {
        seenDeviations.add(deviation)
        const validate = validatorForSchema(deviation.body)
        if (!validate(body)) problems.push(`${route} ${status} (a listed deviation): ${JSON.stringify(validate.errors)}`)
        continue
      }
      if (!(status in specified)) {
        problems.push(`${route} answered ${status}, which the spec does not list (${Object.keys(specified).join(', ')})`)
        continue
      }
      const schema = specified[status]
      if (schema === null || schema === undefined) {
        if (body !== undefined) problems.push(`${route} ${status}: the spec gives no body, the tenant sent ${answer.body.slice(0, 80)}`)
        continue
      }
      const validate = validatorForSchema(schema)
      if (!validate(body)) problems.push(`${route} ${status}: ${JSON.stringify(validate.errors?.slice(0, 3))}`)
    }
    expect(problems).toEqual([])
    expect([...seenRoutes].sort()).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort())
    expect(documentedDeviations.filter((deviation) => !seenDeviations.has(deviation)).map((deviation) => `${deviation.route} ${deviation.status}`)).toEqual([])
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([200, 204, 400, 401, 403, 404, 429]))
  })
})
