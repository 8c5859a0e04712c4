// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import CreateObjectPanel from '../../../../renderer/src/features/directory/forms/CreateObjectPanel.vue'
import ObjectDetailPanel from '../../../../renderer/src/features/directory/detail/ObjectDetailPanel.vue'
import { profileView } from '../../support/fakeLanyardApi'
import { listCalls, mountAt, page, pressKey, renderedNames, scrollTo, users } from './listFixtures'

enableAutoUnmount(afterEach)

afterEach(() => {
  document.body.innerHTML = ''
})

const profile = profileView({ name: 'Okta sandbox' })
const usersPath = `/profiles/${profile.id}/users`

describe('a directory list', () => {
  it('renders only a window of rows for 10,000 users, with a spacer as tall as all of them', async () => {
    const { wrapper } = await mountAt(usersPath, profile, { 'directory.list': () => page(users(10_000)) })

    const rows = wrapper.findAll('[role="row"][data-id]')
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.length).toBeLessThan(60)
    expect(renderedNames(wrapper)[0]).toBe('User 0')
    expect((wrapper.find('.grid__spacer').element as HTMLElement).style.height).toBe(`${10_000 * 36}px`)
    expect(wrapper.find('[role="grid"]').attributes('aria-rowcount')).toBe('10001')
  })

  it('moves the window when scrolled', async () => {
    const { wrapper } = await mountAt(usersPath, profile, { 'directory.list': () => page(users(10_000)) })

    await scrollTo(wrapper, 36 * 5000)

    const names = renderedNames(wrapper)
    expect(names).toContain('User 5000')
    expect(names).not.toContain('User 0')
    expect(wrapper.findAll('[role="row"][data-id]').length).toBeLessThan(60)
  })

  it('shows the first page at once and loads the next one when the scroll nears the end', async () => {
    const { wrapper, api } = await mountAt(usersPath, profile, {
      'directory.list': (input) => (input.cursor ? page(users(100, 100), null) : page(users(100), 'page-2')),
    })
    expect(wrapper.text()).toContain('100+ users')
    expect(listCalls(api)).toHaveLength(1)

    await scrollTo(wrapper, 36 * 70)

    expect(listCalls(api).map((call) => call.cursor)).toEqual([null, 'page-2'])
    expect(wrapper.text()).toContain('200 users')
    expect(wrapper.text()).toContain('End of list · 200 users')
  })

  it('says "Loading more…" while the next page is on its way', async () => {
    let releaseSecondPage: () => void = () => undefined
    const { wrapper } = await mountAt(usersPath, profile, {
      'directory.list': (input) =>
        input.cursor
          ? new Promise((resolve) => {
              releaseSecondPage = () => resolve(page(users(10, 100)))
            })
          : page(users(100), 'page-2'),
    })
    await scrollTo(wrapper, 36 * 80)
    expect(wrapper.find('[role="status"]').text()).toBe('Loading more…')

    releaseSecondPage()
    await flushPromises()
    expect(wrapper.find('[role="status"]').text()).toBe('End of list · 110 users')
  })

  it('shows the count the target reports, formatted', async () => {
    const { wrapper } = await mountAt(usersPath, profile, { 'directory.list': () => page(users(100), 'next', 1234) })

    expect(wrapper.find('.directory-list__count').text()).toBe('1,234 users')
    // Assistive technology hears the whole count (plus the header row), not the rows loaded so far.
    expect(wrapper.find('[role="grid"]').attributes('aria-rowcount')).toBe('1235')
  })

  it('tells assistive technology the row count is unknown while more pages exist and no total is given', async () => {
    const { wrapper } = await mountAt(usersPath, profile, { 'directory.list': () => page(users(100), 'next') })

    expect(wrapper.find('[role="grid"]').attributes('aria-rowcount')).toBe('-1')
  })

  it('keeps suspended users visible with their status badge, and marks read-only objects', async () => {
    const [active, suspended] = users(2)
    const { wrapper } = await mountAt(usersPath, profile, {
      'directory.list': () =>
        page([
          { ...active!, readOnlyReason: 'Managed by Active Directory' },
          { ...suspended!, status: { label: 'SUSPENDED', tone: 'warning', active: false } },
        ]),
    })

    const rows = wrapper.findAll('[role="row"][data-id]')
    expect(rows[1]?.text()).toContain('SUSPENDED')
    expect(rows[0]?.text()).toContain('Read-only')
    expect(rows[0]?.find('[title="Managed by Active Directory"]').exists()).toBe(true)
    expect(rows[1]?.text()).not.toContain('Read-only')
  })

  it('shows an error with its details and a Retry button that asks again', async () => {
    let attempts = 0
    const { wrapper, api } = await mountAt(usersPath, profile, {
      'directory.list': () =>
        ++attempts === 1
          ? { ok: false, error: { code: 'network', message: 'Okta did not answer. Check the network.', details: { requestId: 'req-42' } } }
          : page(users(3)),
    })
    expect(wrapper.find('[role="alert"]').text()).toContain('Okta did not answer. Check the network.')
    expect(wrapper.find('[role="alert"]').text()).toContain('req-42')

    const retry = wrapper.findAll('button').find((button) => button.text() === 'Retry')
    await retry?.trigger('click')
    await flushPromises()

    expect(listCalls(api)).toHaveLength(2)
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(renderedNames(wrapper)).toEqual(['User 0', 'User 1', 'User 2'])
  })

  it('asks for the token instead of calling when the profile has none', async () => {
    const withoutToken = profileView({ secrets: { token: 'missing' } })
    const { wrapper, api, router } = await mountAt(`/profiles/${withoutToken.id}/users`, withoutToken)

    expect(wrapper.text()).toContain('Enter the token first')
    expect(listCalls(api)).toHaveLength(0)
    await wrapper.findAll('button').find((button) => button.text() === 'Enter the token')?.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe(`/profiles/${withoutToken.id}/edit`)
  })

  it('opens a row on click beside the table and closes it with Escape', async () => {
    const { wrapper, router } = await mountAt(usersPath, profile, { 'directory.list': () => page(users(5)) })

    await wrapper.findAll('[role="row"][data-id]')[2]?.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe(`${usersPath}/u2`)
    const panel = wrapper.findComponent(ObjectDetailPanel)
    expect(panel.props()).toMatchObject({ profile, objectTypeId: 'users', objectId: 'u2' })
    expect(wrapper.find('[role="row"][data-id="u2"]').attributes('aria-selected')).toBe('true')

    pressKey('Escape')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe(usersPath)
    expect(wrapper.findComponent(ObjectDetailPanel).exists()).toBe(false)
  })

  it('drops a row the panel deleted, and closes the panel', async () => {
    const { wrapper, router } = await mountAt(`${usersPath}/u1`, profile, { 'directory.list': () => page(users(3)) })

    wrapper.findComponent(ObjectDetailPanel).vm.$emit('deleted', 'u1')
    await flushPromises()
    expect(renderedNames(wrapper)).toEqual(['User 0', 'User 2'])
    expect(router.currentRoute.value.path).toBe(usersPath)
  })

  it('offers "New user" when the descriptor declares create, opens the created user, and reloads once main reports it', async () => {
    const { wrapper, api, router } = await mountAt(usersPath, profile, { 'directory.list': () => page(users(2)) })

    await wrapper.findAll('button').find((button) => button.text() === 'New user')?.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe(`${usersPath}/new`)
    const create = wrapper.findComponent(CreateObjectPanel)
    expect(create.props()).toMatchObject({ profile, objectTypeId: 'users' })

    create.vm.$emit('created', 'u9')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe(`${usersPath}/u9`)
    // The table is not reloaded by the panel's word but by main's report (a new id: the list starts over), once.
    expect(listCalls(api)).toHaveLength(1)
    api.emit('directory.changed', { profileId: profile.id, objectType: 'users', ids: ['u9'] })
    await flushPromises()
    expect(listCalls(api)).toHaveLength(2)
  })

  it('re-reads rows when main says they changed', async () => {
    const { wrapper, api } = await mountAt(usersPath, profile, {
      'directory.list': () => page(users(3)),
      'directory.get': (input) => ({
        ok: true,
        value: { ...users(1)[0]!, id: input.objectId, status: { label: 'DEPROVISIONED', tone: 'danger', active: false } },
      }),
    })

    api.emit('directory.changed', { profileId: profile.id, objectType: 'users', ids: ['u0'] })
    await flushPromises()

    expect(wrapper.find('[role="row"][data-id="u0"]').text()).toContain('DEPROVISIONED')
  })
})
