// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { connectors, getDescriptor } from '../../../../shared/catalogue'
import { noMatchText } from '../../../../renderer/src/features/directory/list/searchHelp'
import { profileView } from '../../support/fakeLanyardApi'
import { mountAt, page } from './listFixtures'

enableAutoUnmount(afterEach)
afterEach(() => {
  document.body.innerHTML = ''
})

const oktaUsers = getDescriptor('okta').objectTypes.find((type) => type.id === 'users')!
const cognitoUsers = getDescriptor('cognito').objectTypes.find((type) => type.id === 'users')!
const cognitoGroups = getDescriptor('cognito').objectTypes.find((type) => type.id === 'groups')!

describe('a search that explains itself', () => {
  it('every object type of every connector says how its search matches, naming whose search it is', () => {
    for (const descriptor of connectors) {
      const connectorId = descriptor.id
      for (const type of descriptor.objectTypes) {
        expect(type.searchHelp, `${connectorId} ${type.id}`).toBeDefined()
        const said = type.searchHelp!.matches
        expect(said.startsWith(type.searchHelp!.by === 'target' ? descriptor.label.split(' ').at(-1)! : 'Lanyard'), said).toBe(true)
      }
    }
  })

  it('shows under the search box what Okta matches, tied to the box for screen readers', async () => {
    const profile = profileView({ name: 'Okta sandbox' })
    const { wrapper } = await mountAt(`/profiles/${profile.id}/users`, profile, { 'directory.list': () => page([]) })
    const help = wrapper.find('.directory-list__search-help')
    expect(help.text()).toBe(oktaUsers.searchHelp!.matches)
    expect(wrapper.find('input[type="search"]').attributes('aria-describedby')).toBe(help.attributes('id'))
  })

  it('says, when Okta finds nobody for an unaccented name, that Okta does not ignore accents', async () => {
    const profile = profileView({ name: 'Okta sandbox' })
    const { wrapper } = await mountAt(`/profiles/${profile.id}/users`, profile, { 'directory.list': () => page([]) })
    await wrapper.find('input[type="search"]').setValue('lefevre')
    await new Promise((resolve) => setTimeout(resolve, 400))
    const empty = wrapper.find('.directory-list__empty').text()
    expect(empty).toContain('No users match "lefevre".')
    expect(empty).toContain('Okta does not ignore accents')
  })

  it('words the no-match message for each kind of search', () => {
    expect(noMatchText(oktaUsers, 'Okta', 'lefevre')).toBe(
      'No users match "lefevre". Okta does not ignore accents: a name written with them (Lefèvre, Björn) is found only when typed with them. Type the accents, or search by email.',
    )
    // Typed with accents, the accents are not why nothing was found.
    expect(noMatchText(oktaUsers, 'Okta', 'Lefèvre')).toBe('No users match "Lefèvre".')
    expect(noMatchText(cognitoUsers, 'AWS Cognito', 'lefevre')).toBe(
      'No users match "lefevre". AWS Cognito compares letters exactly as stored: type capitals and accents as they are in the account, or search by email.',
    )
    expect(noMatchText(cognitoGroups, 'AWS Cognito', 'zz')).toBe('No groups match "zz".')
  })
})
