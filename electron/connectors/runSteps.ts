import type { ErrorCode, StepReport } from '../../shared/errors'
import { AppError } from '../services/AppError'

export interface Step {
  /** What the person reads in the result: "Suspend Ada Lovelace", "Add back to Finance". */
  name: string
  /** Does the step; may return a note for the report ("already active"). */
  run: () => Promise<string | void>
}

export interface StepsOutcome {
  /** "Undo for Ada Lovelace": starts the failure message. */
  operation: string
  /** What to do after a failure: "Run undo again: steps already done are skipped." */
  advice: string
}

/**
 * Failures that would fail every later step too (the token, the network, the rate limit): the
 * remaining steps are not attempted. Any other failure belongs to its one step (a group that no
 * longer exists), so the later steps still run.
 */
const stopsEverything: ReadonlySet<ErrorCode> = new Set(['auth_failed', 'network', 'rate_limited', 'cancelled', 'internal'])

function failureOf(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message }
  return { code: 'internal', message: 'An unexpected error stopped this step.' }
}

/**
 * Runs named steps in order and reports each as applied, failed or not attempted. When any step
 * failed it throws `partial_failure` with every step, so the journal records exactly what happened.
 */
export async function runSteps(steps: readonly Step[], outcome: StepsOutcome): Promise<StepReport[]> {
  const reports: StepReport[] = []
  let stopped = false
  let firstFailure: { name: string; message: string } | null = null
  for (const step of steps) {
    if (stopped) {
      reports.push({ name: step.name, status: 'not_attempted' })
      continue
    }
    try {
      const note = await step.run()
      reports.push(note ? { name: step.name, status: 'applied', message: note } : { name: step.name, status: 'applied' })
    } catch (error: unknown) {
      const failure = failureOf(error)
      reports.push({ name: step.name, status: 'failed', message: failure.message })
      firstFailure ??= { name: step.name, message: failure.message }
      stopped = stopsEverything.has(failure.code)
    }
  }
  if (firstFailure) {
    const count = (status: StepReport['status']) => reports.filter((report) => report.status === status).length
    const tally = `${count('applied')} of ${reports.length} steps applied, ${count('failed')} failed, ${count('not_attempted')} not attempted`
    throw new AppError(
      'partial_failure',
      `${outcome.operation} did not complete (${tally}). "${firstFailure.name}" failed: ${firstFailure.message} ${outcome.advice}`,
      { steps: reports },
    )
  }
  return reports
}
