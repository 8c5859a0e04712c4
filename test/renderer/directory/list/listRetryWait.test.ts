// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ChangeRetry } from '../../../../shared/changeProgress'
import type { DirectoryPage } from '../../../../shared/directory'
import type { Result } from '../../../../shared/errors'
import { profileView } from '../../support/fakeLanyardApi'
import { spokenText } from '../../support/spokenText'
import { deferred, mountAt, page, scrollTo, users } from './listFixtures'

/*
 * Found walking a faulting tenant: a page waiting out a retry (a busy answer's backoff, a 429's
 * wait of up to a minute) said only "Loading users…" or "Loading more…". Main now reports each
 * profile's requests waiting to be sent again (`retries.changed`), and the list says the wait
 * while it loads, counting its seconds down on screen only.
 */

enableAutoUnmount(afterEach)

afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

const profile = profileView({ name: 'Okta sandbox' })
const usersPath = `/profiles/${profile.id}/users`
const busy: ChangeRetry = { attempt: 1, of: 3, waitMs: 2_000, reason: 'server_busy' }
const rateLimit: ChangeRetry = { attempt: 2, of: 5, waitMs: 4_000, reason: 'rate_limit' }

describe('a list loading through a retry', () => {
  it('says the wait under the first page on its way, and stops once nothing waits', async () => {
    const first = deferred<Result<DirectoryPage>>()
    const { wrapper, api } = await mountAt(usersPath, profile, { 'directory.list': () => first.promise })
    const status = () => wrapper.find('[role="status"].list-status').text()
    expect(wrapper.text()).toContain('Loading users…')
    expect(status()).toBe('')

    api.emit('retries.changed', { profileId: profile.id, waiting: 1, retry: busy })
    await flushPromises()
    expect(status()).toBe('Okta answered that it is busy: retry 1 of 3 in 2 s.')

    api.emit('retries.changed', { profileId: profile.id, waiting: 0, retry: null })
    await flushPromises()
    expect(status()).toBe('')
    first.resolve(page(users(10)))
    await flushPromises()
    expect(status()).toBe('End of list · 10 users')
  })

  it('adds it to "Loading more…", and says nothing of it once the page has come', async () => {
    const more = deferred<Result<DirectoryPage>>()
    const { wrapper, api } = await mountAt(usersPath, profile, {
      'directory.list': (input) => (input.cursor ? more.promise : page(users(100), 'page-2')),
    })
    await scrollTo(wrapper, 36 * 80)
    api.emit('retries.changed', { profileId: profile.id, waiting: 2, retry: rateLimit })
    await flushPromises()
    expect(wrapper.find('.list-status').text()).toBe("Loading more… · Waiting for Okta's rate limit, retry 2 of 5 in 4 s.")

    // Still reported waiting (another request of the profile's), but this list no longer loads.
    more.resolve(page(users(10, 100)))
    await flushPromises()
    expect(wrapper.find('.list-status').text()).toBe('End of list · 110 users')
  })

  it('counts the seconds down while the wait lasts', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    const first = deferred<Result<DirectoryPage>>()
    const { wrapper, api } = await mountAt(usersPath, profile, { 'directory.list': () => first.promise })
    api.emit('retries.changed', { profileId: profile.id, waiting: 1, retry: { ...rateLimit, waitMs: 30_000 } })
    await flushPromises()
    expect(wrapper.find('.list-status').text()).toBe("Waiting for Okta's rate limit, retry 2 of 5 in 30 s.")
    await vi.advanceTimersByTimeAsync(10_000)
    expect(wrapper.find('.list-status').text()).toBe("Waiting for Okta's rate limit, retry 2 of 5 in 20 s.")
    // The line is a live region: what a screen reader hears does not change with each second.
    expect(spokenText(wrapper.find('.list-status').element)).toBe("Waiting for Okta's rate limit, retry 2 of 5.")
  })

  it("is not told another profile's wait", async () => {
    const first = deferred<Result<DirectoryPage>>()
    const { wrapper, api } = await mountAt(usersPath, profile, { 'directory.list': () => first.promise })
    api.emit('retries.changed', { profileId: 'another-profile', waiting: 1, retry: busy })
    await flushPromises()
    expect(wrapper.find('.list-status').text()).toBe('')
  })
})
