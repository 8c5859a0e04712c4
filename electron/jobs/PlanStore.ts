import type { JobPlan } from '../../shared/jobs'
import { AppError } from '../errors/AppError'

/** A plan is a reading of the targets at one moment: after an hour it is read again, not run. */
const planLifetimeMs = 60 * 60 * 1000

/**
 * Plans made by `jobs.plan`, kept in main until the technician starts one: the renderer starts a
 * job by the plan's id, so what runs is exactly what main planned, never a list the renderer sends.
 */
export class PlanStore {
  private readonly plans = new Map<string, { plan: JobPlan; madeAt: number }>()

  constructor(private readonly now: () => number = Date.now) {}

  put(plan: JobPlan): JobPlan {
    this.forgetExpired()
    this.plans.set(plan.planId, { plan, madeAt: this.now() })
    return plan
  }

  /** The plan, once: a plan starts one job. */
  take(planId: string): JobPlan {
    this.forgetExpired()
    const kept = this.plans.get(planId)
    if (!kept) throw new AppError('not_found', 'This plan has expired or was already started; plan the job again.', { details: { planId } })
    this.plans.delete(planId)
    return kept.plan
  }

  private forgetExpired(): void {
    const now = this.now()
    for (const [planId, kept] of this.plans) if (now - kept.madeAt > planLifetimeMs) this.plans.delete(planId)
  }
}
