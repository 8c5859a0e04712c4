import { describe, expect, it } from 'vitest'
import type { CallName } from '../../../shared/contract'
import { startCognitoSandbox } from '../../../electron/sandbox/cognito/startCognitoSandbox'
import { startCoupaSandbox } from '../../../electron/sandbox/coupa/startCoupaSandbox'
import { invokeContract } from '../../../electron/services/invokeContract'
import { requestLog } from '../../support/connectorHarness'
import { startRecordedServices } from '../../support/createTestServices'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { journalOnDisk } from './directoryHarness'
import { closeAfterEach } from '../../support/closeAfterEach'
import { sandboxParameters } from '../../../electron/services/sandboxProfiles'

/*
 * Issue 15, "Check before the confirmation, not after", in main: the renderer is not trusted, so
 * the service refuses each finding with invalid_input and the field's message, before any request
 * reaches the sandbox tenant and before the journal.
 */

const newDirectory = useTemporaryDirectories()
const running = closeAfterEach()

async function cognitoSetUp() {
  const sandbox = await startCognitoSandbox({ users: 5 })
  running.push(sandbox)
  const dataDirectory = newDirectory()
  const { logger, services } = await startRecordedServices(dataDirectory, running)
  const { accessKeyId, accessSecret, region, userPoolId } = sandbox.credentials
  const values = { accessKeyId: accessKeyId!, region: region!, userPoolId: userPoolId!, url: sandbox.url }
  const id = (await services.handlers['profiles.create']({ connectorId: 'cognito', name: 'Cognito', environment: 'sandbox', values, secrets: { accessSecret: accessSecret! } })).id
  const requests = requestLog(logger.lines, (fields) => ('attempt' in fields && 'operation' in fields ? String(fields.operation) : null))
  const call = (name: CallName, input: unknown) => invokeContract(services.handlers, name, input, logger)
  return { dataDirectory, call, id, sandbox, requests }
}

/** The refusal main answers: invalid_input, with the field's message in words under its path. */
function refusedAt(path: string, words: RegExp) {
  return { ok: false, error: { code: 'invalid_input', fields: { [path]: expect.stringMatching(words) } } }
}

describe('Cognito: refused in main before any request', () => {
  it('a phone number "555-1234", a group "help desk", a precedence of −3 and a 5,000-character value', async () => {
    const { dataDirectory, call, id, sandbox, requests } = await cognitoSetUp()
    const username = sandbox.tenant.users()[0]!.username
    const group = sandbox.tenant.groups()[0]!.name

    const phone = await call('directory.update', { profileId: id, objectType: 'users', objectId: username, changes: { 'phoneNumbers[0].value': '555-1234' } })
    expect(phone).toMatchObject(refusedAt('phoneNumbers[0].value', /international format/))
    const named = await call('directory.create', { profileId: id, objectType: 'groups', attributes: { displayName: 'help desk' } })
    expect(named).toMatchObject(refusedAt('displayName', /no spaces/))
    expect(JSON.stringify(named)).not.toContain('\\p{')
    const ranked = await call('directory.update', { profileId: id, objectType: 'groups', objectId: group, changes: { 'Extension.Precedence': -3 } })
    expect(ranked).toMatchObject(refusedAt('Extension.Precedence', /whole number from 0/))
    const long = await call('directory.update', { profileId: id, objectType: 'users', objectId: username, changes: { 'name.givenName': 'x'.repeat(5000) } })
    expect(long).toMatchObject(refusedAt('name.givenName', /at most 2,048 characters/))

    expect(requests.requests()).toEqual([])
    expect(journalOnDisk(dataDirectory)).toEqual([])
    expect(sandbox.tenant.groups().map((candidate) => candidate.name)).not.toContain('help desk')
  })
})

describe('Coupa: refused in main before any request', () => {
  it('a requisition approval limit of "abc"', async () => {
    const sandbox = await startCoupaSandbox({ users: 5 })
    running.push(sandbox)
    const dataDirectory = newDirectory()
    const { logger, services } = await startRecordedServices(dataDirectory, running)
    const id = (await services.handlers['profiles.create']({ connectorId: 'coupa', name: 'Coupa', environment: 'sandbox', ...sandboxParameters('coupa', sandbox.url, sandbox.credentials) })).id
    const requests = requestLog(logger.lines, (fields) => ('attempt' in fields ? `${String(fields.method)} ${String(fields.path)}` : null))
    const userId = String(sandbox.tenant.users()[0]!.id)

    const updated = await invokeContract(
      services.handlers,
      'directory.update',
      { profileId: id, objectType: 'users', objectId: userId, changes: { 'Extension.requisitionApprovalLimit': 'abc' } },
      logger,
    )
    expect(updated).toMatchObject(refusedAt('Extension.requisitionApprovalLimit', /amount of money/))
    expect(requests.requests()).toEqual([])
    expect(journalOnDisk(dataDirectory)).toEqual([])
  })
})
