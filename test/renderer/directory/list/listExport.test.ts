// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { listCsv, loadedRows } from '../../../../renderer/src/features/directory/list/listExport'
import { findObjectType, getDescriptor } from '../../../../shared/catalogue'
import { utf8Bom } from '../../../../shared/csv'
import { profileView } from '../../support/fakeLanyardApi'
import { endlessUsers, mountAt, page, scrollTo, users } from './listFixtures'

enableAutoUnmount(afterEach)
afterEach(() => {
  document.body.innerHTML = ''
})

const oktaUsers = findObjectType(getDescriptor('okta'), 'users')!

describe('a list exported to CSV', () => {
  it('is the rows shown, with a BOM first, the table’s headings in words, and a file name from the profile and list', () => {
    const rows = users(2).map((row, index) => (index === 0 ? { ...row, displayName: 'Amélie Lefèvre, Jr', readOnlyReason: null } : row))
    const file = listCsv(rows, oktaUsers, 'Okta (EU) sandbox Users', new Date('2026-12-07T10:00:00Z'))

    expect(file.fileName).toBe('okta-eu-sandbox-users-2026-12-07.csv')
    expect(file.content.startsWith(utf8Bom)).toBe(true)
    expect(file.content.slice(1).split('\r\n')).toEqual([
      'Name,Username,Status,Read-only because,Id',
      '"Amélie Lefèvre, Jr",user0@example.com,ACTIVE,,u0',
      'User 1,user1@example.com,ACTIVE,,u1',
      '',
    ])
  })

  it('says whether it holds every row or only those loaded', () => {
    expect(loadedRows(1700, false, oktaUsers)).toBe('the 1,700 loaded users')
    expect(loadedRows(2000, true, oktaUsers)).toBe('all 2,000 users')
  })

  it('is offered on a list, naming what it exports', async () => {
    const profile = profileView({ name: 'Okta sandbox' })
    const { wrapper } = await mountAt(`/profiles/${profile.id}/users`, profile, { 'directory.list': () => page(users(100), 'next') })
    expect(wrapper.find('button.directory-list__export').text()).toBe('Export CSV: the 100 loaded users')
  })

  it('counts the rows loaded as pages arrive into the same array', async () => {
    const profile = profileView({ name: 'Okta sandbox' })
    const { wrapper } = await mountAt(`/profiles/${profile.id}/users`, profile, { 'directory.list': endlessUsers() })
    // Near the end of the first 100 rows: one more page.
    await scrollTo(wrapper, 50 * 36)
    expect(wrapper.find('.grid__spacer').attributes('style')).toContain(`height: ${300 * 36}px`)
    expect(wrapper.find('button.directory-list__export').text()).toBe('Export CSV: the 300 loaded users')
  })
})
