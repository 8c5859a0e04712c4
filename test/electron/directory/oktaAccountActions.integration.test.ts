import { describe, expect, it } from 'vitest'
import type { AccountActionId } from '../../../shared/accountActions'
import type { OktaUserStatus } from '../../../electron/sandbox/okta/oktaRecords'
import { startOktaSandbox } from '../../../electron/sandbox/okta/startOktaSandbox'
import { closeAfterEach } from '../../support/closeAfterEach'
import { requestLog } from '../../support/connectorHarness'
import { startRecordedServices } from '../../support/createTestServices'
import { filesUnder } from '../../support/filesUnder'
import { createOktaSandboxProfile } from '../../support/oktaSandboxProfile'
import { expectAppError } from '../../support/expectAppError'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

/*
 * Okta's everyday account actions through the whole main-process path (contract handlers, directory
 * service, journal, the real adapter and HTTP client) against the Okta sandbox tenant: the request
 * each sends (pinned), the tenant's state after, the journal's words, the refusal of a status that
 * does not allow it, and the temporary password that exists in the one answer and nowhere else.
 */

const newDirectory = useTemporaryDirectories()
const running = closeAfterEach()

async function setUp() {
  const sandbox = await startOktaSandbox({ users: 20 })
  running.push(sandbox)
  const dataDirectory = newDirectory()
  const { logger, services } = await startRecordedServices(dataDirectory, running)
  const profile = await createOktaSandboxProfile(services, sandbox)
  const { tenant } = sandbox
  const person = tenant.users().find((user) => user.status === 'ACTIVE' && user.id !== tenant.adminUser.id)!
  const requests = requestLog(logger.lines, (fields) => ('attempt' in fields ? `${String(fields.method)} ${String(fields.path)}` : null))
  const run = (action: AccountActionId) => services.handlers['directory.accountAction']({ profileId: profile.id, objectType: 'users', objectId: person.id, action })
  return { sandbox, tenant, services, logger, person, requests, run, dataDirectory }
}

interface Case {
  action: AccountActionId
  from: OktaUserStatus
  /** The one write Okta receives (the user is read before it, to refuse a status that does not allow it). */
  request: string
  statusAfter: OktaUserStatus
  summary: RegExp
}

const cases: Case[] = [
  { action: 'resetPassword', from: 'ACTIVE', request: 'POST /lifecycle/reset_password?sendEmail=true', statusAfter: 'RECOVERY', summary: /^Emailed .+ a password reset link$/ },
  { action: 'temporaryPassword', from: 'ACTIVE', request: 'POST /lifecycle/expire_password_with_temp_password', statusAfter: 'PASSWORD_EXPIRED', summary: /^Gave .+ a temporary password \(not recorded\)$/ },
  { action: 'unlock', from: 'LOCKED_OUT', request: 'POST /lifecycle/unlock', statusAfter: 'ACTIVE', summary: /^Unlocked / },
  { action: 'resetFactors', from: 'ACTIVE', request: 'POST /lifecycle/reset_factors', statusAfter: 'ACTIVE', summary: /^Reset the MFA factors of / },
  { action: 'resendActivation', from: 'PROVISIONED', request: 'POST /lifecycle/reactivate?sendEmail=true', statusAfter: 'PROVISIONED', summary: /^Resent the activation email to / },
  { action: 'activate', from: 'STAGED', request: 'POST /lifecycle/activate?sendEmail=true', statusAfter: 'ACTIVE', summary: /^Activated / },
  { action: 'signOutEverywhere', from: 'ACTIVE', request: 'DELETE /sessions', statusAfter: 'ACTIVE', summary: /^Cleared the Okta sessions of / },
]

