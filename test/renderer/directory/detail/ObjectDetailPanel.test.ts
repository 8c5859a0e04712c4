// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { adaLovelace, button, group, mountPanel, ok } from './detailFixtures'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('the object detail panel', () => {
  it('reads the object from the target and shows its name, secondary line and status', async () => {
    const { api, profile, wrapper } = await mountPanel()

    expect(api.callsTo('directory.get')).toEqual([{ profileId: profile.id, objectType: 'users', objectId: '00u1ada' }])
    expect(wrapper.find('h2').text()).toBe('Ada Lovelace')
    expect(wrapper.find('.object-panel__secondary').text()).toBe('ada.lovelace@example.com')
    expect(wrapper.find('.badge').text()).toBe('ACTIVE')
  })

  it('says the retry its read waits for while the object loads, and nothing of it once loaded', async () => {
    let release: (() => void) | undefined
    const { api, profile, wrapper } = await mountPanel({
      answers: { 'directory.get': () => new Promise((resolve) => (release = () => resolve(ok(adaLovelace())))) },
    })
    expect(wrapper.find('h2').text()).toBe('Loading…')
    api.emit('retries.changed', { profileId: profile.id, waiting: 1, retry: { attempt: 2, of: 3, waitMs: 1_000, reason: 'network' } })
    await flushPromises()
    expect(wrapper.find('[data-test="retry-wait"]').text()).toBe('No answer from Okta: retry 2 of 3 in 1 s.')

    release?.()
    await flushPromises()
    expect(wrapper.find('h2').text()).toBe('Ada Lovelace')
    expect(wrapper.find('[data-test="retry-wait"]').exists()).toBe(false)
  })

  it('labels attributes for people and shows the SCIM and Okta names on hover', async () => {
    const { wrapper } = await mountPanel()

    const givenName = wrapper.find('.attribute[data-path="name.givenName"]')
    expect(givenName.find('dt').text()).toBe('Given name')
    expect(givenName.find('dd').text()).toBe('Ada')
    expect(givenName.attributes('title')).toBe('SCIM name.givenName · Okta profile.firstName')
    expect(wrapper.find('.attribute[data-path="emails.value"]').attributes('title')).toBe('SCIM emails.value · Okta profile.email')
  })

  it('groups attributes by what they are about, in a fixed order', async () => {
    const { wrapper } = await mountPanel()

    const groups = wrapper.findAll('.attribute-group').map((section) => section.find('h3').text())
    expect(groups).toEqual(['Name', 'Contact', 'Work', 'Extension', 'Custom', 'Meta'])
    const nameGroup = wrapper.find('.attribute-group[aria-label="Name"]')
    expect(nameGroup.findAll('dt').map((term) => term.text())).toEqual(['Username', 'Given name', 'Family name'])
  })

  it('shows a multi-valued custom attribute as a list in its own group', async () => {
    const { wrapper } = await mountPanel()

    const custom = wrapper.find('.attribute-group[aria-label="Custom"]')
    expect(custom.find('dt').text()).toBe('Languages')
    expect(custom.findAll('li').map((item) => item.text())).toEqual(['English', 'French'])
    expect(custom.find('.attribute').attributes('title')).toBe('SCIM Extension.Custom.languages · Okta custom attribute')
  })

  it('folds the attributes without a value under "Empty attributes"', async () => {
    const { wrapper } = await mountPanel()

    const fold = wrapper.find('details.attribute-empty')
    expect(fold.find('summary').text()).toMatch(/^Empty attributes \(\d+\)$/)
    const empty = fold.findAll('li').map((item) => item.attributes('data-path'))
    expect(empty).toContain('name.middleName')
    expect(empty).toContain('addresses.locality')
    expect(empty).not.toContain('name.givenName')
    // Memberships have their own section, never an attribute row.
    expect(empty).not.toContain('groups[].value')
    expect(fold.find('li[data-path="addresses.locality"]').attributes('title')).toBe('SCIM addresses.locality · Okta profile.city')
  })

  it('offers the actions the descriptor declares for an active user', async () => {
    const { wrapper } = await mountPanel()

    const actions = wrapper.find('[role="toolbar"]').findAll('button').map((candidate) => candidate.text())
    expect(actions).toEqual(['Edit', 'Deprovision…', 'Delete…'])
  })

  it('says why a read-only object cannot be changed and disables its buttons with that reason', async () => {
    const reason = 'Okta manages this app group: its members and profile come from the app.'
    const { api, wrapper } = await mountPanel({
      object: group('00g9', 'Salesforce users', reason),
      answers: { 'directory.members': () => ok({ items: [adaLovelace()], nextCursor: null, total: 1 }) },
    })

    expect(wrapper.find('[role="note"]').text()).toBe(reason)
    for (const label of ['Edit', 'Delete…', 'Add member…', 'Remove']) {
      const control = button(wrapper, label)
      expect(control.attributes('disabled'), label).toBeDefined()
      expect(control.attributes('title'), label).toBe(reason)
    }
    expect(api.callsTo('directory.members')).toHaveLength(1)
  })

  it('re-reads the open object when main reports it changed, and only then', async () => {
    const { api, profile } = await mountPanel()
    expect(api.callsTo('directory.get')).toHaveLength(1)

    api.emit('directory.changed', { profileId: profile.id, objectType: 'users', ids: ['00u-someone-else'] })
    await flushPromises()
    expect(api.callsTo('directory.get')).toHaveLength(1)

    api.emit('directory.changed', { profileId: profile.id, objectType: 'users', ids: ['00u1ada'] })
    await flushPromises()
    expect(api.callsTo('directory.get')).toHaveLength(2)
    expect(api.callsTo('directory.groupsOf')).toHaveLength(2)
  })

  it('shows a failed read with the error details and emits close from its close button', async () => {
    const { wrapper } = await mountPanel({
      answers: {
        'directory.get': () => ({
          ok: false,
          error: { code: 'not_found', message: 'This user is no longer in Okta.', details: { errorCode: 'E0000007' } },
        }),
      },
    })

    expect(wrapper.find('[role="alert"]').text()).toContain('This user is no longer in Okta.')
    expect(wrapper.find('details summary').text()).toBe('Details for support')
    await wrapper.find('button[aria-label="Close details"]').trigger('click')
    expect(wrapper.emitted('close')).toHaveLength(1)
  })
})
