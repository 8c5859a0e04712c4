import { describe, expect, it } from 'vitest'
import { runSteps, type Step } from '../../../electron/connectors/runSteps'
import { AppError } from '../../../electron/errors/AppError'
import { cancelledAfterSending } from '../../../electron/http/cancellation'
import { errorFromFailure } from '../../../electron/http/httpErrors'
import { outcomeOfFailure } from '../../../electron/changes/recordChange'

/**
 * Every outcome kind a write can end in, as the journal words it (the panel, the person page, jobs
 * and Activity all show this one message): each says ONE thing, names the account and the target.
 */
const writeContext = { targetName: 'Okta', method: 'POST', path: '/api/v1/users/00u1/lifecycle/suspend', idempotent: false, timeoutMs: 30_000, scrub: (text: string) => text }
const cutOff = () => errorFromFailure({ kind: 'reset', systemCode: 'ECONNRESET' }, writeContext, 'acme.okta.com')
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
  ])('%s: not known, being checked — no step count, no "refresh and try again"', async (_kind, steps) => {
    const entry = await journalled(steps)
    expect(entry.status).toBe('pending')
    expect(entry.message).toContain('not known')
    expect(entry.message.split('not known').length).toBe(2)
    expect(entry.message).toContain('Checking')
    expect(entry.message).not.toMatch(stepCount)
    expect(entry.message).not.toMatch(/failed|refresh before trying again|Nothing was changed/i)
    expect(entry.message).toContain('Ada Lovelace')
    expect(entry.message).toContain('Okta')
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
