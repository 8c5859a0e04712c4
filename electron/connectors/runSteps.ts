import type { ErrorCode, StepReport } from '../../shared/errors'
import { AppError, outcomeUnknownCodes } from '../errors/AppError'
import { reasonWhenNotKnown } from '../http/httpErrors'
import { reportSteps } from '../http/changeProgress'
import type { ProgressStepStatus } from '../../shared/changeProgress'

export interface Step {
  /** What the person reads in the result: "Suspend Ada Lovelace", "Add back to Finance". */
  name: string
  /** Does the step; may return a note for the report ("already active"). */
  run: () => Promise<string | void>
  /** The attributes it writes, reported with it (see StepReport.writes). */
  writes?: string[]
  /** The later steps depend on it (Cognito's "Create user"): when it fails, they are not attempted. */
  required?: boolean
}

export interface StepsOutcome {
  /** "Undo for Ada Lovelace": starts the failure message. */
  operation: string
  /** What to do after a failure: "Run undo again: steps already done are skipped." */
  advice: string
  /**
   * What to do instead when no step was applied ("Nothing was changed: …"): advice about what
   * stays applied would then be wrong. `advice` is used when absent.
   */
  adviceWhenNothingApplied?: string
  /** Added to a failure's details, e.g. the id of the object a first step created. */
  details?: () => Record<string, string>
  /**
   * The change's signal (a bulk job pausing), checked before each step: once it aborts no further
   * step starts, and the change throws `cancelled` (or `partial_failure` when some step was applied)
   * naming the steps done and those never sent. A step already running finishes or is cancelled
   * by its own requests.
   */
  signal?: AbortSignal
  /**
   * Steps an earlier attempt of the same change already applied (a deprovision that stopped part-way,
   * being finished), by name: left out, never sent again. Adapters build the names from the journaled
   * snapshot, so the same snapshot names the same steps alike.
   */
  alreadyDone?: DoneSteps
}

/**
 * Which steps an earlier attempt already applied, by name: a set of names, or any test of a name
 * ("every step but the sign-out", when settling read everything back but what cannot be read).
 */
export type DoneSteps = Pick<ReadonlySet<string>, 'has'>

/**
 * Failures that would fail every later step too (the token, the network, the rate limit): the
 * remaining steps are not attempted. Any other failure belongs to its one step (a group that no
 * longer exists), so the later steps still run.
 */
const stopsEverything: ReadonlySet<ErrorCode> = new Set(['auth_failed', 'network', 'rate_limited', 'cancelled', 'internal'])

interface StepFailure {
  name: string
  code: ErrorCode
  message: string
  /** The message as an outcome not known says it: no "try again", since Lanyard checks the target (reasonWhenNotKnown). */
  reasonWhenNotKnown: string
  /** The target's own code and request id, kept for the journal's support fold. */
  details: Record<string, string>
  /** The fields the target refused, so the form can mark them (AppError's targetFields). */
  targetFields?: Record<string, string>
}

function failureOf(name: string, error: unknown): StepFailure {
  if (error instanceof AppError) {
    const { details, targetFields } = error.extra
    return { name, code: error.code, message: error.message, reasonWhenNotKnown: reasonWhenNotKnown(error), details: details ?? {}, targetFields }
  }
  const message = 'An unexpected error stopped this step.'
  return { name, code: 'internal', message, reasonWhenNotKnown: message, details: {} }
}

/** A failure after which nobody can tell whether the step happened: the journal keeps it pending and checks it. */
function notKnown(failure: StepFailure): boolean {
  return outcomeUnknownCodes.has(failure.code) || failure.details.sent === 'true'
}

/**
 * Runs named steps in order and reports each as applied, failed or not attempted. When any step
 * failed it throws with every step, so the journal records exactly what happened: `partial_failure`
 * once some step was applied, otherwise the failure's own code. Nothing is partial then, and the
 * code matters: a `network` failure may have happened anyway, so the journal keeps it pending and
 * checks it against the target instead of calling it refused.
 */
