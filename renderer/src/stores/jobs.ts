import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ExportedFile } from '../../../shared/contract'
import type { LanyardError, Result } from '../../../shared/errors'
import type { JobDetails, JobProgress, JobView } from '../../../shared/jobs'
import { eventSubscription } from '../api/eventSubscription'
import { useApi } from '../api/lanyardApi'

/** Whether the job is moving (or about to stop moving): the shell's indicator shows these. */
export function isActive(job: Pick<JobView, 'state'>): boolean {
  return job.state === 'running' || job.state === 'pausing' || job.state === 'cancelling'
}

type JobCall = 'jobs.pause' | 'jobs.resume' | 'jobs.cancel' | 'jobs.retryFailed' | 'jobs.undo'

/**
 * Bulk jobs as main runs them: every job's view (for the Jobs view and the shell's indicator) and
 * the one job open in the Jobs view with each change's result. Main says how a job moves with
 * `jobs.progress`; this store only applies what it says. A job holds up to 10,000 changes, so the
 * open job is a shallow ref whose change list is patched in place and announced once per event,
 * never made deeply reactive (a proxy per change would cost more than the whole table's rendering).
 */
export const useJobsStore = defineStore('jobs', () => {
  const jobs = shallowRef<JobView[]>([])
  const listError = ref<LanyardError | null>(null)
  const details = shallowRef<JobDetails | null>(null)
  const detailsError = ref<LanyardError | null>(null)
  /** The call in flight on the open job ('jobs.pause', …), so its button waits. */
  const busy = ref<JobCall | 'jobs.exportResults' | null>(null)
  const actionError = ref<LanyardError | null>(null)

  const active = computed(() => jobs.value.filter(isActive))
  const interrupted = computed(() => jobs.value.filter((job) => job.state === 'interrupted'))

  function upsert(view: JobView): void {
    const at = jobs.value.findIndex((job) => job.id === view.id)
    jobs.value = at < 0 ? [view, ...jobs.value] : jobs.value.map((job, index) => (index === at ? view : job))
    if (details.value?.job.id === view.id) details.value = { ...details.value, job: view }
  }

  function applyProgress(event: JobProgress): void {
    const open = details.value
    if (open?.job.id === event.job.id) {
      for (const change of event.changes) {
        const current = open.changes[change.index]
        if (current) open.changes[change.index] = { ...current, ...change }
      }
    }
    // A new object for the open job tells its views the changes moved, once for the whole event.
    upsert(event.job)
  }

  const progress = eventSubscription('jobs.progress', applyProgress)

  async function load(): Promise<void> {
    const result = await useApi().invoke('jobs.list', {})
    if (!result.ok) {
      listError.value = result.error
      return
    }
    listError.value = null
    // Events that came while the list was on its way are newer than it: a job it lacks is kept.
    const listed = new Set(result.value.map((job) => job.id))
    jobs.value = [...jobs.value.filter((job) => !listed.has(job.id)), ...result.value]
  }

  async function open(jobId: string): Promise<void> {
    if (details.value?.job.id !== jobId) details.value = null
    detailsError.value = null
    actionError.value = null
    const result = await useApi().invoke('jobs.get', { jobId })
    if (!result.ok) {
      detailsError.value = result.error
      return
    }
    details.value = result.value
    upsert(result.value.job)
  }

  function close(): void {
    details.value = null
    detailsError.value = null
    actionError.value = null
  }

  async function act(call: JobCall, jobId: string): Promise<Result<JobView>> {
    busy.value = call
    actionError.value = null
    const result = await useApi().invoke(call, { jobId })
    busy.value = null
    if (!result.ok) {
      actionError.value = result.error
      return result
    }
    upsert(result.value)
    return result
  }

  async function start(planId: string): Promise<Result<JobView>> {
    const result = await useApi().invoke('jobs.start', { planId })
    if (result.ok) upsert(result.value)
    return result
  }

  const pause = (jobId: string) => act('jobs.pause', jobId)
  const resume = (jobId: string) => act('jobs.resume', jobId)
  const cancel = (jobId: string) => act('jobs.cancel', jobId)
  /** The undo is a job of its own: the caller opens it. */
  const undo = (jobId: string) => act('jobs.undo', jobId)

  /** The failed changes go back to waiting in main; reading the job again shows them so at once. */
  async function retryFailed(jobId: string): Promise<Result<JobView>> {
    const result = await act('jobs.retryFailed', jobId)
    if (result.ok && details.value?.job.id === jobId) await open(jobId)
    return result
  }

  /** The results file for the view to save; null (with `actionError`) when main could not make it. */
  async function exportResults(jobId: string): Promise<ExportedFile | null> {
    busy.value = 'jobs.exportResults'
    actionError.value = null
    const result = await useApi().invoke('jobs.exportResults', { jobId })
    busy.value = null
    if (!result.ok) {
      actionError.value = result.error
      return null
    }
    return result.value
  }

  return {
    jobs,
    listError,
    details,
    detailsError,
    busy,
    actionError,
    active,
    interrupted,
    load,
    open,
    close,
    start,
    pause,
    resume,
    cancel,
    retryFailed,
    undo,
    exportResults,
    listen: progress.start,
    stopListening: progress.stop,
  }
})
