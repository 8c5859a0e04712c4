import { describe, expect, it } from 'vitest'
import { startOktaSandbox } from '../../../electron/sandbox/okta/startOktaSandbox'
import { createTestServices } from '../../support/createTestServices'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { createOktaSandboxProfile } from '../../support/oktaSandboxProfile'
import { closeAfterEach } from '../../support/closeAfterEach'

/*
 * Settling against the Okta sandbox: how many requests it sends (issue 11, defect 10) — one Check
 * now of an unfinished deprovision reads the user and their groups, two requests — and how a lost
 * create is told by Okta's `created` time (defect 3).
 */

const newDirectory = useTemporaryDirectories()
const running = closeAfterEach()

async function setUp() {
  const sandbox = await startOktaSandbox({ users: 40 })
  running.push(sandbox)
  // No background checks: what is counted is the one check asked for.
  const services = await createTestServices(newDirectory(), { settlingBackoff: { firstMs: 1, maxMs: 1, attempts: 0 } })
  running.push(services)
  const profile = await createOktaSandboxProfile(services, sandbox)
  return { sandbox, services, profile }
}

const newUser = { 'name.givenName': 'Grace', 'name.familyName': 'Hopper', userName: 'grace.hopper@example.com', 'emails.value': 'grace.hopper@example.com', title: 'Rear Admiral' }

describe('settling against the Okta sandbox', () => {
  it('sends exactly two requests for one Check now, and none for an entry already settled', async () => {
    const { sandbox, services, profile } = await setUp()
    const person = sandbox.tenant.users().find((user) => user.status === 'ACTIVE' && user.id !== sandbox.tenant.adminUser.id)!
    sandbox.faults.script([{ kind: 'reset', method: 'POST', path: new RegExp(`/users/${person.id}/lifecycle/suspend$`) }])
    await expect(services.handlers['directory.deprovision']({ profileId: profile.id, userId: person.id })).rejects.toMatchObject({ code: 'network' })
    const [entry] = (await services.handlers['journal.list']({ action: 'deprovision' })).entries
    expect(entry!.outcome.status).toBe('pending')

    const before = sandbox.requestCount()
    const settled = await services.handlers['journal.settle']({ entryId: entry!.id })
    expect(settled.outcome).toMatchObject({ status: 'failed', reconciled: true })
    expect(sandbox.requestCount() - before).toBe(2)
    await services.handlers['journal.settle']({ entryId: entry!.id })
    expect(sandbox.requestCount() - before).toBe(2)
  })

  it('gives a lost create the user made after it began, and not a user that existed before', async () => {
    const { sandbox, services, profile } = await setUp()
    const createPath = { kind: 'reset' as const, method: 'POST', path: /\/api\/v1\/users$/ }
    sandbox.faults.script([createPath])
    await expect(services.handlers['directory.create']({ profileId: profile.id, objectType: 'users', attributes: newUser, password: 'Pw-12345678' })).rejects.toMatchObject({ code: 'network' })
    // Okta made the user; the answer never came back.
    const grace = sandbox.tenant.addUser({ firstName: 'Grace', lastName: 'Hopper', login: newUser.userName, profile: { title: 'Rear Admiral' } })
    const [lost] = (await services.handlers['journal.list']({ action: 'create' })).entries
    expect(await services.handlers['journal.settle']({ entryId: lost!.id })).toMatchObject({ target: { id: grace.id }, outcome: { status: 'applied', reconciled: true } })

    // A create of a login that was there long before: its answer lost too, but it made nothing.
    const old = sandbox.tenant.users().find((user) => user.status === 'ACTIVE' && user.profile.login !== newUser.userName)!
    const login = String(old.profile.login)
    sandbox.faults.script([createPath])
    const attributes = { ...newUser, userName: login, 'emails.value': login, 'name.givenName': String(old.profile.firstName), 'name.familyName': String(old.profile.lastName) }
    await expect(services.handlers['directory.create']({ profileId: profile.id, objectType: 'users', attributes, password: 'Pw-12345678' })).rejects.toMatchObject({ code: 'network' })
    const [retry] = (await services.handlers['journal.list']({ action: 'create' })).entries
    const settled = await services.handlers['journal.settle']({ entryId: retry!.id })
    expect(settled.outcome).toMatchObject({ status: 'failed', message: expect.stringContaining('before this attempt began') })
  })
})