export async function runSteps(allSteps: readonly Step[], outcome: StepsOutcome): Promise<StepReport[]> {
  const steps = outcome.alreadyDone ? allSteps.filter((step) => !outcome.alreadyDone!.has(step.name)) : allSteps
  const reports: StepReport[] = []
  let stopped = false
  let firstFailure: StepFailure | null = null
  let cancelledBefore: string | null = null
  // What the person watching the change sees (changes.progress): each step pending until it runs.
  const progress = steps.map((step) => ({ name: step.name, status: 'pending' as ProgressStepStatus }))
  const mark = (index: number, status: ProgressStepStatus) => {
    progress[index]!.status = status
    reportSteps(progress)
  }
  reportSteps(progress)
  for (const [index, step] of steps.entries()) {
    const writes = step.writes ? { writes: step.writes } : {}
    if (!stopped && outcome.signal?.aborted) {
      stopped = true
      cancelledBefore = step.name
    }
    if (stopped) {
      reports.push({ name: step.name, status: 'not_attempted', ...writes })
      mark(index, 'not_attempted')
      continue
    }
    mark(index, 'running')
    try {
      const note = await step.run()
      reports.push({ name: step.name, status: 'applied', ...(note && { message: note }), ...writes })
      mark(index, 'applied')
    } catch (error: unknown) {
      const failure = failureOf(step.name, error)
      // The step list beside "Checking…" must not say "try again" either.
      reports.push({ name: step.name, status: 'failed', message: notKnown(failure) ? failure.reasonWhenNotKnown : failure.message, ...writes })
      mark(index, 'failed')
      firstFailure ??= failure
      stopped = stopsEverything.has(failure.code) || step.required === true
    }
  }
  if (firstFailure) {
    const applied = reports.some((report) => report.status === 'applied')
    throw new AppError(applied ? 'partial_failure' : firstFailure.code, failureWording(reports, firstFailure, outcome), {
      steps: reports,
      details: { ...firstFailure.details, ...outcome.details?.(), failedStep: firstFailure.name },
      ...(firstFailure.targetFields ? { targetFields: firstFailure.targetFields } : {}),
    })
  }
  if (cancelledBefore !== null) throw cancelledBetweenSteps(reports, cancelledBefore, outcome)
  return reports
}

/**
 * Says ONE outcome (STYLE: no step tally that contradicts itself): partial names the steps done and
 * those not done, with the caller's advice; refused gives the target's reason and that nothing was
 * changed; a lost answer (the network, an unexpected error, cancelled after sending) says only what
 * happened, since the journal then says the result is not known and checks it.
 */
function failureWording(reports: StepReport[], failure: StepFailure, outcome: StepsOutcome): string {
  const named = (status: StepReport['status']) => reports.filter((report) => report.status === status).map((report) => `"${report.name}"`)
  const done = named('applied')
  if (done.length > 0) {
    const notSent = named('not_attempted')
    const notDone = [...named('failed'), ...notSent].join(', ')
    return `${outcome.operation} was done only in part. Done: ${done.join(', ')}. Not done: ${notDone} ("${failure.name}" failed: ${failure.message}) ${outcome.advice}`
  }
  if (notKnown(failure)) {
    // No advice of its own: the journal adds, once, that the outcome is not known and that Lanyard checks it.
    return `${outcome.operation}: "${failure.name}" got no clear answer. ${failure.reasonWhenNotKnown}`
  }
  const advice = outcome.adviceWhenNothingApplied ?? outcome.advice
  const nothingChanged = /\bNothing\b/.test(advice) ? '' : 'Nothing was changed. '
  return `${outcome.operation} was refused at "${failure.name}": ${failure.message} ${nothingChanged}${advice}`
}

function cancelledBetweenSteps(reports: StepReport[], next: string, outcome: StepsOutcome): AppError {
  const named = (status: StepReport['status']) =>
    reports
      .filter((report) => report.status === status)
      .map((report) => `"${report.name}"`)
      .join(', ')
  const done = named('applied')
  const happened = done === '' ? 'Nothing was sent.' : `Done: ${done}. Not sent: ${named('not_attempted')}.`
  const advice = done === '' ? '' : ` ${outcome.advice}`
  return new AppError(done === '' ? 'cancelled' : 'partial_failure', `${outcome.operation} was cancelled before "${next}". ${happened}${advice}`, {
    steps: reports,
    details: { ...outcome.details?.(), cancelledBefore: next },
  })
}

/**
 * Puts a user back in a group recorded before a deprovision. The target's not_found then means
 * the group was deleted since: said so, with the target's details kept, instead of a bare 404.
 */
export async function restoreToGroup(
  where: string,
  group: { name: string },
  who: string,
  restore: () => Promise<void>,
): Promise<void> {
  try {
    await restore()
  } catch (error: unknown) {
    if (error instanceof AppError && error.code === 'not_found') {
      throw new AppError('not_found', `The group "${group.name}" no longer exists in ${where}, so ${who} cannot be put back in it.`, {
        details: error.extra.details,
      })
    }
    throw error
  }
}
