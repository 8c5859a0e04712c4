import type { JournalEntry } from '../../shared/journal'

/** What a change really did at the tenant, read from its own directory. */
export type Effect = 'none' | 'full' | 'partial'

/** One change the audit asked for, and what the tenant held right after it. */
export interface AttemptedChange {
  /** `okta 30% #12 deprovision`: enough to find the case again with the seed. */
  label: string
  action: JournalEntry['action']
  /** The journal entry the change wrote, if it got as far as its intent. */
  entryId?: string
  /** Set when the call failed: what the person was told. */
  error?: { code: string; message: string }
  effect: Effect
  /** The tenant's state in words, for the report. */
  observed: string
}

/** One create the audit asked for (with the person's retry, when the first answer was unknown). */
export interface AttemptedCreate {
  label: string
  /** Each attempt's effect is whether a new user appeared during it. */
  attempts: AttemptedChange[]
  /** The ids of the users the tenant holds with this create's unique email. */
  realIds: string[]
}

export type Finding = 'lost' | 'duplicated' | 'wrongly settled' | 'unsettled' | 'unexplained'

export interface Problem {
  finding: Finding
  description: string
}

/**
 * The oracle's rules for one change: `applied` only if it all happened, `failed` only if none of
 * it did, `partial` only if something did; nothing happened when no entry was written; every
 * failure says why. An outcome written by settling (`reconciled`) that breaks a rule is wrongly
 * settled (so is a live outcome claiming more than happened); a change that happened but was
 * journaled live as failed, or not journaled at all, is lost.
 */
export function judgeChange(change: AttemptedChange, entries: ReadonlyMap<string, JournalEntry>): Problem[] {
  const problems: Problem[] = []
  const entry = change.entryId ? entries.get(change.entryId) : undefined
  if (change.error && change.error.message.trim() === '') problems.push({ finding: 'unexplained', description: `${change.label}: failed (${change.error.code}) without a message` })
  if (!entry) {
    if (change.effect !== 'none') problems.push({ finding: 'lost', description: `${change.label}: nothing journaled, but the tenant holds it (${change.observed})` })
    return problems
  }
  const { status, message, reconciled } = entry.outcome
  const said = `journal said ${status}${reconciled ? ' (settled)' : ''}: "${message}"`
  if (status !== 'applied' && message.trim() === '') problems.push({ finding: 'unexplained', description: `${change.label}: ${status} without a message` })
  if (status === 'pending') {
    problems.push({ finding: 'unsettled', description: `${change.label}: still pending after a restart with the tenant answering; ${said}; tenant: ${change.observed}` })
    return problems
  }
  // "Could not tell" is the honest answer when the evidence fits more than one attempt (a create and
  // its retry, both answers lost): never wrong, as long as it says why (checked above).
  if (status === 'undetermined') return problems
  const fits = status === 'applied' ? change.effect === 'full' : status === 'failed' ? change.effect === 'none' : change.effect !== 'none'
  if (fits) return problems
  // Settling that reads the tenant wrongly is the settling's fault even when it says "failed".
  const finding: Finding = reconciled || status !== 'failed' ? 'wrongly settled' : 'lost'
  problems.push({ finding, description: `${change.label}: ${said}; tenant: ${change.observed} (${change.effect})` })
  return problems
}

/**
 * A create and its retry together. Each attempt is judged like any change, by whether a new user
 * appeared during it: an attempt that made none must not claim one (settling a create by its name
 * credits it with what its retry made). The tenant holds at most one user for them (else a
 * retried create made two), and a claim names the user that was made.
 */
export function judgeCreate(create: AttemptedCreate, entries: ReadonlyMap<string, JournalEntry>): Problem[] {
  const problems = create.attempts.flatMap((attempt) => judgeChange(attempt, entries))
  const context = `${create.label}: the tenant holds [${create.realIds.join(', ')}]`
  if (create.realIds.length > 1) problems.push({ finding: 'duplicated', description: `${context}: one intent, ${create.realIds.length} users` })
  for (const attempt of create.attempts) {
    const entry = attempt.entryId ? entries.get(attempt.entryId) : undefined
    const named = entry?.outcome.status === 'applied' || entry?.outcome.status === 'partial' ? entry.target.id : ''
    if (named !== '' && !create.realIds.includes(named)) {
      problems.push({ finding: 'wrongly settled', description: `${attempt.label}: the entry names ${named}, which this create did not make; ${context}` })
    }
  }
  return problems
}

/** Aspect by aspect: all as wanted is `full`, all as before is `none`, anything else `partial`. */
export function effectOf(before: Record<string, unknown>, wanted: Record<string, unknown>, after: Record<string, unknown>): Effect {
  const same = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right)
  if (Object.keys(wanted).every((key) => same(after[key], wanted[key]))) return 'full'
  if (Object.keys(before).every((key) => same(after[key], before[key]))) return 'none'
  return 'partial'
}
