// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import JobList from '../../../renderer/src/features/jobs/JobList.vue'
import JobResults from '../../../renderer/src/features/jobs/JobResults.vue'
import { useJobsStore } from '../../../renderer/src/stores/jobs'
import type { JobDetails } from '../../../shared/jobs'
import { jobDetails, jobView, offboardPlan } from './jobFixtures'
import { resultTableRows } from '../../../renderer/src/features/jobs/planRows'

enableAutoUnmount(afterEach)
afterEach(() => {
  document.body.innerHTML = ''
})

const reason =
  'Deprovision of Lucas Murphy was refused at "Suspend Lucas Murphy": Okta refused the request: the token lacks the needed admin role (HTTP 403). Nothing else was changed; try again.'

function failedJob(): JobDetails {
  const finished = jobView({ state: 'done', counts: { total: 2, done: 1, failed: 1, skipped: 0, left: 0 }, secondsLeft: null })
  const details = jobDetails(offboardPlan(2), finished)
  details.changes[0]!.state = 'done'
  details.changes[1]!.state = 'failed'
  details.changes[1]!.message = reason
  details.changes[1]!.error = { code: 'network', message: reason }
  return details
}

/*
 * A row's reason is cut to two lines in the table, and a tooltip is no help to the keyboard: the
 * row moved to with ↓ / ↑ (or clicked) is shown whole under the table.
 */
describe("a job's results, row by row", () => {
  it('shows the whole of the row moved to with the arrow keys, or clicked, under the table', async () => {
    const wrapper = mount(JobResults, { props: { details: failedJob(), busy: false }, attachTo: document.body })
    await flushPromises()
    const table = wrapper.get('[role="region"][aria-label="Results per row"]')
    expect(wrapper.get('.vrows__detail').text()).toBe('To read a row whole: move to it with ↓ ↑ on the table, or click it.')

    await table.trigger('keydown', { key: 'ArrowDown' })
    await table.trigger('keydown', { key: 'ArrowDown' })
    const detail = wrapper.get('.vrows__detail')
    expect(detail.text()).toContain(reason)
    expect(detail.text()).toContain('Failed')
    expect(wrapper.findAll('.vrows__row--active')).toHaveLength(1)
    // Said as it changes, the focus staying on the table.
    expect(detail.attributes('aria-live')).toBe('polite')

    await table.trigger('keydown', { key: 'ArrowUp' })
    expect(wrapper.get('.vrows__detail').text()).not.toContain(reason)
    await wrapper.findAll('[role="row"][aria-rowindex]').at(-1)!.trigger('click')
    expect(wrapper.get('.vrows__detail').text()).toContain(reason)
  })
})

describe("a job's result counts", () => {
  it('count skipped changes as the progress line does, and the lines the plan left out on their own', async () => {
    const plan = offboardPlan(2, { skipped: true, problem: true })
    const details = jobDetails(plan, jobView({ state: 'cancelled', counts: { total: 2, done: 1, failed: 0, skipped: 1, left: 0 }, secondsLeft: null }))
    details.changes[0]!.state = 'done'
    details.changes[1]!.state = 'skipped'
    details.changes[1]!.message = 'Not run: the job was cancelled before this change was sent; nothing was changed.'
    const wrapper = mount(JobResults, { props: { details, busy: false }, attachTo: document.body })
    await flushPromises()
    const filters = wrapper.findAll('.job-results__filters label').map((label) => label.text())
    expect(filters).toEqual(['All', 'Failed (0)', 'Done (1)', 'Skipped (1)', 'Left (0)', 'Lines not planned (2)'])
    expect(resultTableRows(details, 'skipped').map((row) => row.line)).toEqual([2])
    expect(resultTableRows(details, 'unplanned').map((row) => row.line)).toEqual([3, 4])
  })
})

describe('the list of jobs', () => {
  it('counts each job as its page does: done, failed, skipped and left add up to its changes', async () => {
    setActivePinia(createPinia())
    useJobsStore().jobs = [jobView({ state: 'cancelled', counts: { total: 48, done: 36, failed: 7, skipped: 5, left: 0 }, secondsLeft: null })]
    const wrapper = mount(JobList, { global: { stubs: { RouterLink: { template: '<a><slot /></a>' } } }, attachTo: document.body })
    expect(wrapper.get('tbody tr td:nth-child(3)').text()).toBe('100% · 36 done, 7 failed, 5 skipped, 0 left of 48 changes')
  })
})
