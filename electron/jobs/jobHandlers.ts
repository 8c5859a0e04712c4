import type { Handlers } from '../../shared/contract'
import type { Jobs } from './Jobs'
import { readList } from './readList'

type RunningCall = 'jobs.readList' | 'jobs.start' | 'jobs.pause' | 'jobs.resume' | 'jobs.cancel' | 'jobs.list' | 'jobs.get' | 'jobs.retryFailed' | 'jobs.undo' | 'jobs.exportResults'

/** The calls that run jobs: thin, input already validated by the contract wrapper. */
export function createJobHandlers(jobs: Jobs): Pick<Handlers, RunningCall> {
  return {
    'jobs.readList': async (input) => readList(input),
    'jobs.start': ({ planId }) => jobs.start(planId),
    'jobs.pause': async ({ jobId }) => jobs.pause(jobId),
    'jobs.resume': async ({ jobId }) => jobs.resume(jobId),
    'jobs.cancel': async ({ jobId }) => jobs.cancel(jobId),
    'jobs.list': async () => jobs.list(),
    'jobs.get': async ({ jobId }) => jobs.get(jobId),
    'jobs.retryFailed': async ({ jobId }) => jobs.retryFailed(jobId),
    'jobs.undo': ({ jobId }) => jobs.undo(jobId),
    'jobs.exportResults': async ({ jobId }) => jobs.exportResults(jobId),
  }
}
