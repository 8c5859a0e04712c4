import type { JobChangeResult, JobView } from '../../shared/jobs'
import type { StoredJob } from './JobStore'

/**
 * Finished changes and requests sent of the last few seconds: the job's pace now, not its average since the
 * start. The requests are counted on their way out (requestTally.ts), not guessed from the changes: a GoTo
 * deprovision sends 2 to 5. `requestsSent` counts them all, per profile.
 */
export interface PaceWindow {
  started: number | null
  finished: { at: number; profileId: string }[]
  sent: { at: number; profileId: string }[]
  requestsSent: Map<string, number>
  now: () => number
}

/** A pace window from nothing: the job has sent nothing yet in this run of the app. */
export function newPaceWindow(now: () => number): PaceWindow {
  return { started: null, finished: [], sent: [], requestsSent: new Map(), now }
}

/** A request of the job went out to `profileId`. */
export function countSent(pace: PaceWindow, profileId: string): void {
  pace.sent.push({ at: pace.now(), profileId })
  pace.requestsSent.set(profileId, (pace.requestsSent.get(profileId) ?? 0) + 1)
}

const windowMs = 10_000

/**
 * Each profile's rate now, in requests a second (the requests sent in the last ten seconds over the
 * time they span), beside what its budget allows; and the time left at the pace changes finish, the
 * slowest profile setting it.
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
    return {
      profileId: profile.profileId,
      profileName: profile.profileName,
      requestsPerSecond: running ? round(sent / span) : 0,
      budgetPerSecond: round(profile.budgetPerSecond),
      requestsSent: pace.requestsSent.get(profile.profileId) ?? 0,
    }
  })
  return { rates, secondsLeft: secondsLeft === null ? null : Math.ceil(secondsLeft) }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
