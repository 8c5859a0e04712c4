import type { EventName, EventPayload } from '../../shared/contract'
import type { ConnectorId } from '../../shared/catalogue/types'
import type { StepReport } from '../../shared/errors'
import type { Journal, NewIntent, NewOutcome } from '../journal/Journal'
import type { Logger } from '../logging/Logger'
import { AppError, outcomeUnknownCodes } from '../errors/AppError'
import { linkedSignal, wasSentBeforeCancel } from '../http/cancellation'
import { reasonWhenNotKnown } from '../http/httpErrors'
import { withChangeProgress, type ChangeProgressSink } from '../http/changeProgress'
import type { ChangeProgress } from '../../shared/changeProgress'
import type { RunningChanges } from './runningChanges'

export interface ChangeContext {
  journal: Journal
  logger: Logger
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  /** Told of a change whose outcome is not known (pending, or not written), to settle it once the target answers. */
  settleLater?: (entryId: string) => void
  /** Where a running change can be cancelled from (`directory.cancelChange`). */
  running?: RunningChanges
}

/** Objects a change touched, for `directory.changed`: views showing them re-read them. */
/** Who an intent is about: the profile as it is named now (it may later be renamed or deleted). */
export function profileFieldsOf(profile: { id: string; name: string; connectorId: ConnectorId }): { profileId: string; profileName: string; connectorId: ConnectorId } {
  return { profileId: profile.id, profileName: profile.name, connectorId: profile.connectorId }
}

export type Touched = { objectType: string; ids: string[] }[]

export interface AppliedChange<T> {
  value: T
  status?: 'applied' | 'partial'
  message?: string
  steps?: StepReport[]
  /** The object as the target answered (a created object's new id). */
  target?: { id: string; name: string }
  touched: Touched
}

export interface ChangePlan<T> {
  profileId: string
  intent: NewIntent
  /**
   * Sends the change. `signal` aborts when the plan's own signal does or the person cancels it
   * (`directory.cancelChange`): pass it to every request and step, not the plan's.
   */
  apply: (signal: AbortSignal) => Promise<AppliedChange<T>>
  /** What a change that failed part-way may have touched. */
  touchedOnFailure: Touched
  /**
   * A bulk job's pause. Aborted before the intent is written: nothing is recorded or sent. Later,
   * the steps say what happened: cancelled before anything was sent, the change is recorded as
   * failed; after some step, as partial; with a request on its way, pending (settled later).
   */
  signal?: AbortSignal
}

/**
 * Runs one change the journaled way: the intent is written and fsync'd, then the target is
 * called, then the outcome is written, then `journal.appended` and `directory.changed` go out.
 * If the intent cannot be written, the target is never called. A failure carries the entry id
 * (and the steps that did and did not happen) in its details.
 */
export async function recordChange<T>(context: ChangeContext, plan: ChangePlan<T>): Promise<{ value: T; entryId: string }> {
  if (plan.signal?.aborted) throw new AppError('cancelled', 'Cancelled before anything was sent: nothing was changed or recorded.')
  let intentId: string
  try {
    intentId = (await context.journal.recordIntent(plan.intent)).id
  } catch (error) {
    const reason = error instanceof AppError ? error.message : String(error)
    throw new AppError('internal', `Nothing was changed: Lanyard could not record the change in its journal first. ${reason}`, { cause: error })
  }

  let applied: AppliedChange<T>
  const cancel = new AbortController()
  const signal = linkedSignal([plan.signal, cancel.signal])
  context.running?.add(intentId, cancel)
  try {
    applied = await withChangeProgress(progressSink(context, plan, intentId), () => plan.apply(signal.signal))
  } catch (error) {
    const outcome = outcomeOfFailure(intentId, error)
    if (outcome.status === 'pending') context.settleLater?.(intentId)
    await writeOutcome(context, outcome, outcome.message)
    announce(context, plan.profileId, intentId, outcome.status === 'failed' ? [] : touchedByFailure(plan, outcome))
    context.logger.warn('change did not complete', { entryId: intentId, action: plan.intent.action, status: outcome.status, error })
    // A pending outcome's message says it is not known and being checked: the person reads that, not only the failure.
    throw failureWithEntry(error, intentId, outcome.message, outcome.status === 'pending')
  } finally {
    context.running?.delete(intentId)
    signal.dispose()
  }

  await writeOutcome(context, {
    intentId,
    status: applied.status ?? 'applied',
    message: applied.message ?? 'Done.',
    steps: applied.steps ?? [],
    details: {},
    reconciled: false,
    target: applied.target ?? null,
  })
  announce(context, plan.profileId, intentId, applied.touched)
  context.logger.info('change recorded', { entryId: intentId, action: plan.intent.action, status: applied.status ?? 'applied' })
  return { value: applied.value, entryId: intentId }
}

