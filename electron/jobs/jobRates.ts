import type { JobChangeResult, JobView } from '../../shared/jobs'
import type { StoredJob } from './JobStore'

/** Finished changes of the last few seconds: the job's pace now, not its average since the start. */
export interface PaceWindow {
  started: number | null
  finished: { at: number; profileId: string }[]
  now: () => number
}

const windowMs = 10_000

/**
 * Each profile's rate now, in requests a second (changes finished in the last ten seconds times
 * the requests a change of that profile sends), beside what its budget allows; and the time left
 * at that pace, the slowest profile setting it.
 */
export function jobRates(job: StoredJob, changes: readonly JobChangeResult[], pace: PaceWindow, running: boolean): Pick<JobView, 'rates' | 'secondsLeft'> {
  const now = pace.now()
  while (pace.finished.length > 0 && now - pace.finished[0]!.at > windowMs) pace.finished.shift()
  const span = Math.max(1, Math.min(windowMs, now - (pace.started ?? now))) / 1000
  let secondsLeft: number | null = null
  const rates = job.profiles.map((profile) => {
    const finished = pace.finished.filter((item) => item.profileId === profile.profileId).length
    const changesPerSecond = running ? finished / span : 0
    const left = changes.filter((change) => (change.state === 'waiting' || change.state === 'running') && job.changes[change.index]!.profileId === profile.profileId).length
    if (running && left > 0 && changesPerSecond > 0) secondsLeft = Math.max(secondsLeft ?? 0, left / changesPerSecond)
    return {
      profileId: profile.profileId,
      profileName: profile.profileName,
      requestsPerSecond: round(changesPerSecond * profile.requestsPerChange),
      budgetPerSecond: round(profile.budgetPerSecond),
    }
  })
  return { rates, secondsLeft: secondsLeft === null ? null : Math.ceil(secondsLeft) }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
