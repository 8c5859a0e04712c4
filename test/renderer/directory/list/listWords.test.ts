import { describe, expect, it } from 'vitest'
import { countText, searchPlaceholder, singularNoun } from '../../../../renderer/src/features/directory/list/listWords'
import type { TableState } from '../../../../renderer/src/stores/directoryList'
import { findObjectType, getDescriptor } from '../../../../shared/catalogue'
import { users } from './listFixtures'

const oktaUsers = findObjectType(getDescriptor('okta'), 'users')!
const coupaContentGroups = findObjectType(getDescriptor('coupa'), 'groups')!

function loadedState(overrides: Partial<TableState>): TableState {
  return { items: [], nextCursor: null, total: null, loading: false, loadingMore: false, error: null, search: '', loaded: true, loadingToEnd: false, sort: null, ...overrides }
}

describe('the words of a list', () => {
  it('counts exactly only with a total from the target or at the end of the list, else "50+" style', () => {
    expect(countText(loadedState({ items: users(100), total: 1234, nextCursor: 'next' }), oktaUsers)).toBe('1,234 users')
    expect(countText(loadedState({ items: users(200), nextCursor: 'next' }), oktaUsers)).toBe('200+ users')
    expect(countText(loadedState({ items: users(1) }), oktaUsers)).toBe('1 user')
    expect(countText(loadedState({ loaded: false, loading: true }), oktaUsers)).toBe('')
  })

  it("names objects from the descriptor's label", () => {
    expect(singularNoun(oktaUsers)).toBe('user')
    expect(singularNoun(coupaContentGroups)).toBe('content group')
    expect(searchPlaceholder({ ...coupaContentGroups, searchHint: undefined, searchHelp: undefined })).toBe('Search content groups by name')
    expect(searchPlaceholder({ ...coupaContentGroups, searchHint: 'part of the name', searchHelp: undefined })).toBe('Search content groups by part of the name')
    // The line under the box says the rest: the box stays short enough never to be cut off.
    expect(searchPlaceholder(coupaContentGroups)).toBe('Search content groups')
  })
})