describe('Okta account actions through the services, against the Okta sandbox', () => {
  it.each(cases)('$action from $from: the user read, one write; journaled in words', async ({ action, from, request, statusAfter, summary }) => {
    const { tenant, person, requests, run } = await setUp()
    tenant.setStatus(person.id, from)
    requests.mark()

    const result = await run(action)

    const userPath = `/api/v1/users/${person.id}`
    const [path, query] = request.split('?')
    const write = `${path!.replace(' /', ` ${userPath}/`)}${query ? `?${query}` : ''}`
    expect(requests.requests()).toEqual([`GET ${userPath}`, write])
    expect(tenant.user(person.id)?.status).toBe(statusAfter)
    expect(result.entry).toMatchObject({ action, outcome: { status: 'applied' }, target: { id: person.id } })
    expect(result.entry.summary).toMatch(summary)
  })

  it('resets the factors Okta lists for the user', async () => {
    const { tenant, person, run } = await setUp()
    expect(tenant.user(person.id)?.factors).not.toEqual([])
    await run('resetFactors')
    expect(tenant.user(person.id)?.factors).toEqual([])
  })

  it('journals the status change of an action that makes one, and none for one that does not', async () => {
    const { tenant, person, run } = await setUp()
    tenant.setStatus(person.id, 'LOCKED_OUT')
    expect((await run('unlock')).entry.changes).toEqual([{ attribute: 'status', before: 'LOCKED_OUT', after: 'ACTIVE' }])
    expect((await run('signOutEverywhere')).entry.changes).toEqual([])
  })

  it('refuses an action the status does not allow, with the reason, before journaling or sending it', async () => {
    const { tenant, services, person, requests, run } = await setUp()
    requests.mark()
    await expect(run('unlock')).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/unlocks only a user who is LOCKED_OUT; .+ is ACTIVE/) })
    expect(requests.requests()).toEqual([`GET /api/v1/users/${person.id}`])
    expect((await services.handlers['journal.list']({})).entries).toEqual([])
    expect(tenant.user(person.id)?.status).toBe('ACTIVE')
  })

  it('shows the temporary password in the answer only: never journaled, logged or in an event', async () => {
    const { person, services, logger, run, dataDirectory } = await setUp()
    const result = await run('temporaryPassword')
    const temporary = result.oneTimePassword
    expect(temporary).toMatch(/^[A-Za-z0-9]{10}$/)

    expect(JSON.stringify(result.entry)).not.toContain(temporary)
    expect(JSON.stringify(services.events)).not.toContain(temporary)
    expect(JSON.stringify(logger.lines)).not.toContain(temporary)
    for (const { path, text } of await filesUnder(dataDirectory)) expect(text, path).not.toContain(temporary)
    expect(JSON.stringify((await services.handlers['journal.list']({ targetId: person.id })).entries)).not.toContain(temporary)
    // Any later line that would quote it is masked.
    expect(logger.secrets.has(temporary!)).toBe(true)
  })
})

/** The journal entry a failed change names in its error. */
async function entryOfFailure(change: Promise<unknown>): Promise<string> {
  const error = await expectAppError(change, 'network')
  return error.extra.details?.entryId ?? ''
}

describe('an Okta account action whose answer was lost', () => {
  it('is pending, then settled against the status Okta shows', async () => {
    const { sandbox, tenant, services, person, run } = await setUp()
    tenant.setStatus(person.id, 'LOCKED_OUT')
    sandbox.faults.script([{ kind: 'lost_answer', path: /\/lifecycle\/unlock$/ }])

    const entryId = await entryOfFailure(run('unlock'))
    expect((await services.handlers['journal.get']({ entryId })).outcome.status).toBe('pending')

    const settled = await services.handlers['journal.settle']({ entryId })
    expect(settled.outcome).toMatchObject({ status: 'applied', message: `${settled.target.name} is ACTIVE.`, reconciled: true })
  })

  it('is settled as "could not tell" when the action leaves nothing Okta shows', async () => {
    const { sandbox, services, run } = await setUp()
    sandbox.faults.script([{ kind: 'lost_answer', method: 'DELETE', path: /\/sessions$/ }])
    const settled = await services.handlers['journal.settle']({ entryId: await entryOfFailure(run('signOutEverywhere')) })
    expect(settled.outcome.status).toBe('undetermined')
    expect(settled.outcome.message).toMatch(/^Clear sessions leaves nothing Okta shows/)
  })
})
