// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import App from '../../../renderer/src/App.vue'
import { installApi } from '../../../renderer/src/api/lanyardApi'
import { routes } from '../../../renderer/src/router'
import { useUiStore } from '../../../renderer/src/stores/ui'
import type { DirectoryObject } from '../../../shared/directory'
import type { JobDetails, JobView } from '../../../shared/jobs'
import { createFakeLanyardApi, profileView, type FakeAnswers, type FakeLanyardApi } from '../support/fakeLanyardApi'
import { jobDetails, jobView, leaversCsv, offboardPlan, oktaProfileId } from './jobFixtures'

enableAutoUnmount(afterEach)
afterEach(() => {
  document.body.innerHTML = ''
})

interface MountedJobs {
  wrapper: VueWrapper
  router: Router
  api: FakeLanyardApi
}

/** The whole app (the top bar's indicator too) at `path`, over a fake api holding `jobs`. */
async function mountJobs(path: string, answers: FakeAnswers = {}, jobs: JobView[] = []): Promise<MountedJobs> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const api = createFakeLanyardApi({
    'profiles.list': () => ({ ok: true, value: [profileView({ id: oktaProfileId, name: 'Okta Sandbox' })] }),
    'jobs.list': () => ({ ok: true, value: jobs }),
    ...answers,
  })
  installApi(api)
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  const wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router, api }
}

const buttonNamed = (wrapper: VueWrapper, name: string) => {
  const button = wrapper.findAll('button').find((candidate) => candidate.text().startsWith(name))
  if (!button) throw new Error(`No button "${name}" among: ${wrapper.findAll('button').map((candidate) => candidate.text()).join(' | ')}`)
  return button
}
const cells = (wrapper: VueWrapper, table: string) =>
  wrapper.findAll(`[role="table"][aria-label="${table}"] [role="rowgroup"]:last-child [role="row"]`).map((row) => row.findAll('[role="cell"]').map((cell) => cell.text()))

async function confirmDialog(): Promise<void> {
  useUiStore().settleConfirmation(true)
  await flushPromises()
}

