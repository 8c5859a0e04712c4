// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { profileView } from '../../support/fakeLanyardApi'
import { endlessUsers, listCalls, mountAt, pressKey, renderedNames, scrollTo, users, type MountedPage } from './listFixtures'

enableAutoUnmount(afterEach)

afterEach(() => {
  document.body.innerHTML = ''
})

const profile = profileView({ name: 'Okta sandbox' })
const usersPath = `/profiles/${profile.id}/users`
const rowHeight = 36

function spacerRows(mounted: MountedPage): number {
  return parseFloat((mounted.wrapper.find('.grid__spacer').element as HTMLElement).style.height) / rowHeight
}

/** Scrolls to the bottom until the table holds `rows` rows, as a person dragging the scrollbar down. */
async function scrollUntil(mounted: MountedPage, rows: number): Promise<void> {
  while (spacerRows(mounted) < rows) await scrollTo(mounted.wrapper, spacerRows(mounted) * rowHeight)
}

describe('a directory list scrolled to 10,000 rows', () => {
  it('asks for 200 rows a page while scrolling an Okta list, and draws every page it gets', async () => {
    const mounted = await mountAt(usersPath, profile, { 'directory.list': endlessUsers() })
    await scrollUntil(mounted, 10_100)
    await scrollTo(mounted.wrapper, 10_100 * rowHeight)

    expect(listCalls(mounted.api).map((call) => (call as { pageSize?: number }).pageSize).slice(0, 51)).toEqual([100, ...Array<number>(50).fill(200)])
    expect(renderedNames(mounted.wrapper)).toContain('User 10099')
  })

  it('shows a row re-read by id after 10,000 rows', async () => {
    const mounted = await mountAt(usersPath, profile, { 'directory.list': endlessUsers() })
    await scrollUntil(mounted, 10_100)
    mounted.api.answer('directory.get', (input) => ({ ok: true, value: { ...users(1, 10_080)[0]!, id: input.objectId, displayName: 'Renamed' } }))

    mounted.api.emit('directory.changed', { profileId: profile.id, objectType: 'users', ids: ['u10080'] })
    await scrollTo(mounted.wrapper, 10_075 * rowHeight)

    expect(renderedNames(mounted.wrapper)).toContain('Renamed')
    expect(renderedNames(mounted.wrapper)).not.toContain('User 10080')
  })

  it('keeps the selection by id while pages arrive: a row opened before it loaded is selected when it comes', async () => {
    const mounted = await mountAt(`${usersPath}/u150`, profile, { 'directory.list': endlessUsers() })
    const grid = mounted.wrapper.find('[role="grid"]')
    const selectedRow = () => grid.find('[role="row"][aria-selected="true"]')
    expect(selectedRow().exists()).toBe(false)

    await scrollUntil(mounted, 300)
    // The selection's row scrolled into view and named as the grid's active row.
    expect(selectedRow().attributes('data-id')).toBe('u150')
    expect(grid.attributes('aria-activedescendant')).toBe(selectedRow().attributes('id'))

    await scrollUntil(mounted, 500)
    pressKey('ArrowDown', grid.element)
    await flushPromises()
    expect(selectedRow().attributes('data-id')).toBe('u151')
  })
})
