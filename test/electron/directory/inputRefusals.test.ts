import { describe, expect, it } from 'vitest'
import { callNames, type CallName } from '../../../shared/contract'
import { invokeContract } from '../../../electron/services/invokeContract'
import { validExamples } from '../../support/contractExamples'
import { expectAppError } from '../../support/expectAppError'
import { FakeDirectory } from '../../support/fakeConnector'
import { createTestServices } from '../../support/createTestServices'
import { validValues } from '../../support/profileInputs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { journalOnDisk } from './directoryHarness'

/*
 * Input that fails validation is refused as `invalid_input` before anything is journaled or any
 * adapter is called: attribute keys that are built-in object names (defect 6), lone surrogates
 * (defect 7) and ids that are, or decode to, a path (defect 12) — for the connectors whose ids
 * travel in a URL path. Cognito's ids travel in a JSON body and may hold `/`.
 */

const newDirectory = useTemporaryDirectories()

async function setUp() {
  const fake = new FakeDirectory()
  const dataDirectory = newDirectory()
  const services = await createTestServices(dataDirectory, {
    connectorFactories: { okta: fake.factory('okta'), cognito: fake.factory('cognito'), gotomeeting: fake.factory('gotomeeting') },
  })
  const call = (name: CallName, input: unknown) => invokeContract(services.handlers, name, input, services.logger)
  const profile = async (connectorId: 'okta' | 'cognito' | 'gotomeeting', secrets: Record<string, string>) =>
    (await services.handlers['profiles.create']({ connectorId, name: connectorId, environment: 'real', values: validValues[connectorId], secrets })).id
  const okta = await profile('okta', { token: 't' })
  const userId = fake.addUser('Ada', 'Lovelace')
  const groupId = fake.addGroup('Engineering')
  fake.calls.length = 0
  const nothingHappened = () => {
    expect(fake.calls).toEqual([])
    expect(journalOnDisk(dataDirectory)).toEqual([])
  }
  return { services, fake, call, profile, okta, userId, groupId, nothingHappened }
}

const newUser = {
  userName: 'ada.lovelace@example.com',
  'name.givenName': 'Ada',
  'name.familyName': 'Lovelace',
  'emails.value': 'ada.lovelace@example.com',
}

const builtInNames = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', '__proto__']

/** `{ ...rest, [name]: value }` with `name` an own property, also for `__proto__` (as JSON.parse and IPC make it). */
function withOwnKey(rest: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  const record = { ...rest }
  Object.defineProperty(record, name, { value, enumerable: true, configurable: true, writable: true })
  return record
}

describe('attribute keys that are built-in object names', () => {
  for (const name of builtInNames) {
    it(`refuses "${name}" in a create, an update and a create check, journaling nothing`, async () => {
      const { call, okta, userId, nothingHappened } = await setUp()
      for (const [callName, input] of [
        ['directory.create', { profileId: okta, objectType: 'users', attributes: withOwnKey(newUser, name, 'x'), password: 'correct horse 1' }],
        ['directory.update', { profileId: okta, objectType: 'users', objectId: userId, changes: withOwnKey({}, name, 'x') }],
        ['directory.checkCreate', { profileId: okta, objectType: 'users', attributes: withOwnKey(newUser, name, 'x') }],
      ] as const) {
        const result = await call(callName, input)
        expect(result, `${callName} ${name}`).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(name) } })
      }
      nothingHappened()
    })

    it(`refuses "${name}" in the directory service itself, past the contract, journaling nothing`, async () => {
      const { services, okta, userId, nothingHappened } = await setUp()
      const { handlers } = services
      const created = handlers['directory.create']({ profileId: okta, objectType: 'users', attributes: withOwnKey(newUser, name, 'x') as never, password: 'pw-long-1' })
      const createError = await expectAppError(created, 'invalid_input')
      expect(createError.extra.fields).toHaveProperty([name])
      const updated = handlers['directory.update']({ profileId: okta, objectType: 'users', objectId: userId, changes: withOwnKey({}, name, 'x') as never })
      expect((await expectAppError(updated, 'invalid_input')).message).toMatch(/Nothing was changed/)
      nothingHappened()
    })
  }
})

describe('lone UTF-16 surrogates', () => {
  it('refuses them in ids, search text, cursors and attribute values, calling nothing', async () => {
    const { call, okta, userId, groupId, nothingHappened } = await setUp()
    const inputs: [CallName, Record<string, unknown>][] = [
      ['directory.get', { profileId: okta, objectType: 'users', objectId: `${userId}\uD800` }],
      ['directory.list', { profileId: okta, objectType: 'users', search: '\uDC00ada' }],
      ['directory.list', { profileId: okta, objectType: 'users', search: 'ada', cursor: 'x\uD83D' }],
      ['directory.members', { profileId: okta, objectType: 'groups', objectId: `\uDE00${groupId}` }],
      ['directory.addMember', { profileId: okta, groupId, userId: `${userId.slice(0, 1)}\uD800${userId.slice(1)}` }],
      ['directory.removeMember', { profileId: okta, groupId: `${groupId}\uDFFF`, userId }],
      ['directory.deprovision', { profileId: okta, userId: '\uD800' }],
      ['directory.update', { profileId: okta, objectType: 'users', objectId: userId, changes: { title: 'Eng\uD800ineer' } }],
      ['directory.create', { profileId: okta, objectType: 'users', attributes: { ...newUser, 'name.givenName': 'A\uDC00da' }, password: 'pw-long-1' }],
      ['directory.delete', { profileId: okta, objectType: 'users', objectId: userId, confirmName: 'Ada\uD800' }],
    ]
    for (const [name, input] of inputs) {
      const result = await call(name, input)
      expect(result, name).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/broken character/) } })
    }
    nothingHappened()
  })
})

