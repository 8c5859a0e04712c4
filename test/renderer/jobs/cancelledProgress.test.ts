// @vitest-environment happy-dom
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import JobProgressPanel from '../../../renderer/src/features/jobs/JobProgressPanel.vue'
import { freshStoresWithApi } from '../support/storeSetup'
import { jobView } from './jobFixtures'

enableAutoUnmount(afterEach)
beforeEach(() => void freshStoresWithApi())

/** 25 planned, cancelled after 12 done and 1 failed: 12 were never run. */
const cancelled = () => jobView({ state: 'cancelled', counts: { total: 25, done: 11, failed: 1, skipped: 13, notRun: 12, left: 0 }, secondsLeft: null })

describe('a cancelled job’s progress', () => {
  it('fills the bar with what ran, not with the changes the cancel left not run', () => {
    const panel = mount(JobProgressPanel, { props: { job: cancelled(), busy: false } })
    const bar = panel.find('progress').element as HTMLProgressElement
    // 11 done + 1 failed + 1 skipped by the runner: 13 of 25, not 25 of 25.
    expect(bar.value).toBe(13)
    expect(bar.max).toBe(25)
    const text = panel.find('.job-progress__counts').text()
    expect(text).not.toContain('100%')
    expect(text).toContain('Cancelled: 11 of 25 done, 1 failed, 1 skipped, 12 not run.')
  })

  it('says how many are still being checked', () => {
    const panel = mount(JobProgressPanel, { props: { job: jobView({ state: 'cancelled', counts: { total: 3, done: 1, failed: 0, skipped: 1, notRun: 1, left: 0, checking: 1 } }), busy: false } })
    expect(panel.find('.job-progress__counts').text()).toBe('Cancelled: 1 of 3 done, 0 failed, 1 not known yet — checking, 1 not run.')
  })

  it('reads as before while a job runs', () => {
    const running = jobView({ counts: { total: 4, done: 1, failed: 1, skipped: 1, left: 1 } })
    const panel = mount(JobProgressPanel, { props: { job: running, busy: false } })
    expect((panel.find('progress').element as HTMLProgressElement).value).toBe(3)
    expect(panel.find('.job-progress__counts').text()).toContain('75% — 1 done, 1 failed, 1 skipped, 1 left of 4 changes')
  })
})