describe('the Jobs view', () => {
  it('imports a CSV, preselects the suggested column, plans with its values and shows the plan before anything is sent', async () => {
    const emails = ['ana@example.com', 'ben@example.com', 'cy@example.com']
    const plan = offboardPlan(2, { skipped: true, problem: true })
    const mounted = await mountJobs('/jobs', { 'jobs.readList': () => ({ ok: true, value: leaversCsv(emails) }), 'jobs.plan': () => ({ ok: true, value: plan }) })

    const input = mounted.wrapper.get('input[type="file"]')
    const file = new File(['Name;Email\r\n'], 'leavers.csv', { type: 'text/csv' })
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    await flushPromises()

    expect(mounted.api.callsTo('jobs.readList')).toEqual([{ fileName: 'leavers.csv', base64: btoa('Name;Email\r\n') }])
    expect((mounted.wrapper.get('select[name="job-column"]').element as HTMLSelectElement).value).toBe('1')
    expect(mounted.wrapper.text()).toContain('"leavers.csv": 3 rows in 2 columns, the first row taken as column names.')

    await buttonNamed(mounted.wrapper, 'Plan').trigger('click')
    await flushPromises()

    expect(mounted.api.callsTo('jobs.plan')).toEqual([{ kind: 'offboard', profileSet: 'sandbox', lines: emails }])
    expect(mounted.api.callsTo('jobs.start')).toEqual([])
    expect(mounted.wrapper.text()).toContain('2 changes from 2 lines ready; 1 line skipped; 1 problem to fix. Nothing has been sent yet.')
    expect(cells(mounted.wrapper, 'Plan rows')).toEqual([
      ['1', 'leaver1@example.com', 'Ready', 'Okta Sandbox · leaver1@example.com', 'ACTIVE, in 2 groups → DEPROVISIONED, groups kept on record'],
      ['2', 'leaver2@example.com', 'Ready', 'Okta Sandbox · leaver2@example.com', 'ACTIVE, in 2 groups → DEPROVISIONED, groups kept on record'],
      // A line with no change: its reason in one cell across the last two columns.
      ['3', 'gone@example.com', 'Skipped', 'Already deprovisioned in every profile.'],
      ['4', 'nobody@example.com', 'Problem', 'No person matches this line.'],
    ])
  })

  it('plans from another column when the technician picks it, and a pasted list goes to main as text', async () => {
    const mounted = await mountJobs('/jobs', { 'jobs.readList': () => ({ ok: true, value: leaversCsv(['ana@example.com']) }), 'jobs.plan': () => ({ ok: true, value: offboardPlan(1) }) })

    await mounted.wrapper.get('#job-lines').setValue('Name;Email\nana;ana@example.com')
    await buttonNamed(mounted.wrapper, 'Use this list').trigger('click')
    await flushPromises()
    await mounted.wrapper.get('select[name="job-column"]').setValue('0')
    await buttonNamed(mounted.wrapper, 'Plan').trigger('click')
    await flushPromises()

    expect(mounted.api.callsTo('jobs.readList')).toEqual([{ text: 'Name;Email\nana;ana@example.com' }])
    expect(mounted.api.callsTo('jobs.plan')).toEqual([{ kind: 'offboard', profileSet: 'sandbox', lines: ['ana'] }])
  })

  it('keeps a 10,000-line plan out of the DOM but for the rows in view', async () => {
    const mounted = await mountJobs('/jobs', { 'jobs.readList': () => ({ ok: true, value: leaversCsv(['a@example.com']) }), 'jobs.plan': () => ({ ok: true, value: offboardPlan(10_000) }) })
    await mounted.wrapper.get('#job-lines').setValue('a@example.com')
    await buttonNamed(mounted.wrapper, 'Use this list').trigger('click')
    await flushPromises()
    await buttonNamed(mounted.wrapper, 'Plan').trigger('click')
    await flushPromises()

    const rows = cells(mounted.wrapper, 'Plan rows')
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.length).toBeLessThan(60)
    expect(mounted.wrapper.get('[role="table"][aria-label="Plan rows"]').attributes('aria-rowcount')).toBe('10001')
  })

  it('starts the plan, opens the job and follows its progress events, and the top bar shows it running', async () => {
    const plan = offboardPlan(3)
    const started = jobView()
    const details = jobDetails(plan, started)
    const mounted = await mountJobs('/jobs', {
      'jobs.readList': () => ({ ok: true, value: leaversCsv(['a@example.com']) }),
      'jobs.plan': () => ({ ok: true, value: plan }),
      'jobs.start': () => ({ ok: true, value: started }),
      'jobs.get': () => ({ ok: true, value: structuredClone(details) }),
    })
    await mounted.wrapper.get('#job-lines').setValue('a@example.com')
    await buttonNamed(mounted.wrapper, 'Use this list').trigger('click')
    await flushPromises()
    await buttonNamed(mounted.wrapper, 'Plan').trigger('click')
    await flushPromises()
    await buttonNamed(mounted.wrapper, 'Start').trigger('click')
    await flushPromises()

    expect(mounted.api.callsTo('jobs.start')).toEqual([{ planId: 'plan-1' }])
    expect(mounted.router.currentRoute.value.fullPath).toBe('/jobs/job-1')
    expect(mounted.wrapper.get('.jobs-indicator').text()).toBe('1 job running, 0%')

    const failure = { code: 'rate_limited' as const, message: 'Okta asked to wait.' }
    mounted.api.emit('jobs.progress', {
      job: jobView({ counts: { total: 3, done: 1, failed: 1, skipped: 0, left: 1 }, secondsLeft: 30 }),
      changes: [
        { index: 0, line: 1, state: 'done', message: null, entryId: 'entry-1', error: null },
        { index: 1, line: 2, state: 'failed', message: null, entryId: 'entry-2', error: failure },
      ],
    })
    await flushPromises()

    expect(mounted.wrapper.get('.job-progress__bar').attributes('value')).toBe('2')
    expect(mounted.wrapper.get('.job-progress__counts').text()).toBe('66% — 1 done, 1 failed, 0 skipped, 1 left of 3 changes. Time left: under a minute.')
    expect(mounted.wrapper.text()).toContain('Okta Sandbox: user:write 8 of 10 requests/s')
    expect(cells(mounted.wrapper, 'Results per row').map((row) => [row[0], row[2], row[4]])).toEqual([
      ['1', 'Done', ''],
      ['2', 'Failed', 'Okta asked to wait.'],
      ['3', 'Waiting', ''],
    ])
    expect(mounted.wrapper.get('.jobs-indicator').text()).toBe('1 job running, 66%')
  })

  it('pauses, resumes and, once confirmed, cancels the open job', async () => {
    const plan = offboardPlan(3)
    const mounted = await mountJobs(
      '/jobs/job-1',
      {
        'jobs.get': () => ({ ok: true, value: jobDetails(plan) }),
        'jobs.pause': () => ({ ok: true, value: jobView({ state: 'paused' }) }),
        'jobs.resume': () => ({ ok: true, value: jobView({ state: 'running' }) }),
        'jobs.cancel': () => ({ ok: true, value: jobView({ state: 'cancelled', secondsLeft: null }) }),
      },
      [jobView()],
    )

    // One button pauses and resumes: a keyboard user pressing it keeps the focus on it.
    const toggle = buttonNamed(mounted.wrapper, 'Pause')
    ;(toggle.element as HTMLButtonElement).focus()
    await toggle.trigger('click')
    await flushPromises()
    expect(mounted.wrapper.get('.job-progress__head').text()).toContain('Paused')
    expect(mounted.wrapper.get('.jobs-indicator').text()).toBe('1 job to resume')
    expect(document.activeElement).toBe(toggle.element)
    expect(toggle.text()).toBe('Resume')
    await toggle.trigger('click')
    await flushPromises()
    expect(mounted.wrapper.get('.job-progress__head').text()).toContain('Running')
    expect(document.activeElement).toBe(toggle.element)
    await buttonNamed(mounted.wrapper, 'Cancel job').trigger('click')
    await confirmDialog()

    expect(mounted.api.calls.filter((call) => call.name.startsWith('jobs.') && !['jobs.list', 'jobs.get'].includes(call.name)).map((call) => call.name)).toEqual([
      'jobs.pause',
      'jobs.resume',
      'jobs.cancel',
    ])
    expect(mounted.wrapper.get('.job-progress__head').text()).toContain('Cancelled')
    // Cancel is gone with the job: the focus is on the panel it was in, not lost to the page.
    expect(document.activeElement).toBe(mounted.wrapper.get('.job-progress').element)
    expect(mounted.wrapper.find('.jobs-indicator').exists()).toBe(false)
  })

  it('retries the failed rows, exports the results as CSV and undoes the job as a new job it then opens', async () => {
    const plan = offboardPlan(2)
    const finished = jobView({ state: 'done', counts: { total: 2, done: 1, failed: 1, skipped: 0, left: 0 }, secondsLeft: null })
    const details: JobDetails = jobDetails(plan, finished)
    details.changes[0]!.state = 'done'
    details.changes[1]!.state = 'failed'
    const undoJob = jobView({ id: 'job-2', kind: 'undoJob', title: 'Undo of Offboard 2 people', undoOf: 'job-1' })
    const createObjectUrl = vi.fn((_blob: Blob) => 'blob:results')
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: createObjectUrl, revokeObjectURL: vi.fn() }))
    const mounted = await mountJobs(
      '/jobs/job-1',
      {
        'jobs.get': ({ jobId }) => ({ ok: true, value: jobId === 'job-1' ? structuredClone(details) : jobDetails(offboardPlan(1), undoJob) }),
        'jobs.retryFailed': () => ({ ok: true, value: { ...finished, state: 'running' } }),
        'jobs.exportResults': () => ({ ok: true, value: { fileName: 'job-results.csv', content: '\uFEFFline,input\r\n' } }),
        'jobs.undo': () => ({ ok: true, value: undoJob }),
      },
      [finished],
    )

    await buttonNamed(mounted.wrapper, 'Retry failed rows (1)').trigger('click')
    await flushPromises()
    expect(mounted.api.callsTo('jobs.retryFailed')).toEqual([{ jobId: 'job-1' }])
    // Read again, so the retried rows show as main has them.
    expect(mounted.api.callsTo('jobs.get')).toHaveLength(2)

    await buttonNamed(mounted.wrapper, 'Export results').trigger('click')
    await flushPromises()
    expect(createObjectUrl.mock.calls.map(([blob]) => blob.type)).toEqual(['text/csv'])

    mounted.api.emit('jobs.progress', { job: finished, changes: [] })
    await flushPromises()
    await buttonNamed(mounted.wrapper, 'Undo job').trigger('click')
    await confirmDialog()
    expect(mounted.api.callsTo('jobs.undo')).toEqual([{ jobId: 'job-1' }])
    expect(mounted.router.currentRoute.value.fullPath).toBe('/jobs/job-2')
    expect(mounted.wrapper.get('h1').text()).toBe('Undo of Offboard 2 people')
    vi.unstubAllGlobals()
  })

  it('offers Resume for a job Lanyard stopped when it closed, on the Jobs view and in the top bar', async () => {
    const stopped = jobView({ state: 'interrupted', counts: { total: 3, done: 1, failed: 0, skipped: 0, left: 2 }, secondsLeft: null })
    const mounted = await mountJobs('/jobs', { 'jobs.resume': () => ({ ok: true, value: { ...stopped, state: 'running' } }) }, [stopped])

    expect(mounted.wrapper.get('.jobs-indicator').text()).toBe('1 job to resume')
    expect(mounted.wrapper.get('.jobs__interrupted').text()).toContain('"Offboard 3 people" stopped when Lanyard closed, with 2 left.')
    await buttonNamed(mounted.wrapper, 'Resume').trigger('click')
    await flushPromises()

    expect(mounted.api.callsTo('jobs.resume')).toEqual([{ jobId: 'job-1' }])
    expect(mounted.wrapper.find('.jobs__interrupted').exists()).toBe(false)
    expect(mounted.wrapper.get('.jobs-indicator').text()).toBe('1 job running, 33%')
  })

  it('does not plan until the job names what it needs, and says what is missing', async () => {
    const mounted = await mountJobs('/jobs')
    await mounted.wrapper.get('select[name="job-kind"]').setValue('addMembers')

    expect(buttonNamed(mounted.wrapper, 'Plan').attributes('disabled')).toBeDefined()
    expect(mounted.wrapper.text()).toContain('To plan: choose a profile, name the group, paste a list or import a CSV file.')
  })
})