/**
 * A failed change is `partial` when some step was applied, `failed` when the target refused it,
 * and `pending` when nobody can tell (a network failure after sending, an unexpected error, which
 * an adapter's `runSteps` reports as `internal`): settling reads the target once it answers again.
 */

/** A lost answer's one outcome: not known, and Lanyard is settling it (no "try again", no step tally). */
const checkingWords = 'Whether the change took effect is not known yet. Checking…: Lanyard reads it back from the target as soon as it answers, and shows the result.'

export function outcomeOfFailure(intentId: string, error: unknown): NewOutcome {
  const base = { intentId, reconciled: false, target: createdObjectOf(error) }
  if (!(error instanceof AppError)) {
    return {
      ...base,
      status: 'pending',
      message: `An unexpected error stopped the change. ${checkingWords}`,
      steps: [],
      details: {},
    }
  }
  const steps = error.extra.steps ?? []
  const details = error.extra.details ?? {}
  if (steps.some((step) => step.status === 'applied')) return { ...base, status: 'partial', message: error.message, steps, details }
  if (outcomeUnknownCodes.has(error.code) || wasSentBeforeCancel(error)) {
    const message = `${reasonWhenNotKnown(error)} ${checkingWords}`
    return { ...base, status: 'pending', message, steps, details }
  }
  // Cancelled before its request went out (else it is pending above): nothing was sent.
  if (error.code === 'cancelled') return { ...base, status: 'failed', message: steps.length > 0 ? error.message : 'Cancelled before anything was sent: nothing was changed.', steps, details }
  return { ...base, status: 'failed', message: error.message, steps, details }
}

/**
 * A create that stopped after its first step names the object it made (`details.objectId`, and
 * `objectName`): finishing or rolling it back needs it.
 */
function createdObjectOf(error: unknown): { id: string; name: string } | null {
  const details = error instanceof AppError ? error.extra.details : undefined
  return details?.objectId ? { id: details.objectId, name: details.objectName ?? '' } : null
}

/** What a failed change may have touched, and the object a create made before it stopped (its table must show it). */
function touchedByFailure<T>(plan: ChangePlan<T>, outcome: NewOutcome): Touched {
  if (!outcome.target) return plan.touchedOnFailure
  return [{ objectType: plan.intent.target.objectType, ids: [outcome.target.id] }, ...plan.touchedOnFailure]
}

function failureWithEntry(error: unknown, entryId: string, message: string, unknown: boolean): AppError {
  if (!(error instanceof AppError)) {
    return new AppError('internal', message, { details: { entryId }, cause: error })
  }
  const { fields, steps, details } = error.extra
  return new AppError(error.code, unknown ? message : error.message, { fields, steps, details: { ...details, entryId }, cause: error })
}

/**
 * Writes the outcome; if that fails, the error still says what happened at the target (`happened`,
 * and the steps): the journal holds only the intent, which settling checks.
 */
async function writeOutcome(context: ChangeContext, outcome: NewOutcome, happened = 'The change was sent to the target.'): Promise<void> {
  try {
    await context.journal.recordOutcome(outcome)
  } catch (error) {
    context.logger.error('journal outcome not written', { entryId: outcome.intentId, error })
    context.settleLater?.(outcome.intentId)
    const reason = error instanceof AppError ? error.message : String(error)
    throw new AppError(
      'internal',
      `${happened} Lanyard could not record this outcome in the journal (${reason}); it checks the change against the target as soon as the target answers again.`,
      { steps: outcome.steps, details: { ...outcome.details, entryId: outcome.intentId }, cause: error },
    )
  }
}

/**
 * `changes.progress` for a change the person watches: its steps and the retry it waits for. A change
 * of an operation (an offboarding, a bulk job) says its progress through the operation's own events.
 */
function progressSink<T>(context: ChangeContext, plan: ChangePlan<T>, entryId: string): ChangeProgressSink {
  const state: ChangeProgress = { entryId, profileId: plan.profileId, objectId: plan.intent.target.id, steps: [], retry: null }
  const emit = () => {
    if (!plan.intent.operationId) context.emit('changes.progress', { ...state, steps: state.steps.map((step) => ({ ...step })) })
  }
  emit()
  return {
    steps: (steps) => {
      state.steps = steps
      emit()
    },
    retry: (retry) => {
      state.retry = retry
      emit()
    },
  }
}

function announce(context: ChangeContext, profileId: string, entryId: string, touched: Touched): void {
  for (const entry of context.journal.affectedBy(entryId)) context.emit('journal.appended', { entryId: entry.id, entry })
  for (const { objectType, ids } of touched) {
    if (ids.length > 0) context.emit('directory.changed', { profileId, objectType, ids })
  }
}
