import { describe, expect, it } from 'vitest'
import type { StepReport } from '../../../shared/errors'
import { AppError } from '../../../electron/errors/AppError'
import { createTestServices } from '../../support/createTestServices'
import { FakeDirectory } from '../../support/fakeConnector'
import { validValues } from '../../support/profileInputs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addOktaProfile, startServices, type StartedServices } from '../directory/directoryHarness'

const newDirectory = useTemporaryDirectories()

const passwordStep: StepReport = { name: 'Set the password', status: 'failed', message: 'Too short.', writes: ['password'] }

/** The adapter's create makes the user, then its password step fails: the user exists anyway. */
function failPasswordStepOfCreate(services: StartedServices): { createdId: () => string } {
  let createdId = ''
  services.fake.onCall = (method) => {
    if (method !== 'create') return
    services.fake.onCall = null
    createdId = services.fake.addUser('Grace', 'Hopper', { title: 'Admiral' })
    throw new AppError('partial_failure', 'Creating Grace Hopper did not complete.', {
      steps: [{ name: 'Create Grace Hopper', status: 'applied' }, passwordStep],
      details: { objectId: createdId, objectName: 'Grace Hopper' },
    })
  }
  return { createdId: () => createdId }
}

async function partialCreate() {
  const services = await startServices(newDirectory())
  const profileId = await addOktaProfile(services)
  const created = failPasswordStepOfCreate(services)
  const attributes = {
    userName: 'grace.hopper@example.com',
    'emails.value': 'grace.hopper@example.com',
    'name.givenName': 'Grace',
    'name.familyName': 'Hopper',
    title: 'Rear Admiral',
  }
  const result = await services.call('directory.create', { profileId: profileId, objectType: 'users', attributes, password: 'first-Pa55' })
  expect(result).toMatchObject({ ok: false, error: { code: 'partial_failure' } })
  const [entry] = (await services.handlers['journal.list']({})).entries
  return { services, entry: entry!, userId: created.createdId() }
}

