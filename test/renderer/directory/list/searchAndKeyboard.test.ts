// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DirectoryPage } from '../../../../shared/directory'
import type { Result } from '../../../../shared/errors'
import { profileView } from '../../support/fakeLanyardApi'
import { deferred, listCalls, mountAt, page, pressKey, renderedNames, scrollTo, users, type Deferred } from './listFixtures'

const profile = profileView({ name: 'Okta sandbox' })
const usersPath = `/profiles/${profile.id}/users`

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})

enableAutoUnmount(afterEach)

afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

async function typeSearch(wrapper: Awaited<ReturnType<typeof mountAt>>['wrapper'], text: string): Promise<void> {
  await wrapper.find('input[type="search"]').setValue(text)
}

/** The list at its three users; every search after it waits for the test to answer it (`answers`, in order). */
async function mountWithSearchesHeld() {
  const answers: Deferred<Result<DirectoryPage>>[] = []
  const { wrapper, api } = await mountAt(usersPath, profile, {
    'directory.list': (input) => {
      if (!input.search) return page(users(3))
      const answer = deferred<Result<DirectoryPage>>()
      answers.push(answer)
      return answer.promise
    },
  })
  return { wrapper, answers, api }
}

describe('searching a directory list as you type', () => {
  it('asks at once on the first keystroke, keeps one search out while typing, then asks the newest text when the answer comes', async () => {
    const answers: Deferred<Result<DirectoryPage>>[] = []
    const { wrapper, api } = await mountAt(usersPath, profile, {
      'directory.list': (input) => {
        if (!input.search) return page(users(3))
        const answer = deferred<Result<DirectoryPage>>()
        answers.push(answer)
        return answer.promise
      },
    })
    expect(wrapper.find('input[type="search"]').attributes('placeholder')).toBe('Search users')

    // No timer runs: nothing waits for a pause.
    await typeSearch(wrapper, 'a')
    await typeSearch(wrapper, 'ad')
    await typeSearch(wrapper, 'ada')
    expect(listCalls(api).map((call) => call.search)).toEqual(['', 'a'])

    answers[0]?.resolve(page(users(2, 10)))
    await flushPromises()
    expect(listCalls(api).map((call) => [call.search, call.requestKey])).toEqual([
      ['', `${profile.id}:users`],
      ['a', `${profile.id}:users`],
      ['ada', `${profile.id}:users`],
    ])
    answers[1]?.resolve(page(users(1, 42)))
    await flushPromises()

    expect(renderedNames(wrapper)).toEqual(['User 42'])
    expect(listCalls(api)).toHaveLength(3)
  })

  it('asks the newest text just before the search out would be sent again, instead of after all its retries', async () => {
    const { wrapper, answers, api } = await mountWithSearchesHeld()
    const searches = () => listCalls(api).map((call) => call.search)
    const waits = (waitMs: number) => ({ profileId: profile.id, waiting: 1, retry: { attempt: 1, of: 3, waitMs, reason: 'server_busy' as const } })
    const sent = { profileId: profile.id, waiting: 0, retry: null }

    // The search for "a" is out and waits 2 s to be sent again; "ad" takes its place just before.
    await typeSearch(wrapper, 'a')
    api.emit('retries.changed', waits(2_000))
    await flushPromises()
    await typeSearch(wrapper, 'ad')
    expect(searches()).toEqual(['', 'a'])
    await vi.advanceTimersByTimeAsync(2_000)
    expect(searches()).toEqual(['', 'a', 'ad'])
    answers[0]?.resolve({ ok: false, error: { code: 'cancelled', message: 'Replaced.' } })
    api.emit('retries.changed', sent)
    await flushPromises()

    // A text typed before the wait began goes just before it ends too.
    await typeSearch(wrapper, 'ada')
    api.emit('retries.changed', waits(1_000))
    await flushPromises()
    expect(searches()).toEqual(['', 'a', 'ad'])
    await vi.advanceTimersByTimeAsync(1_000)
    expect(searches()).toEqual(['', 'a', 'ad', 'ada'])
    answers[1]?.resolve({ ok: false, error: { code: 'cancelled', message: 'Replaced.' } })

    // A wait that ends first (the search out was sent again) leaves that attempt to be answered.
    api.emit('retries.changed', waits(1_000))
    await flushPromises()
    await typeSearch(wrapper, 'adam')
    api.emit('retries.changed', sent)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(searches()).toEqual(['', 'a', 'ad', 'ada'])
    answers[2]?.resolve(page(users(1, 42)))
    await flushPromises()
    expect(searches()).toEqual(['', 'a', 'ad', 'ada', 'adam'])
    answers[3]?.resolve(page(users(1, 7)))
    await flushPromises()
    expect(renderedNames(wrapper)).toEqual(['User 7'])
  })

  it('does not ask again for a text whose search is out or shown (typed back, or a trailing space)', async () => {
    const answers: Deferred<Result<DirectoryPage>>[] = []
    const { wrapper, api } = await mountAt(usersPath, profile, {
      'directory.list': (input) => {
        if (!input.search) return page(users(3))
        const answer = deferred<Result<DirectoryPage>>()
        answers.push(answer)
        return answer.promise
      },
    })
    await typeSearch(wrapper, 'ad')
    await typeSearch(wrapper, 'ada')
    await typeSearch(wrapper, 'ad')
    answers[0]?.resolve(page(users(1, 42)))
    await flushPromises()
    await typeSearch(wrapper, 'ad ')
    await flushPromises()

    expect(listCalls(api).map((call) => call.search)).toEqual(['', 'ad'])
  })

  it('greys the rows shown and marks them busy while a newer search is out or waits its turn', async () => {
    const { wrapper, answers } = await mountWithSearchesHeld()
    const stale = () => wrapper.find('.directory-list__rows--stale').exists()
    expect(stale()).toBe(false)

    await typeSearch(wrapper, 'us')
    expect(stale()).toBe(true)
    expect(wrapper.find('[aria-busy="true"]').exists()).toBe(true)
    expect(renderedNames(wrapper)).toEqual(['User 0', 'User 1', 'User 2'])
    await typeSearch(wrapper, 'user')
    answers[0]?.resolve(page(users(2)))
    await flushPromises()
    // The answer for "us" is shown, still greyed: "user" is out now.
    expect(renderedNames(wrapper)).toEqual(['User 0', 'User 1'])
    expect(stale()).toBe(true)

    answers[1]?.resolve(page(users(1)))
    await flushPromises()
    expect(renderedNames(wrapper)).toEqual(['User 0'])
    expect(stale()).toBe(false)
    expect(wrapper.find('[aria-busy="true"]').exists()).toBe(false)
  })

  it('keeps the rows of before a search that failed greyed, says so under the table, and Retry brings the answer', async () => {
    const { wrapper, answers } = await mountWithSearchesHeld()
    const stale = () => wrapper.find('.directory-list__rows--stale').exists()
    const status = () => wrapper.find('.list-status').text()
    await typeSearch(wrapper, 'user 2')
    answers[0]?.resolve({ ok: false, error: { code: 'network', message: 'Cognito had a problem answering (InternalErrorException).' } })
    await flushPromises()

    expect(wrapper.find('.directory-list__error').text()).toContain('Cognito had a problem answering')
    expect(renderedNames(wrapper)).toEqual(['User 0', 'User 1', 'User 2'])
    expect(stale()).toBe(true)
    // Nothing is on its way: greyed, not busy.
    expect(wrapper.find('[aria-busy="true"]').exists()).toBe(false)
    expect(status()).toBe('The users shown are from before this search, which failed.')

    await wrapper.find('.directory-list__error button').trigger('click')
    answers[1]?.resolve(page(users(1, 2)))
    await flushPromises()
    expect(renderedNames(wrapper)).toEqual(['User 2'])
    expect(stale()).toBe(false)
    expect(status()).toMatch(/^End of list/)
  })

  it('asks the newest text when the search out ends cancelled, and shows neither a cancel nor an error', async () => {
    const answers: Deferred<Result<DirectoryPage>>[] = []
    const { wrapper, api } = await mountAt(usersPath, profile, {
      'directory.list': () => {
        const answer = deferred<Result<DirectoryPage>>()
        answers.push(answer)
        return answer.promise
      },
    })
    answers[0]?.resolve(page(users(3)))
    await flushPromises()

    await typeSearch(wrapper, 'ad')
    await typeSearch(wrapper, 'ada')
    await typeSearch(wrapper, 'adam')
    answers[1]?.resolve({ ok: false, error: { code: 'cancelled', message: 'Replaced by a newer request.' } })
    await flushPromises()
    expect(listCalls(api).map((call) => call.search)).toEqual(['', 'ad', 'adam'])
    answers[2]?.resolve(page(users(1, 7)))
    await flushPromises()

    expect(renderedNames(wrapper)).toEqual(['User 7'])
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('shows a new search from its first row, wherever the previous list was scrolled to', async () => {
    const { wrapper } = await mountAt(usersPath, profile, { 'directory.list': (input) => page(input.search ? users(100, 1000) : users(1000)) })
    await scrollTo(wrapper, 36 * 600)
    expect(renderedNames(wrapper)).not.toContain('User 0')

    await typeSearch(wrapper, 'user 1')
    await flushPromises()

    expect((wrapper.find('.grid__scroller').element as HTMLElement).scrollTop).toBe(0)
    expect(renderedNames(wrapper)[0]).toBe('User 1000')
  })

  it('says when nothing matches, and Escape clears the search to list everything again', async () => {
    const { wrapper, api } = await mountAt(usersPath, profile, { 'directory.list': (input) => page(input.search ? [] : users(3)) })
    await typeSearch(wrapper, 'zebra')
    await flushPromises()
    expect(wrapper.text()).toContain('No users match "zebra".')

    pressKey('Escape', wrapper.find('input[type="search"]').element)
    await flushPromises()

    expect((wrapper.find('input[type="search"]').element as HTMLInputElement).value).toBe('')
    expect(listCalls(api).at(-1)?.search).toBe('')
    expect(renderedNames(wrapper)).toHaveLength(3)
  })
})

describe('the list keyboard', () => {
  it('focuses the search box with "/" from anywhere but a field, its text selected so typing replaces it', async () => {
    const { wrapper } = await mountAt(usersPath, profile, { 'directory.list': () => page(users(3)) })
    const search = wrapper.find('input[type="search"]').element as HTMLInputElement
    search.value = 'ada lovelace'

    const pressed = pressKey('/')
    expect(document.activeElement).toBe(search)
    expect(pressed.defaultPrevented).toBe(true)
    expect([search.selectionStart, search.selectionEnd]).toEqual([0, 'ada lovelace'.length])

    const typedInField = pressKey('/', search)
    expect(typedInField.defaultPrevented).toBe(false)
  })

  it('moves the selection with the arrows, scrolling it into view, and opens it with Enter', async () => {
    const { wrapper, router } = await mountAt(usersPath, profile, { 'directory.list': () => page(users(200)) })
    const grid = wrapper.find('[role="grid"]')
    expect(grid.attributes('aria-label')).toBe('Users of Okta sandbox')

    await grid.trigger('keydown', { key: 'ArrowDown' })
    await grid.trigger('keydown', { key: 'ArrowDown' })
    await grid.trigger('keydown', { key: 'ArrowUp' })
    await grid.trigger('keydown', { key: 'ArrowDown' })
    expect(wrapper.find('[role="row"][aria-selected="true"]').attributes('data-id')).toBe('u1')
    expect(grid.attributes('aria-activedescendant')).toBe(wrapper.find('[role="row"][aria-selected="true"]').attributes('id'))

    await grid.trigger('keydown', { key: 'End' })
    await flushPromises()
    expect(wrapper.find('[role="row"][aria-selected="true"]').attributes('data-id')).toBe('u199')
    expect((wrapper.find('.grid__scroller').element as HTMLElement).scrollTop).toBeGreaterThan(36 * 150)

    await grid.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(router.currentRoute.value.path).toBe(`${usersPath}/u199`)
  })

  it('moves from the search box into the results and opens the first with Enter', async () => {
    const { wrapper, router } = await mountAt(usersPath, profile, { 'directory.list': () => page(users(3)) })
    const search = wrapper.find('input[type="search"]')

    await search.trigger('keydown', { key: 'ArrowDown' })
    await search.trigger('keydown', { key: 'ArrowDown' })
    expect(wrapper.find('[role="row"][aria-selected="true"]').attributes('data-id')).toBe('u1')

    await search.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(router.currentRoute.value.path).toBe(`${usersPath}/u1`)
  })

  it('opens the first result with Enter in the search box when nothing is selected', async () => {
    const { wrapper, router } = await mountAt(usersPath, profile, { 'directory.list': () => page(users(3)) })

    await wrapper.find('input[type="search"]').trigger('keydown', { key: 'Enter' })
    await flushPromises()

    expect(router.currentRoute.value.path).toBe(`${usersPath}/u0`)
  })

  it('leaves Escape to an open dialog and to fields of the panel', async () => {
    const { wrapper, router } = await mountAt(`${usersPath}/u0`, profile, { 'directory.list': () => page(users(3)) })
    const panel = wrapper.find('.directory-list__panel').element
    const field = document.createElement('input')
    panel.appendChild(field)
    const dialog = document.createElement('dialog')
    const dialogButton = document.createElement('button')
    dialog.appendChild(dialogButton)
    document.body.appendChild(dialog)

    pressKey('Escape', field)
    pressKey('Escape', dialogButton)
    await flushPromises()
    expect(router.currentRoute.value.path).toBe(`${usersPath}/u0`)

    pressKey('Escape')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe(usersPath)
  })
})
