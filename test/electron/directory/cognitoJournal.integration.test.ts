import { describe, expect, it } from 'vitest'
import { createCognitoConnector } from '../../../electron/connectors/cognito/createCognitoConnector'
import type { ConnectorFactories } from '../../../electron/directory/ConnectorPool'
import { startCognitoSandbox, type RunningCognitoSandbox } from '../../../electron/sandbox/cognito/startCognitoSandbox'
import { AppError } from '../../../electron/errors/AppError'
import { createTestServices } from '../../support/createTestServices'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { closeAfterEach } from '../../support/closeAfterEach'

/*
 * The whole main-process path — contract handlers, directory and completion services, journal,
 * the real Cognito adapter and the AWS SDK — against the Cognito sandbox pool. What the journal
 * says after a partial create must be exactly what happened, and finishing or rolling it back
 * must leave the pool as the person meant.
 */

const newDirectory = useTemporaryDirectories()
const running = closeAfterEach()

/** The real adapter with short throttling waits, so a throttled step fails quickly. */
const factories: ConnectorFactories = {
  cognito: (settings) => createCognitoConnector(settings, { backoff: { initialMs: 5, maxMs: 20 }, throttling: { maxWaits: 1, initialMs: 5, maxMs: 5 } }),
}

async function setUp(dataDirectory = newDirectory(), existing?: RunningCognitoSandbox) {
  const sandbox = existing ?? (await startCognitoSandbox({ users: 40 }))
  if (!existing) running.push(sandbox)
  const services = await createTestServices(dataDirectory, { connectorFactories: factories })
  running.push(services)
  const { accessKeyId, accessSecret, region, userPoolId } = sandbox.credentials
  const profile = await services.handlers['profiles.create']({
    connectorId: 'cognito',
    name: 'Cognito Sandbox',
    environment: 'sandbox',
    values: { accessKeyId: accessKeyId!, region: region!, userPoolId: userPoolId!, url: sandbox.url },
    secrets: { accessSecret: accessSecret! },
  })
  const { tenant } = sandbox
  const person = tenant.users().find((user) => user.enabled && user.status === 'CONFIRMED' && tenant.groupsOf(user.username).length >= 2)!.username
  const groupsOf = (username = person) => tenant.groupsOf(username).map((group) => group.name).sort()
  return { sandbox, tenant, services, handlers: services.handlers, profile, person, groupsOf, dataDirectory }
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('deprovision and undo through the services, against the Cognito sandbox', () => {
  it('journals disable and sign-out with the snapshot, and undo after a restart restores status and groups', async () => {
    const first = await setUp()
    const { handlers, profile, person, tenant, groupsOf } = first
    const before = groupsOf()

    const entry = await handlers['directory.deprovision']({ profileId: profile.id, userId: person })
    expect(entry.outcome.status).toBe('applied')
    expect(entry.changes).toEqual([{ attribute: 'active', before: true, after: false }])
    expect(entry.recorded).toEqual({ status: 'CONFIRMED', groups: before })
    expect(entry.outcome.steps.map((step) => [step.name, step.status])).toEqual([
      [`Disable ${person}`, 'applied'],
      [`Sign ${person} out everywhere`, 'applied'],
    ])
    expect(tenant.enabled(person)).toBe(false)
    expect(tenant.signOutCount(person)).toBe(1)
    // Someone takes the person out of a group while they are away.
    tenant.removeMember(before[0]!, person)

    await first.services.close()
    const again = await createTestServices(first.dataDirectory, { secretStore: first.services.secretStore, connectorFactories: factories })
    running.push(again)
    const report = await again.handlers['journal.undo']({ entryId: entry.id })

    expect(report.differences).toEqual([])
    expect(report.entry.outcome.status).toBe('applied')
    expect(report.entry.outcome.steps.map((step) => step.name)).toEqual([`Enable ${person}`, `Add back to ${before[0]}`])
    expect(tenant.enabled(person)).toBe(true)
    expect(groupsOf()).toEqual(before)
    expect(await again.handlers['journal.verify']({})).toMatchObject({ intact: true, problem: null })
  })
})

describe('partial creates through the services: finish and roll back', () => {
  it('records a create whose permanent password broke the policy, and finishing it with a good password confirms the user in its groups', async () => {
    const { handlers, profile, tenant, groupsOf } = await setUp()
    const groups = tenant.groups().slice(0, 2).map((group) => group.name)
    const error = await rejection(
      handlers['directory.create']({
        profileId: profile.id,
        objectType: 'users',
        attributes: { userName: 'new.starter', 'emails[0].value': 'new.starter@example.com', 'Extension.IsPasswordPermanent': true },
        password: 'weak',
        groups,
      }),
    )
    expect(error.code).toBe('partial_failure')
    expect(error.message).toContain('The user new.starter was created anyway')

    const [entry] = (await handlers['journal.list']({ action: 'create' })).entries
    expect(entry?.outcome.status).toBe('partial')
    expect(entry?.outcome.steps.map((step) => [step.name, step.status])).toEqual([
      ['Create user new.starter', 'applied'],
      ['Set the permanent password', 'failed'],
      ...groups.map((group) => [`Add to ${group}`, 'applied']),
    ])
    expect(entry?.completion).toMatchObject({ available: true, needsPassword: true })
    expect(tenant.userStatus('new.starter')).toBe('FORCE_CHANGE_PASSWORD')

    const finished = await handlers['journal.complete']({ entryId: entry!.id, choice: 'finish', password: 'Strong-Pass-2024!' })
    expect(finished.outcome.status).toBe('applied')
    expect(tenant.userStatus('new.starter')).toBe('CONFIRMED')
    expect(groupsOf('new.starter')).toEqual([...groups].sort())
    const [partial] = (await handlers['journal.list']({ action: 'create' })).entries
    expect(partial?.completion).toMatchObject({ available: false, completedBy: finished.id })
  })

  it('rolls back a partial create: the user is deleted again', async () => {
    const { handlers, profile, tenant } = await setUp()
    await rejection(
      handlers['directory.create']({ profileId: profile.id, objectType: 'users', attributes: { userName: 'short.lived', 'emails[0].value': 'short.lived@example.com' }, password: 'weak' }),
    )
    expect(tenant.findUser('short.lived')).toBeDefined()
    const [entry] = (await handlers['journal.list']({ action: 'create' })).entries
    const rolledBack = await handlers['journal.complete']({ entryId: entry!.id, choice: 'rollback' })
    expect(rolledBack.outcome.status).toBe('applied')
    expect(rolledBack.action).toBe('delete')
    expect(tenant.findUser('short.lived')).toBeUndefined()
  })

  it('finishes a create that stopped at a group step: the groups left out are added', async () => {
    const { handlers, profile, tenant, groupsOf } = await setUp()
    const groups = tenant.groups().slice(0, 3).map((group) => group.name)
    tenant.throttle('UserResourceUpdate', 0)
    const error = await rejection(
      handlers['directory.create']({ profileId: profile.id, objectType: 'users', attributes: { userName: 'half.way', 'emails[0].value': 'half.way@example.com' }, password: 'Good-Pass-42!', groups }),
    )
    expect(error.code).toBe('partial_failure')
    const [entry] = (await handlers['journal.list']({ action: 'create' })).entries
    expect(entry?.outcome.steps.map((step) => step.status)).toEqual(['applied', 'applied', 'failed', 'not_attempted', 'not_attempted'])
    expect(entry?.completion).toMatchObject({ available: true, needsPassword: false })
    expect(groupsOf('half.way')).toEqual([])

    tenant.throttle('UserResourceUpdate', undefined)
    const finished = await handlers['journal.complete']({ entryId: entry!.id, choice: 'finish' })
    expect(finished.outcome.status).toBe('applied')
    expect(finished.outcome.steps.map((step) => step.name)).toEqual(groups.map((group) => `Add to ${group}`))
    expect(groupsOf('half.way')).toEqual([...groups].sort())
    expect(tenant.userStatus('half.way')).toBe('FORCE_CHANGE_PASSWORD')
  })

  it('records every step of a create that applied whole: the user, the password and each group', async () => {
    const { handlers, profile, tenant } = await setUp()
    const groups = tenant.groups().slice(0, 2).map((group) => group.name)
    await handlers['directory.create']({
      profileId: profile.id,
      objectType: 'users',
      attributes: { userName: 'all.the.way', 'emails[0].value': 'all.the.way@example.com', 'Extension.IsPasswordPermanent': true },
      password: 'Good-Pass-42!',
      groups,
    })
    const [entry] = (await handlers['journal.list']({ action: 'create' })).entries
    expect(entry?.outcome.status).toBe('applied')
    expect(entry?.outcome.steps.map((step) => step.status)).toEqual(['applied', 'applied', 'applied', 'applied'])
    expect(entry?.outcome.steps.slice(2).map((step) => step.name)).toEqual(groups.map((group) => `Add to ${group}`))
  })
})
