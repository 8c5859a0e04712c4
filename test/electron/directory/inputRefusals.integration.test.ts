import { afterEach, describe, expect, it } from 'vitest'
import type { CallName } from '../../../shared/contract'
import { startGoToMeetingSandbox } from '../../../electron/sandbox/gotomeeting/startGoToMeetingSandbox'
import { startOktaSandbox } from '../../../electron/sandbox/okta/startOktaSandbox'
import { invokeContract } from '../../../electron/services/invokeContract'
import { requestLog } from '../../support/connectorHarness'
import { createTestServices } from '../../support/createTestServices'
import { createRecordingLogger } from '../../support/recordingLogger'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { journalOnDisk } from './directoryHarness'

/*
 * The audit's findings against the real adapters: lone surrogates made `encodeURIComponent` throw
 * in the Okta and GoTo adapters (answered `internal`), and `..%2F..` passed the dot-segment
 * guard. Each is refused as `invalid_input`, and the sandbox tenant receives no request at all.
 */

const newDirectory = useTemporaryDirectories()
const running: { close(): Promise<unknown> }[] = []
afterEach(async () => {
  while (running.length > 0) await running.pop()?.close()
})

async function setUp(connectorId: 'okta' | 'gotomeeting') {
  const logger = createRecordingLogger()
  const dataDirectory = newDirectory()
  const services = await createTestServices(dataDirectory, { logger })
  running.push(services)
  let profileId: string
  let userId: string
  let groupId: string
  if (connectorId === 'okta') {
    const sandbox = await startOktaSandbox({ users: 20 })
    running.push(sandbox)
    const values = { url: sandbox.url }
    profileId = (await services.handlers['profiles.create']({ connectorId, name: 'Okta', environment: 'sandbox', values, secrets: { token: sandbox.credentials.token! } })).id
    userId = sandbox.tenant.users()[1]!.id
    groupId = sandbox.tenant.groups().find((group) => group.type === 'OKTA_GROUP')!.id
  } else {
    const sandbox = await startGoToMeetingSandbox({ users: 20 })
    running.push(sandbox)
    const { username, password, clientId, clientSecret, accountKey } = sandbox.credentials
    const values = { url: sandbox.url, username: username!, clientId: clientId!, accountKey: accountKey! }
    profileId = (await services.handlers['profiles.create']({ connectorId, name: 'GoTo', environment: 'sandbox', values, secrets: { password: password!, clientSecret: clientSecret! } })).id
    userId = sandbox.tenant.users()[1]!.key
    groupId = sandbox.tenant.groups()[0]!.key
  }
  const requests = requestLog(logger.lines, (fields) => ('attempt' in fields ? String(fields.path) : null))
  const call = (name: CallName, input: unknown) => invokeContract(services.handlers, name, input, logger)
  // One real call first, so the connector is built (and GoTo signed in): the refusals must not depend on a cold start.
  expect(await call('directory.get', { id: profileId, objectType: 'users', objectId: userId })).toMatchObject({ ok: true })
  requests.mark()
  return { dataDirectory, call, profileId, userId, groupId, requests }
}

function badInputs(id: string, userId: string, groupId: string, bad: string): [CallName, Record<string, unknown>][] {
  return [
    ['directory.get', { id, objectType: 'users', objectId: bad }],
    ['directory.update', { id, objectType: 'users', objectId: bad, changes: { title: 'x' } }],
    ['directory.delete', { id, objectType: 'groups', objectId: bad, confirmName: 'x' }],
    ['directory.members', { id, objectType: 'groups', objectId: bad }],
    ['directory.groupsOf', { id, objectType: 'users', objectId: bad }],
    ['directory.addMember', { id, groupId, userId: bad }],
    ['directory.removeMember', { id, groupId: bad, userId }],
    ['directory.deprovision', { id, userId: bad }],
  ]
}

for (const connectorId of ['okta', 'gotomeeting'] as const) {
  describe(`${connectorId}: refused at the contract, nothing sent to the sandbox tenant`, () => {
    it('refuses lone surrogates in ids and search text as invalid_input', async () => {
      const { dataDirectory, call, profileId, userId, groupId, requests } = await setUp(connectorId)
      for (const bad of ['\uD800', `${userId}\uDC00`, `\uDE00${userId}`]) {
        for (const [name, input] of [...badInputs(profileId, userId, groupId, bad), ['directory.list', { id: profileId, objectType: 'users', search: bad }] as const]) {
          const result = await call(name, input)
          expect(result, `${name} ${JSON.stringify(bad)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
        }
      }
      expect(requests.requests()).toEqual([])
      expect(journalOnDisk(dataDirectory)).toEqual([])
    })

    it('refuses ids that are, or decode to, a path as invalid_input', async () => {
      const { dataDirectory, call, profileId, userId, groupId, requests } = await setUp(connectorId)
      for (const bad of ['..', '.', '..%2F..', `../${groupId}`, `${userId}/..`, '%2e%2e%2f', '..%5c..', '%252e%252e']) {
        for (const [name, input] of badInputs(profileId, userId, groupId, bad)) {
          const result = await call(name, input)
          expect(result, `${name} ${bad}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
        }
      }
      expect(requests.requests()).toEqual([])
      expect(journalOnDisk(dataDirectory)).toEqual([])
    })
  })
}
