import type { JobChangeResult, JobFamilyRate, JobView } from '../../shared/jobs'
import type { SentRequest } from '../http/requestTally'
import type { StoredJob } from './JobStore'

/**
 * Finished changes and requests sent of the last few seconds: the job's pace now, not its average since the
 * start. The requests are counted on their way out (requestTally.ts), not guessed from the changes: a GoTo
 * deprovision sends 2 to 5. `families` counts them per profile and budget family (a profile's total is their
 * sum), with the limit in force, since a target limits each family apart (a Cognito deprovision spends
 * the UserRead, UserResourceRead and UserUpdate quotas).
 */
export interface PaceWindow {
  started: number | null
  finished: { at: number; profileId: string }[]
  sent: { at: number; profileId: string; family: string }[]
  families: Map<string, Map<string, { quota: SentRequest['quota']; requestsSent: number }>>
  now: () => number
}

/** A pace window from nothing: the job has sent nothing yet in this run of the app. */
export function newPaceWindow(now: () => number): PaceWindow {
  return { started: null, finished: [], sent: [], families: new Map(), now }
}

/** A request of the job went out to `profileId`. */
export function countSent(pace: PaceWindow, profileId: string, { family, quota }: SentRequest): void {
  pace.sent.push({ at: pace.now(), profileId, family })
  const families = pace.families.get(profileId) ?? new Map()
  families.set(family, { quota, requestsSent: (families.get(family)?.requestsSent ?? 0) + 1 })
  pace.families.set(profileId, families)
}

const windowMs = 10_000

/**
 * Each profile's rate now, in requests a second (the requests sent in the last ten seconds over the
 * time they span), and each family's against its own limit; and the time left at the pace changes
 * finish, the slowest profile setting it.
 */
export function jobRates(job: StoredJob, changes: readonly JobChangeResult[], pace: PaceWindow, running: boolean): Pick<JobView, 'rates' | 'secondsLeft'> {
  const now = pace.now()
  for (const stamps of [pace.finished, pace.sent]) while (stamps.length > 0 && now - stamps[0]!.at > windowMs) stamps.shift()
  const span = Math.max(1, Math.min(windowMs, now - (pace.started ?? now))) / 1000
  let secondsLeft: number | null = null
  const rates = job.profiles.map((profile) => {
    const finished = pace.finished.filter((item) => item.profileId === profile.profileId).length
    const changesPerSecond = running ? finished / span : 0
    const sent = pace.sent.filter((item) => item.profileId === profile.profileId).length
    const left = changes.filter((change) => (change.state === 'waiting' || change.state === 'running') && job.changes[change.index]!.profileId === profile.profileId).length
    if (running && left > 0 && changesPerSecond > 0) secondsLeft = Math.max(secondsLeft ?? 0, left / changesPerSecond)
    const families = familyRates(pace, profile.profileId, running)
    return {
      profileId: profile.profileId,
      profileName: profile.profileName,
      requestsPerSecond: running ? round(sent / span) : 0,
      requestsSent: families.reduce((sum, family) => sum + family.requestsSent, 0),
      families,
    }
  })
  return { rates, secondsLeft: secondsLeft === null ? null : Math.ceil(secondsLeft) }
}

/**
 * A family's rate, closest to its limit first. Its requests span the time since the job started plus one of
 * the family's windows: the budget lets a window's whole quota go at once when the window opens, so 1.1 s into
 * a job two windows' 50 UserUpdate requests read 24 a second (over 2.1 s), within their quota of 25, not 45.
 */
function familyRates(pace: PaceWindow, profileId: string, running: boolean): JobFamilyRate[] {
  const sinceStart = pace.now() - (pace.started ?? pace.now())
  const rates = [...(pace.families.get(profileId) ?? new Map())].map(([family, { quota, requestsSent }]): JobFamilyRate => {
    const sent = pace.sent.filter((item) => item.profileId === profileId && item.family === family).length
    const span = Math.max(1, Math.min(windowMs, sinceStart + (quota?.windowMs ?? 0))) / 1000
    return { family, requestsPerSecond: running ? round(sent / span) : 0, limitPerSecond: quota && round((quota.limit * 1000) / quota.windowMs), requestsSent }
  })
  const shareOfLimit = (rate: JobFamilyRate) => (rate.limitPerSecond ? rate.requestsPerSecond / rate.limitPerSecond : -1)
  return rates.sort((a, b) => shareOfLimit(b) - shareOfLimit(a))
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