describe('finishing or rolling back a change that stopped part-way', () => {
  it('offers a partial create for completion, naming the user it made and asking for the password again', async () => {
    const { entry, userId } = await partialCreate()
    expect(entry.outcome.status).toBe('partial')
    expect(entry.target.id).toBe(userId)
    expect(entry.completion).toEqual({ available: true, reason: null, completedBy: null, needsPassword: true })
  })

  it('announces the user a partial create made, so the open users table shows it', async () => {
    const { services, userId } = await partialCreate()
    expect(services.events).toContainEqual({ event: 'directory.changed', payload: { profileId: expect.any(String), objectType: 'users', ids: [userId] } })
  })

  it('refuses to finish without the password, sending nothing', async () => {
    const { services, entry } = await partialCreate()
    services.fake.calls.length = 0
    const result = await services.call('journal.complete', { entryId: entry.id, choice: 'finish' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { password: expect.stringContaining('type the password again') } } })
    expect(services.fake.calls.filter((call) => call.startsWith('update'))).toEqual([])
  })

  it('finishes by sending only what the target does not hold yet, and records who completed it', async () => {
    const { services, entry, userId } = await partialCreate()
    const updates: string[] = []
    services.fake.onCall = (method) => {
      if (method === 'update') updates.push(JSON.stringify(services.fake.objects.get(userId)?.attributes.title))
    }
    const finished = await services.handlers['journal.complete']({ entryId: entry.id, choice: 'finish', password: 'second-Pa55' })
    expect(finished).toMatchObject({ action: 'update', completes: entry.id, outcome: { status: 'applied' }, summary: 'Completed the change to Grace Hopper (title and password)' })
    // The title differed (Admiral at the target, Rear Admiral wanted); the names already matched.
    expect(finished.changes).toEqual([
      { attribute: 'title', before: 'Admiral', after: 'Rear Admiral' },
      { attribute: 'password', before: '(not recorded)', after: '(not recorded)' },
    ])
    expect(updates).toHaveLength(1)
    expect(services.fake.objects.get(userId)?.attributes.title).toBe('Rear Admiral')
    const [, partial] = (await services.handlers['journal.list']({})).entries
    expect(partial!.completion).toMatchObject({ available: false, completedBy: finished.id })
    expect(await services.call('journal.complete', { entryId: entry.id, choice: 'rollback' })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(JSON.stringify((await services.handlers['journal.list']({})).entries)).not.toContain('second-Pa55')
  })

  it('finishes a create without sending again what only a create can write (a username the target chose itself)', async () => {
    const fake = new FakeDirectory()
    const services = await createTestServices(newDirectory(), { connectorFactories: { cognito: fake.factory('cognito') } })
    const profile = await services.handlers['profiles.create']({
      connectorId: 'cognito',
      name: 'Cognito email pool',
      environment: 'real',
      values: { ...validValues.cognito },
      secrets: { accessSecret: 'aws-secret-never-shown' },
    })
    // A pool where people sign in with their email: Cognito keeps the email and makes up the username.
    const generated = '6f1c2a9e-0b7d-4c1e-9a57-2f0e4d3b8c11'
    let createdId = ''
    fake.onCall = (method) => {
      if (method !== 'create') return
      fake.onCall = null
      createdId = fake.store('users', { userName: generated, 'emails[0].value': 'grace@example.com' }, 'CONFIRMED')
      throw new AppError('partial_failure', 'Create of grace@example.com did not complete.', {
        steps: [{ name: 'Create user grace@example.com', status: 'applied' }, { name: 'Set the temporary password', status: 'failed', writes: ['password'] }],
        details: { objectId: createdId, objectName: generated },
      })
    }
    const attributes = { userName: 'grace@example.com', 'emails[0].value': 'grace@example.com' }
    const failure = await services.handlers['directory.create']({ profileId: profile.id, objectType: 'users', attributes, password: 'first-Pa55' }).catch((error: unknown) => error)
    expect(failure).toMatchObject({ code: 'partial_failure' })
    const [entry] = (await services.handlers['journal.list']({})).entries

    const finished = await services.handlers['journal.complete']({ entryId: entry!.id, choice: 'finish', password: 'second-Pa55' })
    expect(finished.outcome.status).toBe('applied')
    expect(finished.changes.map((change) => change.attribute)).toEqual(['password'])
    expect(fake.objects.get(createdId)?.attributes.userName).toBe(generated)
  })

  it('rolls back a partial create by deleting the user it made', async () => {
    const { services, entry, userId } = await partialCreate()
    const rolledBack = await services.handlers['journal.complete']({ entryId: entry.id, choice: 'rollback' })
    expect(rolledBack).toMatchObject({ action: 'delete', completes: entry.id, outcome: { status: 'applied' }, summary: 'Rolled back the creation of Grace Hopper' })
    expect(services.fake.objects.has(userId)).toBe(false)
  })

  it('rolls back a partial update by setting back only the values that landed', async () => {
    const services = await startServices(newDirectory())
    const profileId = await addOktaProfile(services)
    const userId = services.fake.addUser('Ada', 'Lovelace', { title: 'Analyst', locale: 'en_GB' })
    services.fake.onCall = (method) => {
      if (method !== 'update') return
      services.fake.onCall = null
      services.fake.objects.get(userId)!.attributes.title = 'Engineer'
      throw new AppError('partial_failure', 'Changing Ada Lovelace did not complete.', {
        steps: [
          { name: 'Set title', status: 'applied' },
          { name: 'Set locale', status: 'failed', message: 'Refused.' },
        ],
      })
    }
    const changes = { title: 'Engineer', locale: 'fr_FR' }
    await services.call('directory.update', { profileId: profileId, objectType: 'users', objectId: userId, changes })
    const [entry] = (await services.handlers['journal.list']({})).entries
    expect(entry!.completion).toMatchObject({ available: true, needsPassword: false })
    const rolledBack = await services.handlers['journal.complete']({ entryId: entry!.id, choice: 'rollback' })
    expect(rolledBack.changes).toEqual([{ attribute: 'title', before: 'Engineer', after: 'Analyst' }])
    expect(services.fake.objects.get(userId)!.attributes).toMatchObject({ title: 'Analyst', locale: 'en_GB' })
  })

  it('offers nothing for a change that applied whole', async () => {
    const services = await startServices(newDirectory())
    const profileId = await addOktaProfile(services)
    const userId = services.fake.addUser('Ada', 'Lovelace')
    await services.handlers['directory.update']({ profileId: profileId, objectType: 'users', objectId: userId, changes: { title: 'Engineer' } })
    const [entry] = (await services.handlers['journal.list']({})).entries
    expect(entry!.completion).toBeNull()
    expect(await services.call('journal.complete', { entryId: entry!.id, choice: 'finish' })).toMatchObject({ ok: false, error: { code: 'unsupported' } })
  })
})
