import { describe, expect, it } from 'vitest'
import { startGoToMeetingSandbox } from '../../../electron/sandbox/gotomeeting/startGoToMeetingSandbox'
import { AppError } from '../../../electron/errors/AppError'
import { startRecordedServices } from '../../support/createTestServices'
import { createGoToMeetingSandboxProfile } from '../../support/goToMeetingSandboxProfile'
import { behindLanyardsBack } from '../connectors/gotomeeting/goToSandboxHarness'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { closeAfterEach } from '../../support/closeAfterEach'
import { requestLog } from '../../support/connectorHarness'

/*
 * A GoToMeeting user's licences and admin roles through the services, against the sandbox account:
 * shown, assigned, removed (each journaled, each the other's undo), refused in words where GoTo
 * cannot, and checked through GoTo's own API.
 */

const newDirectory = useTemporaryDirectories()
const running = closeAfterEach()

async function setUp() {
  const sandbox = await startGoToMeetingSandbox({ users: 60 })
  running.push(sandbox)
  const { logger, services } = await startRecordedServices(newDirectory(), running)
  const profile = await createGoToMeetingSandboxProfile(services, sandbox)
  const { tenant } = sandbox
  const log = requestLog(logger.lines, (fields) => ('attempt' in fields ? `${String(fields.method)} ${String(fields.path).split('?')[0]}` : null))
  /** The user's licence keys as GoTo's API answers them. */
  const heldByApi = async (userKey: string) => JSON.parse((await behindLanyardsBack(sandbox, 'GET', `users/${userKey}`)).text).licenseKeys as string[]
  return { sandbox, tenant, handlers: services.handlers, profile, heldByApi, log }
}

describe('GoToMeeting licences through the services, against the sandbox account', () => {
  it('shows the licences and admin roles in words, assigns one and removes it again, each journaled', async () => {
    const { tenant, handlers, profile, heldByApi, log } = await setUp()
    const admin = tenant.users().find((user) => user.key !== tenant.adminUser.key && user.adminRoles.includes('SUPER_USER') && user.licenseKeys.length > 0)!
    const free = tenant.licenses().find((license) => license.enabled && !admin.licenseKeys.includes(license.key) && tenant.users().filter((user) => user.licenseKeys.includes(license.key)).length < license.seats)!
    const ref = { profileId: profile.id, objectType: 'users', objectId: admin.key }

    const shown = await handlers['directory.licences'](ref)
    expect(shown.held.map((licence) => licence.key)).toEqual(admin.licenseKeys)
    expect(shown.adminRoles).toContain('Super Admin')
    expect(shown.others.map((licence) => licence.key)).toContain(free.key)

    log.mark()
    const assigned = await handlers['directory.changeLicence']({ ...ref, licenseKey: free.key, change: 'assign' })
    // The user and the licences read to plan it, then one PUT of the new list.
    expect(log.requests().sort()).toEqual([`GET /admin/rest/v1/accounts/${tenant.account.key}/licenses`, `GET /admin/rest/v1/accounts/${tenant.account.key}/users/${admin.key}`, `PUT /admin/rest/v1/accounts/${tenant.account.key}/users/${admin.key}`].sort())
    expect(assigned).toMatchObject({ action: 'assignLicense', outcome: { status: 'applied' }, related: { objectType: 'licences', id: free.key } })
    expect(assigned.summary).toMatch(/^Assigned .+ to /)
    expect(await heldByApi(admin.key)).toEqual([...admin.licenseKeys, free.key])

    const removed = await handlers['directory.changeLicence']({ ...ref, licenseKey: free.key, change: 'remove' })
    expect(removed).toMatchObject({ action: 'removeLicense', outcome: { status: 'applied' } })
    expect(await heldByApi(admin.key)).toEqual(admin.licenseKeys)
  })

  it('refuses, changing nothing, a licence the user already holds, and says so when a removal suspends the user', async () => {
    const { tenant, handlers, profile, heldByApi } = await setUp()
    const member = tenant.users().find((user) => user.key !== tenant.adminUser.key && user.adminRoles.length === 0 && user.roleSets.length === 0 && user.licenseKeys.length === 1)!
    const ref = { profileId: profile.id, objectType: 'users', objectId: member.key }
    const [only] = member.licenseKeys
    const refused = await handlers['directory.changeLicence']({ ...ref, licenseKey: only!, change: 'assign' }).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).code).toBe('conflict')
    expect((refused as AppError).message).toMatch(/already holds/)

    const removed = await handlers['directory.changeLicence']({ ...ref, licenseKey: only!, change: 'remove' })
    expect(removed.outcome.message).toMatch(/GoTo shows them Suspended/)
    expect(await heldByApi(member.key)).toEqual([])
    expect(tenant.user(member.key)?.status).toBe('SUSPENDED')
  })
})
