import { describe, expect, it } from 'vitest'
import { restoreToGroup, runSteps } from '../../../electron/connectors/runSteps'
import { AppError } from '../../../electron/errors/AppError'
import { expectAppError } from '../../support/expectAppError'

const outcome = { operation: 'Undo for Ada', advice: 'Run undo again.' }
const ok = (name: string, note?: string) => ({ name, run: async () => note })
const failing = (name: string, code: AppError['code']) => ({
  name,
  run: async () => {
    throw new AppError(code, `${name} went wrong.`)
  },
})

describe('runSteps', () => {
  it('reports every step applied, with its note', async () => {
    expect(await runSteps([ok('One'), ok('Two', 'already done')], outcome)).toEqual([
      { name: 'One', status: 'applied' },
      { name: 'Two', status: 'applied', message: 'already done' },
    ])
  })

  it('stops after a failure every later step would share, and marks the rest not attempted', async () => {
    const error = await expectAppError(runSteps([ok('One'), failing('Two', 'network'), ok('Three')], outcome), 'partial_failure')
    expect(error.extra.steps).toEqual([
      { name: 'One', status: 'applied' },
      { name: 'Two', status: 'failed', message: 'Two went wrong.' },
      { name: 'Three', status: 'not_attempted' },
    ])
    expect(error.message).toBe(
      'Undo for Ada was done only in part. Done: "One". Not done: "Two", "Three" ("Two" failed: Two went wrong.) Run undo again.',
    )
  })

  it('leaves out the steps an earlier attempt applied: they are neither run again nor reported', async () => {
    const ran: string[] = []
    const counted = (name: string) => ({ name, run: async () => void ran.push(name) })
    const steps = await runSteps([counted('Disable Ada'), counted('Sign Ada out everywhere')], { ...outcome, alreadyDone: new Set(['Disable Ada']) })
    expect(ran).toEqual(['Sign Ada out everywhere'])
    expect(steps).toEqual([{ name: 'Sign Ada out everywhere', status: 'applied' }])
  })

  it('goes on after a failure that belongs to one step only', async () => {
    const error = await expectAppError(runSteps([failing('Gone group', 'not_found'), ok('Next group')], outcome), 'partial_failure')
    expect(error.extra.steps?.map((step) => step.status)).toEqual(['failed', 'applied'])
  })

  it('keeps the failure’s own code when no step was applied: nothing is partial, and a network failure may have happened', async () => {
    const error = await expectAppError(runSteps([failing('Suspend', 'network'), ok('Later')], outcome), 'network')
    expect(error.extra.steps).toEqual([
      { name: 'Suspend', status: 'failed', message: 'Suspend went wrong.' },
      { name: 'Later', status: 'not_attempted' },
    ])
    expect(error.message).toBe('Undo for Ada: "Suspend" got no clear answer. Suspend went wrong.')
    const refused = await expectAppError(runSteps([failing('Suspend', 'conflict')], outcome), 'conflict')
    expect(refused.extra.details?.failedStep).toBe('Suspend')
  })

  it('never copies an unexpected error’s text into the report', async () => {
    const step = { name: 'Odd', run: async () => Promise.reject(new Error('secret-ish internals')) }
    const error = await expectAppError(runSteps([step, ok('Next')], outcome), 'internal')
    expect(JSON.stringify(error.toValue())).not.toContain('internals')
  })
})

describe('putting a user back in a recorded group', () => {
  it('says the group is gone when the target no longer has it, keeping its details', async () => {
    const gone = new AppError('not_found', 'Not found.', { details: { requestId: 'req-1' } })
    const failure = await restoreToGroup('Okta', { name: 'London office' }, 'Ada Lovelace', () => Promise.reject(gone)).catch((error: unknown) => error as AppError)
    expect(failure).toMatchObject({
      code: 'not_found',
      message: 'The group "London office" no longer exists in Okta, so Ada Lovelace cannot be put back in it.',
      extra: { details: { requestId: 'req-1' } },
    })
  })

  it('passes any other failure on as it is', async () => {
    const refused = new AppError('auth_failed', 'The token was refused.')
    await expect(restoreToGroup('Okta', { name: 'London office' }, 'Ada', () => Promise.reject(refused))).rejects.toBe(refused)
  })
})

describe('what runSteps advises after a failure', () => {
  const steps = (firstFails: boolean) => [
    { name: 'Set title', run: () => (firstFails ? Promise.reject(new AppError('invalid_input', 'Too long.')) : Promise.resolve()) },
    { name: 'Set locale', run: () => Promise.reject(new AppError('invalid_input', 'Unknown locale.')) },
  ]
  const outcome = { operation: 'The change', advice: 'Finish or roll back from Activity.', adviceWhenNothingApplied: 'Nothing was changed.' }

  it('says nothing was changed when no step applied', async () => {
    const error = await expectAppError(runSteps(steps(true), outcome), 'invalid_input')
    expect(error.message).toContain('Nothing was changed.')
    expect(error.message).not.toContain('Finish or roll back')
  })

  it('says what stays applied when some step did', async () => {
    const error = await expectAppError(runSteps(steps(false), outcome), 'partial_failure')
    expect(error.message).toContain('Finish or roll back from Activity.')
  })
})
