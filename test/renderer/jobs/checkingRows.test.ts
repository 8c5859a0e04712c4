// @vitest-environment happy-dom
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import JobResults from '../../../renderer/src/features/jobs/JobResults.vue'
import type { JobDetails } from '../../../shared/jobs'
import { resultStateOf, resultTableRows } from '../../../renderer/src/features/jobs/planRows'
import { useJobsStore } from '../../../renderer/src/stores/jobs'
import { freshStoresWithApi } from '../support/storeSetup'
import { jobDetails, jobView, offboardPlan } from './jobFixtures'

enableAutoUnmount(afterEach)
afterEach(() => {
  document.body.innerHTML = ''
})

const lost = 'Deprovision of Lucas Murphy: "Suspend Lucas Murphy" got no clear answer. Whether the change took effect is not known yet. Checking…'

/** Cancelled with one suspend on its way: its outcome is not known, and one other change failed outright. */
function cancelledWithOneInFlight(): JobDetails {
  const cancelled = jobView({ state: 'cancelled', counts: { total: 3, done: 1, failed: 1, skipped: 0, left: 0, checking: 1 }, secondsLeft: null })
  const details = jobDetails(offboardPlan(3), cancelled)
  Object.assign(details.changes[0]!, { state: 'done' })
  Object.assign(details.changes[1]!, { state: 'failed', pending: true, message: lost, error: { code: 'cancelled', message: lost } })
  Object.assign(details.changes[2]!, { state: 'failed', message: 'Okta refused.', error: { code: 'conflict', message: 'Okta refused.' } })
  return details
}

describe('a change whose outcome is not known yet', () => {
  it('reads "Not known yet — checking", is filtered apart from the failed, and Retry still offers it', () => {
    const wrapper = mount(JobResults, { props: { details: cancelledWithOneInFlight(), busy: false }, attachTo: document.body })
    const badges = wrapper.findAll('[role="cell"] .badge').map((badge) => badge.text())
    expect(badges).toEqual(['Done', 'Not known yet — checking', 'Failed'])
    const filters = wrapper.findAll('.job-results__filters label').map((label) => label.text())
    expect(filters).toContain('Failed (1)')
    expect(filters).toContain('Checking (1)')
    expect(wrapper.text()).toContain('Retry failed rows (2)')
  })

  it('the Checking filter shows only it, the Failed filter leaves it out', () => {
    const details = cancelledWithOneInFlight()
    expect(resultTableRows(details, 'checking').map((row) => row.key)).toEqual(['c1'])
    expect(resultTableRows(details, 'failed').map((row) => row.key)).toEqual(['c2'])
  })
})

describe('a checking row the journal settles after the job stopped', () => {
  it('changes in place from the jobs.progress event alone: Done, and no longer counted as checking', async () => {
    const api = freshStoresWithApi({ 'jobs.get': () => ({ ok: true, value: cancelledWithOneInFlight() }) })
    const jobs = useJobsStore()
    jobs.listen()
    await jobs.open('job-1')
    const settled = jobView({ state: 'cancelled', counts: { total: 3, done: 2, failed: 1, skipped: 0, left: 0, checking: 0 }, secondsLeft: null })
    api.emit('jobs.progress', { job: settled, changes: [{ index: 1, line: 2, state: 'done', message: 'Suspended.', entryId: 'entry-2', error: null, pending: false }] })

    expect(resultStateOf(jobs.details!.changes[1]!)).toBe('done')
    expect(jobs.details!.changes[1]).toMatchObject({ message: 'Suspended.', error: null })
    expect(resultTableRows(jobs.details!, 'checking')).toEqual([])
    expect(jobs.details!.job.counts.checking).toBe(0)
  })
})
