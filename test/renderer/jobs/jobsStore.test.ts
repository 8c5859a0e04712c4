import { beforeEach, describe, expect, it } from 'vitest'
import { isReactive, watch } from 'vue'
import { useJobsStore } from '../../../renderer/src/stores/jobs'
import type { JobView } from '../../../shared/jobs'
import { flushPromises, freshStoresWithApi } from '../support/storeSetup'
import type { FakeLanyardApi } from '../support/fakeLanyardApi'
import { jobDetails, jobView, offboardPlan } from './jobFixtures'

let api: FakeLanyardApi
let listed: JobView[]

beforeEach(() => {
  listed = []
  api = freshStoresWithApi({ 'jobs.list': () => ({ ok: true, value: listed }), 'jobs.get': () => ({ ok: true, value: jobDetails(offboardPlan(10_000)) }) })
})

describe('the jobs store', () => {
  it("keeps a 10,000-change job shallow: its changes are plain objects, patched in place by each progress event and announced once", async () => {
    const jobs = useJobsStore()
    jobs.listen()
    await jobs.open('job-1')
    const changes = jobs.details!.changes
    let announced = 0
    watch(() => jobs.details, () => announced++, { flush: 'sync' })

    api.emit('jobs.progress', {
      job: jobView({ counts: { total: 10_000, done: 2, failed: 0, skipped: 0, left: 9_998 } }),
      changes: [
        { index: 0, line: 1, state: 'done', message: null, entryId: 'entry-1', error: null },
        { index: 9_999, line: 10_000, state: 'done', message: null, entryId: 'entry-2', error: null },
      ],
    })

    expect(isReactive(jobs.details!.changes)).toBe(false)
    expect(isReactive(jobs.details!.changes[0])).toBe(false)
    expect(jobs.details!.changes).toBe(changes)
    expect([changes[0]!.state, changes[1]!.state, changes[9_999]!.state]).toEqual(['done', 'waiting', 'done'])
    expect(jobs.details!.job.counts.done).toBe(2)
    expect(announced).toBe(1)
  })

  it('keeps a job announced while the list was on its way, and adds a job another window started', async () => {
    const jobs = useJobsStore()
    jobs.listen()
    const older = jobView({ id: 'job-old', state: 'done' })
    listed = [older]
    let answer: () => void = () => undefined
    api.answer('jobs.list', () => new Promise((resolve) => (answer = () => resolve({ ok: true, value: listed }))))

    const loading = jobs.load()
    api.emit('jobs.progress', { job: jobView({ id: 'job-new' }), changes: [] })
    answer()
    await loading
    await flushPromises()

    expect(jobs.jobs.map((job) => job.id)).toEqual(['job-new', 'job-old'])
    expect(jobs.active.map((job) => job.id)).toEqual(['job-new'])
  })
})
