import type { JobDetails, JobPlan, JobView } from '../../../shared/jobs'
import type { PlanStore } from '../../../electron/jobs/PlanStore'
import { until, type PeopleServices } from '../people/peopleHarness'

export { deprovisionPlan, membershipPlan } from './testPlans'

export async function startJob(services: PeopleServices & { jobPlans: PlanStore }, plan: JobPlan): Promise<JobView> {
  services.jobPlans.put(plan)
  return expectValue<JobView>(await services.call('jobs.start', { planId: plan.planId }))
}

export async function details(services: PeopleServices, jobId: string): Promise<JobDetails> {
  return expectValue<JobDetails>(await services.call('jobs.get', { jobId }))
}

export async function untilJobIs(services: PeopleServices, jobId: string, states: readonly JobView['state'][]): Promise<JobDetails> {
  let last: JobDetails | null = null
  await until(() => {
    void details(services, jobId).then((read) => (last = read))
    return last !== null && states.includes(last.job.state)
  }, `job ${jobId} became ${states.join(' or ')}`)
  return details(services, jobId)
}

export function expectValue<T>(result: { ok: true; value: unknown } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value as T
}
