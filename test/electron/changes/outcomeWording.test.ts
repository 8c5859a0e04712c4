import { describe, expect, it } from 'vitest'
import { runSteps, type Step } from '../../../electron/connectors/runSteps'
import { AppError } from '../../../electron/errors/AppError'
import { cancelledAfterSending } from '../../../electron/http/cancellation'
import { errorFromFailure, errorFromResponse } from '../../../electron/http/httpErrors'
import { outcomeOfFailure } from '../../../electron/changes/recordChange'
import { appErrorOf, type CognitoFailure } from '../../../electron/connectors/cognito/cognitoErrors'
import { cognitoHarness } from '../connectors/cognito/cognitoSandboxHarness'
import { coupaHarness } from '../connectors/coupa/coupaSandboxHarness'

/**
 * Every outcome kind a write can end in, as the journal words it (the panel, the person page, jobs
 * and Activity all show this one message): each says ONE thing, names the account and the target.
 */
const writeContext = { targetName: 'Okta', method: 'POST', path: '/api/v1/users/00u1/lifecycle/suspend', idempotent: false, timeoutMs: 30_000, scrub: (text: string) => text }
const cutOff = () => errorFromFailure({ kind: 'reset', systemCode: 'ECONNRESET' }, writeContext, 'acme.okta.com')
const serverError = { status: 500, data: {}, headers: {} }
const answered500 = (context = writeContext) => errorFromResponse(serverError, {}, context)
const membershipPut = { ...writeContext, method: 'PUT', path: '/api/v1/groups/00g1/users/00u1', idempotent: true }
const cognitoWrite = { operation: 'AdminDisableUser', accessKeyId: 'AKIA1', userPoolId: 'eu-west-1_pool', host: 'cognito-idp.eu-west-1.amazonaws.com', idempotent: false, timeoutMs: 30_000, waits: 0, scrub: (text: string) => text }
const cognitoFault: CognitoFailure = { kind: 'service', name: 'InternalErrorException', message: 'Internal error', status: 500, requestId: 'r-1', serverFault: true, refusedForItsTime: false }
const refusedByOkta = () => new AppError('conflict', 'Okta refused: the token lacks the needed admin role.')
const ok = (name: string): Step => ({ name, run: async () => undefined })
const failing = (name: string, error: () => unknown): Step => ({ name, run: async () => Promise.reject(error()) })
const outcome = { operation: 'Deprovision of Ada Lovelace in Okta', advice: 'Retry finishes the missing steps.' }

async function journalled(steps: Step[]) {
  const error = await runSteps(steps, outcome).then(
    () => null,
    (failure: unknown) => failure,
  )
  return outcomeOfFailure('entry-1', error)
}

const stepCount = /\d+ of \d+ steps?/

