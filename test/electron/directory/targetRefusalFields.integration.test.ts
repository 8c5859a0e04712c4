import { describe, expect, it } from 'vitest'
import type { CallName } from '../../../shared/contract'
import { startCoupaSandbox } from '../../../electron/sandbox/coupa/startCoupaSandbox'
import { startGoToMeetingSandbox } from '../../../electron/sandbox/gotomeeting/startGoToMeetingSandbox'
import { startOktaSandbox } from '../../../electron/sandbox/okta/startOktaSandbox'
import { invokeContract } from '../../../electron/services/invokeContract'
import { closeAfterEach } from '../../support/closeAfterEach'
import { createOktaSandboxProfile } from '../../support/oktaSandboxProfile'
import { createRecordingLogger } from '../../support/recordingLogger'
import { createTestServices } from '../../support/createTestServices'
import { createGoToMeetingSandboxProfile } from '../../support/goToMeetingSandboxProfile'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

/*
 * Issue 15, "Errors where the eye is", in main: what only the target can refuse (Okta's password
 * policy, a login or email another user has) comes back with the refused field under the form's
 * path, so the form can mark it there. Against each sandbox tenant, through the contract.
 */

const newDirectory = useTemporaryDirectories()
const running = closeAfterEach()

async function servicesFor() {
  const logger = createRecordingLogger()
  const services = await createTestServices(newDirectory(), { logger })
  running.push(services)
  const call = (name: CallName, input: unknown) => invokeContract(services.handlers, name, input, logger)
  return { services, call }
}

describe("a target's refusal names the form's field", () => {
  it("Okta: a create with a password its policy refuses marks the password", async () => {
    const sandbox = await startOktaSandbox({ users: 3 })
    running.push(sandbox)
    const { services, call } = await servicesFor()
    const profile = await createOktaSandboxProfile(services, sandbox)
    const attributes = { 'name.givenName': 'Ada', 'name.familyName': 'Byron', userName: 'ada.byron@example.com', 'emails.value': 'ada.byron@example.com' }
    const result = await call('directory.create', { profileId: profile.id, objectType: 'users', attributes, password: 'weakpassword' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { password: expect.stringMatching(/^Okta says: "Password requirements were not met/) } } })
    expect(JSON.stringify(result)).not.toContain('weakpassword')
  })

  it("Coupa: an edit to a login another user has marks the login", async () => {
    const sandbox = await startCoupaSandbox({ users: 5 })
    running.push(sandbox)
    const { services, call } = await servicesFor()
    const profile = await services.handlers['profiles.create']({
      connectorId: 'coupa',
      name: 'Coupa Sandbox',
      environment: 'sandbox',
      values: { url: sandbox.url, customProperties: sandbox.credentials.customProperties ?? '' },
      secrets: { apiKey: sandbox.credentials.apiKey! },
    })
    const [first, second] = sandbox.tenant.users()
    const result = await call('directory.update', { profileId: profile.id, objectType: 'users', objectId: String(first!.id), changes: { userName: second!.fields.login } })
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', fields: { userName: 'Coupa says: "Login has already been taken".' } } })
  })

  it("GoTo: an edit to an email another user has marks the email", async () => {
    const sandbox = await startGoToMeetingSandbox({ users: 5 })
    running.push(sandbox)
    const { services, call } = await servicesFor()
    const profile = await createGoToMeetingSandboxProfile(services, sandbox)
    const [first, second] = sandbox.tenant.users().filter((user) => user.key !== sandbox.tenant.adminUser.key)
    const result = await call('directory.update', { profileId: profile.id, objectType: 'users', objectId: first!.key, changes: { 'emails[0].value': second!.email } })
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', fields: { 'emails[0].value': expect.stringContaining(second!.email) } } })
  })
})
