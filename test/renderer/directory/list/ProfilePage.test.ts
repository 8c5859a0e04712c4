// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { profileView } from '../../support/fakeLanyardApi'
import { mountAt, page, users } from './listFixtures'

enableAutoUnmount(afterEach)

afterEach(() => {
  document.body.innerHTML = ''
})

const okta = profileView({ name: 'Okta sandbox' })
const coupa = profileView({
  connectorId: 'coupa',
  name: 'Coupa test',
  values: { url: 'https://acme.coupahost.com' },
  secrets: { apiKey: 'stored' },
})

function tabNames(wrapper: Awaited<ReturnType<typeof mountAt>>['wrapper']): string[] {
  return wrapper.findAll('[role="tablist"] [role="tab"]').map((tab) => tab.text())
}

describe("a profile's page", () => {
  it('lands on the first object type tab, with the name, environment and Edit profile in the header', async () => {
    const { wrapper, router, api } = await mountAt(`/profiles/${okta.id}`, okta, { 'directory.list': () => page(users(2)) })

    expect(router.currentRoute.value.path).toBe(`/profiles/${okta.id}/users`)
    expect(wrapper.find('h1').text()).toContain('Okta sandbox')
    expect(wrapper.find('h1').text()).toContain('Sandbox')
    expect(wrapper.findAll('button').some((button) => button.text() === 'Edit profile')).toBe(true)
    expect(api.callsTo('directory.list')).toHaveLength(1)
  })

  it("has one tab per object type of the connector's descriptor, then About", async () => {
    const oktaPage = await mountAt(`/profiles/${okta.id}/about`, okta)
    expect(tabNames(oktaPage.wrapper)).toEqual(['Users', 'Groups', 'About'])
    oktaPage.wrapper.unmount()

    const coupaPage = await mountAt(`/profiles/${coupa.id}/about`, coupa)
    expect(tabNames(coupaPage.wrapper)).toEqual(['Users', 'Content groups', 'Roles', 'Approval groups', 'Account groups', 'About'])
  })

  it('marks the current tab and links each tab to its route', async () => {
    const { wrapper } = await mountAt(`/profiles/${okta.id}/groups`, okta, { 'directory.list': () => page([]) })

    const tabs = wrapper.findAll('[role="tab"]')
    expect(tabs.map((tab) => tab.attributes('aria-selected'))).toEqual(['false', 'true', 'false'])
    expect(tabs.map((tab) => tab.attributes('tabindex'))).toEqual(['-1', '0', '-1'])
    expect(tabs[0]?.attributes('href')).toBe(`/profiles/${okta.id}/users`)
    const panel = wrapper.find('[role="tabpanel"]')
    expect(panel.attributes('aria-labelledby')).toBe(tabs[1]?.attributes('id'))
  })

  it('moves between tabs with the arrow keys, wrapping around, and focuses the new tab', async () => {
    const { wrapper, router } = await mountAt(`/profiles/${okta.id}/users`, okta, { 'directory.list': () => page([]) })

    await wrapper.findAll('[role="tab"]')[0]?.trigger('keydown', { key: 'ArrowRight' })
    await flushPromises()
    expect(router.currentRoute.value.path).toBe(`/profiles/${okta.id}/groups`)
    expect(document.activeElement?.textContent?.trim()).toBe('Groups')

    await wrapper.findAll('[role="tab"]')[0]?.trigger('keydown', { key: 'ArrowLeft' })
    await flushPromises()
    expect(router.currentRoute.value.path).toBe(`/profiles/${okta.id}/about`)
  })

  it('builds each tab from its object type: search words, second column, and New only where create exists', async () => {
    const groups = await mountAt(`/profiles/${okta.id}/groups`, okta, { 'directory.list': () => page(users(1)) })
    expect(groups.wrapper.find('input[type="search"]').attributes('placeholder')).toBe('Search groups')
    expect(groups.wrapper.find('.directory-list__search-help').text()).toBe('Okta matches the start of the group name, or a type such as Okta group.')
    expect(groups.wrapper.findAll('[role="columnheader"]').map((header) => header.text()).slice(0, 3)).toEqual(['Name', 'Details', 'Status'])
    expect(groups.wrapper.findAll('button').some((button) => button.text() === 'New group')).toBe(true)
    expect(groups.api.callsTo('directory.list')).toMatchObject([{ objectType: 'groups', requestKey: `${okta.id}:groups` }])
    groups.wrapper.unmount()

    const roles = await mountAt(`/profiles/${coupa.id}/roles`, coupa, { 'directory.list': () => page([]) })
    expect(roles.wrapper.findAll('button').some((button) => button.text().startsWith('New'))).toBe(false)
    expect(roles.wrapper.text()).toContain('No roles yet.')
  })
})

describe('the About tab', () => {
  it("shows the profile's settings and what the connector supports", async () => {
    const { wrapper } = await mountAt(`/profiles/${okta.id}/about`, okta)

    expect(wrapper.text()).toContain('https://acme.okta.com')
    expect(wrapper.text()).toContain('token stored')
    expect(wrapper.text()).toContain('What Okta supports')
  })

  it('tests the connection and shows the summary and facts', async () => {
    const { wrapper, api } = await mountAt(`/profiles/${okta.id}/about`, okta, {
      'directory.testConnection': () => ({
        ok: true,
        value: { summary: 'Connected to acme.okta.com as Ada (Super Administrator).', facts: [{ label: 'Users', value: '1,204' }] },
      }),
    })

    await wrapper.findAll('button').find((button) => button.text() === 'Test connection')?.trigger('click')
    await flushPromises()

    expect(api.callsTo('directory.testConnection')).toEqual([{ profileId: okta.id }])
    const report = wrapper.find('.connection-test__report')
    expect(report.text()).toContain('Connected to acme.okta.com as Ada (Super Administrator).')
    expect(report.find('dt').text()).toBe('Users')
    expect(report.find('dd').text()).toBe('1,204')
  })

  it('shows a failed test with its details for support', async () => {
    const { wrapper } = await mountAt(`/profiles/${okta.id}/about`, okta, {
      'directory.testConnection': () => ({
        ok: false,
        error: {
          code: 'auth_failed',
          message: 'Okta refused the token. Create a new API token and enter it in the profile.',
          details: { errorCode: 'E0000011', requestId: 'req-7' },
        },
      }),
    })

    await wrapper.findAll('button').find((button) => button.text() === 'Test connection')?.trigger('click')
    await flushPromises()

    const alert = wrapper.find('[role="alert"]')
    expect(alert.text()).toContain('Okta refused the token.')
    expect(alert.find('details').text()).toContain('E0000011')
    expect(wrapper.find('.connection-test__report').exists()).toBe(false)
  })
})
