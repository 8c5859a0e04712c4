import { describe, expect, it } from 'vitest'
import type { CallName } from '../../../shared/contract'
import { startCognitoSandbox } from '../../../electron/sandbox/cognito/startCognitoSandbox'
import { startCoupaSandbox } from '../../../electron/sandbox/coupa/startCoupaSandbox'
import { startGoToMeetingSandbox } from '../../../electron/sandbox/gotomeeting/startGoToMeetingSandbox'
import { startOktaSandbox } from '../../../electron/sandbox/okta/startOktaSandbox'
import { invokeContract } from '../../../electron/services/invokeContract'
import { requestLog } from '../../support/connectorHarness'
import { startRecordedServices } from '../../support/createTestServices'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { journalOnDisk } from './directoryHarness'
import { closeAfterEach } from '../../support/closeAfterEach'
import { sandboxParameters } from '../../../electron/services/sandboxProfiles'

/*
 * The audit's findings against the real adapters: lone surrogates made `encodeURIComponent` throw
 * in the Okta and GoTo adapters (answered `internal`), and `..%2F..` passed the dot-segment
 * guard. Each is refused as `invalid_input`, and the sandbox tenant receives no request at all.
 */

const newDirectory = useTemporaryDirectories()
const running = closeAfterEach()

async function setUp(connectorId: 'okta' | 'gotomeeting') {
  const dataDirectory = newDirectory()
  const { logger, services } = await startRecordedServices(dataDirectory, running)
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
  expect(await call('directory.get', { profileId: profileId, objectType: 'users', objectId: userId })).toMatchObject({ ok: true })
  requests.mark()
  return { dataDirectory, call, profileId, userId, groupId, requests }
}

function badInputs(id: string, userId: string, groupId: string, bad: string): [CallName, Record<string, unknown>][] {
  return [
    ['directory.get', { profileId: id, objectType: 'users', objectId: bad }],
    ['directory.update', { profileId: id, objectType: 'users', objectId: bad, changes: { title: 'x' } }],
    ['directory.delete', { profileId: id, objectType: 'groups', objectId: bad, confirmName: 'x' }],
    ['directory.members', { profileId: id, objectType: 'groups', objectId: bad }],
    ['directory.groupsOf', { profileId: id, objectType: 'users', objectId: bad }],
    ['directory.addMember', { profileId: id, groupId, userId: bad }],
    ['directory.removeMember', { profileId: id, groupId: bad, userId }],
    ['directory.deprovision', { profileId: id, userId: bad }],
  ]
}

for (const connectorId of ['okta', 'gotomeeting'] as const) {
  describe(`${connectorId}: refused at the contract, nothing sent to the sandbox tenant`, () => {
    it('refuses lone surrogates in ids and search text as invalid_input', async () => {
      const { dataDirectory, call, profileId, userId, groupId, requests } = await setUp(connectorId)
      for (const bad of ['\uD800', `${userId}\uDC00`, `\uDE00${userId}`]) {
        for (const [name, input] of [...badInputs(profileId, userId, groupId, bad), ['directory.list', { profileId: profileId, objectType: 'users', search: bad }] as const]) {
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

/*
 * Refusals the adapter makes from the profile or the target's own rules, with no call: they come
 * before the journal too, so a change that was never sent leaves no entry.
 */
describe("the adapter's own refusals come before the journal", () => {
  it('Coupa: a custom property the profile does not declare, on create and on update, and a segment without its chart of accounts', async () => {
    const sandbox = await startCoupaSandbox({ users: 10 })
    running.push(sandbox)
    const dataDirectory = newDirectory()
    const { logger, services } = await startRecordedServices(dataDirectory, running)
    const id = (await services.handlers['profiles.create']({ connectorId: 'coupa', name: 'Coupa', environment: 'sandbox', ...sandboxParameters('coupa', sandbox.url, sandbox.credentials) })).id
    const requests = requestLog(logger.lines, (fields) => ('attempt' in fields ? `${String(fields.method)} ${String(fields.path)}` : null))
    const call = (name: CallName, input: unknown) => invokeContract(services.handlers, name, input, logger)
    const attributes = { userName: 'zoe.k', 'name.givenName': 'Zoe', 'name.familyName': 'K', 'emails[0].value': 'zoe.k@example.com', 'Extension.Custom.nope': 'x' }

    const created = await call('directory.create', { profileId: id, objectType: 'users', attributes })
    expect(created).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('"nope" is not one of') } })
    const { 'Extension.Custom.nope': _nope, ...declared } = attributes
    const segmentOnly = await call('directory.create', { profileId: id, objectType: 'users', attributes: { ...declared, 'Extension.Segment1': 'Ops' } })
    expect(segmentOnly).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('chart of accounts') } })
    const userId = String(sandbox.tenant.users()[0]!.id)
    const updated = await call('directory.update', { profileId: id, objectType: 'users', objectId: userId, changes: { 'Extension.Custom.nope': 'x' } })
    expect(updated).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    // Reads (the update reads the user first, signed in with one token request) but no write.
    expect(requests.requests().filter((request) => !request.startsWith('GET') && request !== 'POST /oauth2/token')).toEqual([])
    expect(journalOnDisk(dataDirectory)).toEqual([])
  })

  it('GoTo: a username and an email that disagree, which are one field in GoTo', async () => {
    const { dataDirectory, call, profileId, requests } = await setUp('gotomeeting')
    const attributes = { userName: 'a.b@example.com', 'emails[0].value': 'c.d@example.com', 'name.givenName': 'A', 'name.familyName': 'B' }
    const created = await call('directory.create', { profileId: profileId, objectType: 'users', attributes })
    expect(created).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('one field in GoTo') } })
    expect(requests.requests()).toEqual([])
    expect(journalOnDisk(dataDirectory)).toEqual([])
  })

  it('GoTo: a locale or time zone GoTo would not take, on create and on update', async () => {
    const { dataDirectory, call, profileId, userId, requests } = await setUp('gotomeeting')
    const attributes = { userName: 'a.b@example.com', 'emails[0].value': 'a.b@example.com', 'name.givenName': 'A', 'name.familyName': 'B', locale: 'English' }
    const created = await call('directory.create', { profileId: profileId, objectType: 'users', attributes })
    expect(created).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { locale: expect.stringContaining('en_US') } } })
    const updated = await call('directory.update', { profileId: profileId, objectType: 'users', objectId: userId, changes: { timezone: 'Mars/Olympus' } })
    expect(updated).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { timezone: expect.stringContaining('Europe/London') } } })
    // The shared field checks refuse both before the update even reads the user.
    expect(requests.requests()).toEqual([])
    expect(journalOnDisk(dataDirectory)).toEqual([])
  })

  it('Cognito: "Password is permanent" changed without the password', async () => {
    const { dataDirectory, call, id, username, requests } = await cognitoSetUp()
    const updated = await call('directory.update', { profileId: id, objectType: 'users', objectId: username, changes: { 'Extension.IsPasswordPermanent': true } })
    expect(updated).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Type the password too') } })
    // The read of the user the update changes, and nothing after it.
    expect(requests.requests()).toEqual(['AdminGetUser'])
    expect(journalOnDisk(dataDirectory)).toEqual([])
  })
})