describe('a membership job', () => {
  it('offers the profile’s groups by name as the technician types, and plans with the id of the one taken', async () => {
    const sales: DirectoryObject = { id: '00g-sales', objectType: 'groups', displayName: 'Sales', secondary: '', status: null, attributes: {}, readOnlyReason: null }
    const mounted = await mountJobs('/jobs', {
      'directory.list': () => ({ ok: true, value: { items: [sales], nextCursor: null, total: 1 } }),
      'jobs.readList': () => ({ ok: true, value: { ...leaversCsv(['ana@example.com']), columns: ['Email'], rows: [['ana@example.com']], suggestedColumn: 0, hasHeader: false } }),
      'jobs.plan': () => ({ ok: true, value: offboardPlan(1) }),
    })
    await mounted.wrapper.get('select[name="job-kind"]').setValue('addMembers')
    await mounted.wrapper.get('select[name="job-profile"]').setValue(oktaProfileId)
    await mounted.wrapper.get('input[name="job-group"]').setValue('Sal')
    await flushPromises()

    expect(mounted.api.callsTo('directory.list')).toEqual([{ profileId: oktaProfileId, objectType: 'groups', search: 'Sal', pageSize: 20, requestKey: 'job-field:job-group' }])
    expect(mounted.wrapper.findAll('datalist option').map((option) => [option.attributes('value'), option.text()])).toEqual([['00g-sales', 'Sales']])

    await mounted.wrapper.get('input[name="job-group"]').setValue('00g-sales')
    await flushPromises()
    await mounted.wrapper.get('#job-lines').setValue('ana@example.com')
    await buttonNamed(mounted.wrapper, 'Use this list').trigger('click')
    await flushPromises()
    await buttonNamed(mounted.wrapper, 'Plan').trigger('click')
    await flushPromises()

    expect(mounted.api.callsTo('jobs.plan')).toEqual([{ kind: 'addMembers', profileId: oktaProfileId, groupType: 'groups', groupId: '00g-sales', lines: ['ana@example.com'] }])
  })
})