/** `..` and the forms that decode to a path: percent-encoded, double-encoded, backslashes, mixed case. */
const traversalIds = ['..', '.', '../00g1', '..%2F..', '..%2f00g1', 'a/b', 'a\\b', '%2e%2e', '%2E', '..%5C..', '%252e%252e%252f', '%2e%2e%2f%2e%2e', '..\\..', '%2F']

describe('ids that are, or decode to, a path', () => {
  for (const connectorId of ['okta', 'gotomeeting'] as const) {
    it(`refuses them in every ${connectorId} call that takes an id, calling nothing`, async () => {
      const { call, profile, okta, userId, groupId, nothingHappened } = await setUp()
      const id = connectorId === 'okta' ? okta : await profile('gotomeeting', { password: 'p', clientSecret: 's' })
      for (const bad of traversalIds) {
        const inputs: [CallName, Record<string, unknown>][] = [
          ['directory.get', { profileId: id, objectType: 'users', objectId: bad }],
          ['directory.update', { profileId: id, objectType: 'users', objectId: bad, changes: { title: 'x' } }],
          ['directory.delete', { profileId: id, objectType: 'users', objectId: bad, confirmName: 'x' }],
          ['directory.members', { profileId: id, objectType: 'groups', objectId: bad }],
          ['directory.groupsOf', { profileId: id, objectType: 'users', objectId: bad }],
          ['directory.addMember', { profileId: id, groupId, userId: bad }],
          ['directory.removeMember', { profileId: id, groupId: bad, userId }],
          ['directory.deprovision', { profileId: id, userId: bad }],
          ['directory.create', { profileId: id, objectType: 'groups', attributes: { displayName: 'Night shift' }, groups: [bad] }],
        ]
        for (const [name, input] of inputs) {
          const result = await call(name, input)
          expect(result, `${name} ${bad}`).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/path/) } })
        }
      }
      nothingHappened()
    })
  }

  it('lets Cognito usernames and group names with "/" and "." through: they travel in a JSON body, not a URL path', async () => {
    const { call, profile, fake } = await setUp()
    const cognito = await profile('cognito', { accessSecret: 's' })
    for (const legitimate of ['ops/team.lead', 'a.b', 'x\\y']) {
      const result = await call('directory.get', { profileId: cognito, objectType: 'users', objectId: legitimate })
      expect(result, legitimate).toMatchObject({ ok: false, error: { code: 'not_found' } })
    }
    expect(fake.calls).toEqual(['get users', 'get users', 'get users'])
  })

  it('still refuses Cognito ids with a lone surrogate or a control character', async () => {
    const { call, profile, nothingHappened } = await setUp()
    const cognito = await profile('cognito', { accessSecret: 's' })
    for (const bad of ['ops\uD800', 'ops\u0000', 'ops\nx']) {
      expect(await call('directory.get', { profileId: cognito, objectType: 'users', objectId: bad }), JSON.stringify(bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      })
    }
    nothingHappened()
  })
})

describe('the profile under its old name', () => {
  const namesTheProfile = callNames.filter((name) => 'profileId' in validExamples[name] && !name.startsWith('journal.'))

  it('covers every directory call and profiles get / update / duplicate / delete', () => {
    expect(namesTheProfile.filter((name) => name.startsWith('directory.'))).toHaveLength(callNames.filter((name) => name.startsWith('directory.')).length - 1)
    expect(namesTheProfile.filter((name) => name.startsWith('profiles.')).sort()).toEqual(['profiles.delete', 'profiles.duplicate', 'profiles.get', 'profiles.update'])
  })

  it('refuses `id` for the profile, naming the unknown key and `profileId` instead, before anything is sent or journaled', async () => {
    const { call, okta, nothingHappened } = await setUp()
    for (const name of namesTheProfile) {
      const { profileId: _renamed, ...rest } = validExamples[name] as { profileId: string }
      const result = await call(name, { ...rest, id: okta })
      expect(result, name).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(/"id".*"profileId"/), fields: { profileId: expect.stringMatching(/"id"/) } },
      })
      expect(JSON.stringify(result), name).not.toContain('Unrecognized key')
    }
    nothingHappened()
  })

  it('refuses `ids` for the profiles to export, naming `profileIds` instead', async () => {
    const { call, okta } = await setUp()
    const result = await call('profiles.export', { ids: [okta] })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/"ids".*"profileIds"/) } })
  })
})
