import { describe, expect, it } from 'vitest'
import { oktaProfile, validValues } from '../../support/profileInputs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addOktaProfile, journalOnDisk, startServices, type StartedServices } from './directoryHarness'

/** Coupa has no adapter yet and no delete at all: the refusals that need no call. */
function addCoupaProfile(services: StartedServices) {
  return services.handlers['profiles.create']({
    connectorId: 'coupa',
    name: 'Coupa',
    environment: 'real',
    values: validValues.coupa,
    secrets: { apiKey: 'k' },
  })
}

const newDirectory = useTemporaryDirectories()

const newUser = {
  userName: 'ada.lovelace@example.com',
  'name.givenName': 'Ada',
  'name.familyName': 'Lovelace',
  'emails.value': 'ada.lovelace@example.com',
}

/** Every refusal here happens before any change reaches the adapter, and nothing is journaled. */
describe('directory refusals before any adapter call', () => {
  async function setUp() {
    const services = await startServices(newDirectory())
    const profileId = await addOktaProfile(services)
    const userId = services.fake.addUser('Ada', 'Lovelace')
    const groupId = services.fake.addGroup('Engineering')
    return { services, profileId, userId, groupId }
  }

  it('refuses an operation the descriptor does not declare, with the reason', async () => {
    const { services, profileId } = await setUp()
    const gotoProfile = await services.handlers['profiles.create']({
      connectorId: 'gotomeeting',
      name: 'GoTo',
      environment: 'real',
      values: validValues.gotomeeting,
      secrets: { password: 'pw-1', clientSecret: 'cs-1' },
    })
    const membership = await services.call('directory.addMember', { profileId: gotoProfile.id, groupId: 'g1', userId: 'u1' })
    expect(membership).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'unsupported', message: 'GoToMeeting cannot change the memberships of groups: not supported.' }),
    })
    const unknownType = await services.call('directory.list', { profileId: profileId, objectType: 'roles' })
    expect(unknownType).toMatchObject({ ok: false, error: { code: 'unsupported', message: 'Okta has no object type "roles".' } })
    expect(services.fake.calls).toEqual([])
    expect(journalOnDisk(services.dataDirectory)).toEqual([])
  })

  it('refuses a create without a mandatory field or the password, naming the fields', async () => {
    const { services, profileId } = await setUp()
    const { userName: _left, ...withoutUserName } = newUser
    const result = await services.call('directory.create', { profileId: profileId, objectType: 'users', attributes: withoutUserName })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { userName: 'Username is required.', password: 'Password is required.' } },
    })
    expect(services.fake.calls).toEqual([])
    expect(journalOnDisk(services.dataDirectory)).toEqual([])
  })

  it('refuses a username that is not an email address', async () => {
    const { services, profileId } = await setUp()
    const result = await services.call('directory.create', {
      profileId: profileId,
      objectType: 'users',
      attributes: { ...newUser, userName: 'ada' },
      password: 'Tr0ub4dor&3',
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { userName: expect.stringContaining('must be an email address') } } })
    expect(services.fake.calls).toEqual([])
  })

  it('refuses a password change on update with what to do instead', async () => {
    const { services, profileId, userId } = await setUp()
    const result = await services.call('directory.update', {
      profileId: profileId,
      objectType: 'users',
      objectId: userId,
      changes: { password: 'N3w-pass!' },
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { password: expect.stringContaining('Forgot password') } } })
    expect(JSON.stringify(result)).not.toContain('N3w-pass!')
    expect(services.fake.calls).toEqual([])
    expect(journalOnDisk(services.dataDirectory)).toEqual([])
  })

  it('refuses a delete whose typed name is not the current name, after reading it fresh', async () => {
    const { services, profileId, userId } = await setUp()
    const result = await services.call('directory.delete', { profileId: profileId, objectType: 'users', objectId: userId, confirmName: 'Ada' })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { confirmName: 'Type the name exactly as shown, "Ada Lovelace", to delete it for good.' } },
    })
    expect(services.fake.calls).toEqual(['get users'])
    expect(services.fake.objects.has(userId)).toBe(true)
    expect(journalOnDisk(services.dataDirectory)).toEqual([])
  })

  it('refuses changes to an object the target keeps read-only', async () => {
    const { services, profileId, userId } = await setUp()
    const appGroup = services.fake.addGroup('Salesforce users', 'Okta manages APP_GROUP groups through the app.')
    const result = await services.call('directory.addMember', { profileId: profileId, groupId: appGroup, userId })
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringContaining('APP_GROUP') } })
    expect(services.fake.calls).toEqual(['get groups'])
  })

  it('asks for the token when the profile has none stored', async () => {
    const services = await startServices(newDirectory())
    const profile = await services.handlers['profiles.create'](oktaProfile('No token'))
    const result = await services.call('directory.list', { profileId: profile.id, objectType: 'users' })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'auth_failed', message: 'The profile "No token" has no token stored: open Edit profile and enter it.' },
    })
    expect(services.fake.built).toEqual([])
  })

  it('says a connector without an adapter is not available in this version', async () => {
    const services = await startServices(newDirectory())
    const profile = await addCoupaProfile(services)
    const result = await services.call('directory.list', { profileId: profile.id, objectType: 'users' })
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringContaining('Coupa is not available in this version') } })
  })

  it('refuses a delete Coupa cannot do, quoting the reference', async () => {
    const services = await startServices(newDirectory())
    const profile = await addCoupaProfile(services)
    const result = await services.call('directory.delete', { profileId: profile.id, objectType: 'users', objectId: '12', confirmName: 'x' })
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported', message: 'Coupa cannot delete users: soft delete only.' } })
  })

  it('answers not_found for a profile that does not exist', async () => {
    const services = await startServices(newDirectory())
    const result = await services.call('directory.get', { profileId: '2f1c4f7e-5d4e-4b0e-9a57-0c0ffee00009', objectType: 'users', objectId: 'x' })
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