describe('the words of each outcome kind', () => {
  it.each([
    ['lost answer (network)', [failing('Suspend Ada Lovelace', cutOff)]],
    ['lost answer (cancelled after sending)', [failing('Suspend Ada Lovelace', cancelledAfterSending)]],
    ['lost answer (unexpected error)', [failing('Suspend Ada Lovelace', () => new Error('boom'))]],
    ['lost answer (HTTP 500 to a write)', [failing('Suspend Ada Lovelace', () => answered500())]],
    ['lost answer (HTTP 500 to a write sent again, after retries)', [failing('Suspend Ada Lovelace', () => answered500(membershipPut))]],
    ['lost answer (network, a write sent again, after retries)', [failing('Suspend Ada Lovelace', () => errorFromFailure({ kind: 'reset', systemCode: 'ECONNRESET' }, membershipPut, 'acme.okta.com'))]],
    ['lost answer (Cognito server fault)', [failing('Disable Ada Lovelace', () => appErrorOf(cognitoFault, cognitoWrite))]],
    ['lost answer (Cognito network)', [failing('Disable Ada Lovelace', () => appErrorOf({ kind: 'network', systemCode: 'ECONNRESET' }, cognitoWrite))]],
  ])('%s: not known, being checked — no step count, no "try again"', async (_kind, steps) => {
    const entry = await journalled(steps)
    expect(entry.status).toBe('pending')
    expect(entry.message).toContain('not known')
    expect(entry.message.split('not known').length).toBe(2)
    expect(entry.message).toContain('Checking')
    expect(entry.message).not.toMatch(stepCount)
    expect(entry.message).not.toMatch(/failed|refresh before trying again|try again|Nothing was changed/i)
    // The panel's step list, beside "Checking…", says no "try again" either.
    for (const step of entry.steps) expect(step.message ?? '').not.toMatch(/try again|trying again/i)
    expect(entry.message).toContain('Ada Lovelace')
    expect(entry.message).toContain('Okta')
  })

  it.each([
    ['HTTP 500 to a write', () => answered500()],
    ['HTTP 500 to a write sent again, after retries', () => answered500(membershipPut)],
    ['Cognito server fault', () => appErrorOf(cognitoFault, cognitoWrite)],
  ])('a one-request change whose answer was lost (%s): checking, with no "try again"', (_kind, error) => {
    const entry = outcomeOfFailure('entry-1', error())
    expect(entry.status).toBe('pending')
    expect(entry.message.split('not known').length).toBe(2)
    expect(entry.message).toContain('Checking')
    expect(entry.message).not.toMatch(/try again|trying again/i)
  })

  it('a read that got a 500 still says to try again in a moment: nothing is being checked for it', () => {
    const read = { ...writeContext, method: 'GET', path: '/api/v1/users', idempotent: true }
    expect(answered500(read).message).toContain('Try again in a moment')
    expect(appErrorOf(cognitoFault, { ...cognitoWrite, operation: 'ListUsers', idempotent: true }).message).toContain('Try again in a moment')
  })

  it('a Cognito create whose answer was lost: one "not known", that Lanyard checks, no search-and-retry advice', async () => {
    const { connector, sandbox } = await cognitoHarness()
    sandbox.faults.script([{ kind: 'reset' }])
    const error = await connector.create('users', { userName: 'cut.off', 'emails[0].value': 'cut.off@example.com' }, {}).then(() => null, (failure: unknown) => failure)
    const entry = outcomeOfFailure('entry-1', error)
    expect(entry.status).toBe('pending')
    expect(entry.message.split('not known').length).toBe(2)
    expect(entry.message).toContain('Checking')
    expect(entry.message).toContain('cut.off')
    expect(entry.message).not.toMatch(/Nothing was created|try again|before creating it again/i)
  })

  it.each([
    ['with segments (two steps)', { 'Extension.defaultChartOfAccountsName': 'Europe COA', 'Extension.Segment1': 'CC-1100' }],
    ['without segments (one request)', {}],
  ])('a Coupa create refused for a taken login %s: says which value is used and to open that user, not to search', async (_kind, more) => {
    const { connector, tenant } = await coupaHarness()
    const taken = String(tenant.users()[5]!.fields.login)
    const attributes = { userName: taken, 'emails[0].value': 'someone.new@example.com', 'name.givenName': 'Some', 'name.familyName': 'One', ...more }
    const error = await connector.create('users', attributes, {}).then(() => null, (failure: unknown) => failure)
    const entry = outcomeOfFailure('entry-1', error)
    expect(entry.status).toBe('failed')
    expect(entry.message).toContain('The login is already used by another Coupa user (Coupa says: "Login has already been taken")')
    expect(entry.message).toContain('Open that user, or choose another login.')
    expect(entry.message).not.toMatch(/search|not known|exists in Coupa/i)
  })

  it('a Coupa create refused for another reason says to correct the values, not to search', async () => {
    const { connector } = await coupaHarness()
    const attributes = { userName: 'some.one', 'emails[0].value': 'someone.new@example.com', 'name.givenName': 'Some', 'name.familyName': 'One', 'Extension.defaultChartOfAccountsName': 'No Such Chart', 'Extension.Segment1': 'CC-1100' }
    const error = await connector.create('users', attributes, {}).then(() => null, (failure: unknown) => failure)
    const entry = outcomeOfFailure('entry-1', error)
    expect(entry.status).toBe('failed')
    expect(entry.message).toContain('Nothing was')
    expect(entry.message).not.toMatch(/search|already used|not known/i)
  })

  it('refused by the target: its reason, nothing changed, never "not known"', async () => {
    const entry = await journalled([{ ...failing('Suspend Ada Lovelace', refusedByOkta), required: true }, ok('Sign Ada Lovelace out')])
    expect(entry.status).toBe('failed')
    expect(entry.message).toContain('the token lacks the needed admin role')
    expect(entry.message).toContain('Nothing was changed')
    expect(entry.message).not.toMatch(/not known|may have been|steps? applied/)
    expect(entry.message).toContain('Ada Lovelace')
    expect(entry.message).toContain('Okta')
  })

  it('partial: which steps happened, which did not, and that retry finishes them', async () => {
    const entry = await journalled([ok('Suspend Ada Lovelace'), failing('Sign Ada Lovelace out', refusedByOkta), ok('Remove Ada Lovelace from London')])
    expect(entry.status).toBe('partial')
    expect(entry.message).toContain('Done: "Suspend Ada Lovelace"')
    expect(entry.message).toContain('Not done: "Sign Ada Lovelace out"')
    expect(entry.message).toContain('Retry finishes the missing steps.')
    expect(entry.message).not.toMatch(/not known|Nothing was changed|steps? applied/)
    expect(entry.message).toContain('Okta')
  })
})
