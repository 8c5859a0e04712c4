import type { JobChangeState, JobFamilyRate, JobKind, JobPlanRow, JobState, JobView } from '../../../../shared/jobs'
import type { DraftKind } from '../../stores/jobDraft'

/** The kinds a technician plans, in the order offered; an undo job is only ever started from a finished job. */
export const plannedKinds = ['offboard', 'deprovisionAccounts', 'undoAccounts', 'addMembers', 'removeMembers', 'moveMembers', 'copyGroups'] as const satisfies readonly DraftKind[]

export const kindLabels: Record<JobKind, string> = {
  offboard: 'Offboard people (every profile of a set)',
  deprovisionAccounts: 'Deprovision accounts in one profile',
  undoAccounts: 'Undo deprovisions in one profile',
  addMembers: 'Add users to a group',
  removeMembers: 'Remove users from a group',
  moveMembers: 'Move members from one group to another',
  copyGroups: "Copy one user's groups to another",
  undoJob: 'Undo of a job',
}

export const jobStateWords: Record<JobState, string> = {
  running: 'Running',
  pausing: 'Pausing…',
  paused: 'Paused',
  cancelling: 'Cancelling…',
  cancelled: 'Cancelled',
  done: 'Finished',
  interrupted: 'Stopped when Lanyard closed',
}

export const jobStateTones = {
  running: 'ok',
  pausing: 'warning',
  paused: 'warning',
  cancelling: 'warning',
  cancelled: 'neutral',
  done: 'neutral',
  interrupted: 'danger',
} as const satisfies Record<JobState, string>

/** `checking`: its answer was lost; the journal settles it, and the row then shows the settled result. */
export const changeStateWords: Record<JobChangeState | 'checking', string> = {
  waiting: 'Waiting',
  running: 'Running…',
  done: 'Done',
  skipped: 'Skipped',
  failed: 'Failed',
  checking: 'Not known yet — checking',
}
export const changeStateTones = {
  waiting: 'neutral',
  running: 'neutral',
  done: 'ok',
  skipped: 'neutral',
  failed: 'danger',
  checking: 'warning',
} as const satisfies Record<JobChangeState | 'checking', string>

export const planStateWords: Record<JobPlanRow['state'], string> = { ready: 'Ready', skip: 'Skipped', problem: 'Problem' }
export const planStateTones = { ready: 'ok', skip: 'neutral', problem: 'danger' } as const satisfies Record<JobPlanRow['state'], string>

/** Rows finished one way or another, out of all: what the progress bar fills. A cancel's not-run changes never ran, so they do not fill it. */
export function finishedCount(job: Pick<JobView, 'counts'>): number {
  return job.counts.done + job.counts.failed + (job.counts.checking ?? 0) + job.counts.skipped - (job.counts.notRun ?? 0)
}

/** "Cancelled: 12 of 25 done, 1 failed, 12 not run": a cancelled job says what ran and what never did, not a percentage. */
export function cancelledWords(counts: JobView['counts']): string {
  const number = (count: number) => count.toLocaleString('en')
  const skipped = counts.skipped - (counts.notRun ?? 0)
  const parts = [`${number(counts.done)} of ${number(counts.total)} done`, `${number(counts.failed)} failed`]
  if (counts.checking) parts.push(`${number(counts.checking)} not known yet — checking`)
  if (skipped > 0) parts.push(`${number(skipped)} skipped`)
  parts.push(`${number((counts.notRun ?? 0) + counts.left)} not run`)
  return `Cancelled: ${parts.join(', ')}`
}

/** "36 done, 7 failed, 5 skipped, 0 left of 48 changes": the one way a job's counts read, on its page and in the list. */
export function countWords(counts: JobView['counts']): string {
  const number = (count: number) => count.toLocaleString('en')
  const checking = counts.checking ? `${number(counts.checking)} checking, ` : ''
  return `${number(counts.done)} done, ${number(counts.failed)} failed, ${checking}${number(counts.skipped)} skipped, ${number(counts.left)} left of ${plural(counts.total, 'change')}`
}

export function percentDone(job: Pick<JobView, 'counts'>): number {
  return job.counts.total === 0 ? 100 : Math.floor((finishedCount(job) * 100) / job.counts.total)
}

/** "under a minute", "about 4 min", "about 1 h 20 min": an estimate, never to the second. */
export function duration(seconds: number): string {
  if (seconds < 60) return 'under a minute'
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `about ${minutes} min`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest === 0 ? `about ${hours} h` : `about ${hours} h ${rest} min`
}

/**
 * A time the plan knows only as a range (a GoTo deprovision sends 2 to 5 requests): "about 4–9 min",
 * "up to about 2 min", "about 50 min to 1 h 40 min"; one figure where both ends read the same.
 */
export function durationRange(least: number, most: number): string {
  const [shortest, longest] = [duration(least), duration(most)]
  if (shortest === longest) return longest
  if (least < 60) return `up to ${longest}`
  const [fromMinutes, toMinutes] = [Math.round(least / 60), Math.round(most / 60)]
  if (toMinutes < 60) return `about ${fromMinutes}–${toMinutes} min`
  return `${shortest} to ${longest.replace(/^about /, '')}`
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`
}

/** Requests a second, to one decimal where it matters ("0.5", "12"). */
export function rate(perSecond: number): string {
  return perSecond >= 10 ? String(Math.round(perSecond)) : String(Math.round(perSecond * 10) / 10)
}

/** "UserUpdate 18 of 25 requests/s": a rate-limit family's rate against its own limit; "sign-in 2 requests/s" when it has none. */
export function familyRateWords(family: JobFamilyRate): string {
  const limit = family.limitPerSecond === null ? '' : ` of ${rate(family.limitPerSecond)}`
  return `${family.family} ${rate(family.requestsPerSecond)}${limit} requests/s`
}
