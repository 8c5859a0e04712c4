import type { Handlers } from '../../shared/contract'
import type { Jobs } from './Jobs'
import type { JobPlanner } from './plan/JobPlanner'
import { readList } from './readList'

type JobCall = 'jobs.readList' | 'jobs.plan' | 'jobs.start' | 'jobs.pause' | 'jobs.resume' | 'jobs.cancel' | 'jobs.list' | 'jobs.get' | 'jobs.retryFailed' | 'jobs.undo' | 'jobs.exportResults'

/** The `jobs.*` calls: thin, input already validated by the contract wrapper. */
export function createJobHandlers(jobs: Jobs, planner: JobPlanner): Pick<Handlers, JobCall> {
  return {
    'jobs.readList': async (input) => readList(input),
    'jobs.plan': (input) => planner.plan(input),
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