async function cognitoSetUp() {
  const sandbox = await startCognitoSandbox({ users: 10 })
  running.push(sandbox)
  const dataDirectory = newDirectory()
  const { logger, services } = await startRecordedServices(dataDirectory, running)
  const { accessKeyId, accessSecret, region, userPoolId } = sandbox.credentials
  const values = { accessKeyId: accessKeyId!, region: region!, userPoolId: userPoolId!, url: sandbox.url }
  const id = (await services.handlers['profiles.create']({ connectorId: 'cognito', name: 'Cognito', environment: 'sandbox', values, secrets: { accessSecret: accessSecret! } })).id
  const requests = requestLog(logger.lines, (fields) => ('attempt' in fields && 'operation' in fields ? String(fields.operation) : null))
  const call = (name: CallName, input: unknown) => invokeContract(services.handlers, name, input, logger)
  return { dataDirectory, call, id, username: sandbox.tenant.users()[0]!.username, requests, logger, sandbox }
}

/*
 * A Cognito create refused from its password and groups, which travel beside the attributes: the
 * adapter's create checks run on them before the journal, so nothing is journaled or sent.
 */
describe('Cognito: a create refused for its password or groups is neither journaled nor sent', () => {
  const newUser = { userName: 'zoe.k', 'emails[0].value': 'zoe.k@example.com' }
  const password = 'Correct-Horse-9!never-shown'
  const cases: [string, Record<string, unknown>, string][] = [
    ['a permanent password without the password', { attributes: { ...newUser, 'Extension.IsPasswordPermanent': true } }, 'a permanent password needs the password itself'],
    [
      'a permanent password with delivery mediums',
      { attributes: { ...newUser, 'Extension.IsPasswordPermanent': true, 'Extension.DesiredDeliveryMediums': 'EMAIL' }, password },
      'Leave the delivery mediums empty',
    ],
    ['more groups than a Cognito user can be in', { attributes: newUser, groups: Array.from({ length: 26 }, (_, index) => `group-${index}`) }, 'at most 25 groups, and 26 were chosen'],
  ]
  for (const [what, input, message] of cases) {
    it(`refuses ${what} as invalid_input`, async () => {
      const { dataDirectory, call, id, requests, logger, sandbox } = await cognitoSetUp()
      const created = await call('directory.create', { profileId: id, objectType: 'users', ...input })
      expect(created).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(message) } })
      expect(requests.requests()).toEqual([])
      expect(journalOnDisk(dataDirectory)).toEqual([])
      expect(sandbox.tenant.users().map((user) => user.username)).not.toContain('zoe.k')
      expect(JSON.stringify(logger.lines)).not.toContain(password)
    })
  }

  it('still creates a user with a permanent password and a few groups (the checks refuse only what they must)', async () => {
    const { dataDirectory, call, id, sandbox } = await cognitoSetUp()
    const groups = sandbox.tenant.groups().slice(0, 2).map((group) => group.name)
    const created = await call('directory.create', { profileId: id, objectType: 'users', attributes: { ...newUser, 'Extension.IsPasswordPermanent': true }, password, groups })
    expect(created).toMatchObject({ ok: true, value: { id: 'zoe.k' } })
    expect(journalOnDisk(dataDirectory).map((record) => [record.kind, record.kind === 'outcome' ? record.status : null])).toEqual([['intent', null], ['outcome', 'applied']])
    expect(JSON.stringify(journalOnDisk(dataDirectory))).not.toContain(password)
  })
})
