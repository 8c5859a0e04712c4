// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useProfilesStore } from '../../../renderer/src/stores/profiles'
import { danaLee, peopleProfiles, personAccount } from '../../support/personAccounts'
import { profileView } from '../support/fakeLanyardApi'
import { cardRows, mountPeople, settle, typeSearch } from './mountPeople'

const { okta, cognito, coupa, gotomeeting } = peopleProfiles
const [danaOkta, danaCognito, danaCoupa, danaGoto] = danaLee()
const sam = personAccount('okta', { userId: '00u-sam', displayName: 'Sam Park', userName: 'sam.park@acme.example', email: 'sam.park@acme.example' })

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
enableAutoUnmount(afterEach)
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('the People view', () => {
  it('puts the focus in the search box on open, and / brings it back with its text selected', async () => {
    const { wrapper } = await mountPeople({})
    const box = wrapper.get('#people-search').element as HTMLInputElement
    expect(document.activeElement).toBe(box)

    box.value = 'dana'
    box.blur()
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true }))
    expect(document.activeElement).toBe(box)
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, 4])
  })

  it('puts the focus in the search box once the profiles arrive after the view opened (a cold start)', async () => {
    const { wrapper } = await mountPeople({}, { profilesLoaded: false })
    expect(wrapper.find('#people-search').exists()).toBe(false)

    await useProfilesStore().load()
    await flushPromises()

    expect(document.activeElement).toBe(wrapper.get('#people-search').element)
  })

  it('places a profile’s accounts as soon as it answers, and says which profiles are still searching', async () => {
    const { wrapper, main, api } = await mountPeople({ [okta.profileId]: [danaOkta], [coupa.profileId]: [danaCoupa], [cognito.profileId]: [], [gotomeeting.profileId]: [] })

    await typeSearch(wrapper, 'dana')
    expect(api.callsTo('people.search')).toEqual([{ search: 'dana', profileSet: 'sandbox', searchKey: 'people-view' }])
    expect(wrapper.text()).toContain('Searching Okta Sandbox…')

    main.answer(okta.profileId)
    await flushPromises()
    expect(cardRows(wrapper)).toEqual([['Okta · Okta Sandbox | ACTIVE | dana.lee@acme.example | only account found']])
    expect(wrapper.text()).not.toContain('Searching Okta Sandbox…')
    expect(wrapper.text()).toContain('Searching Coupa Sandbox…')

    main.answer(coupa.profileId)
    await flushPromises()
    expect(cardRows(wrapper)).toEqual([
      ['Coupa · Coupa Sandbox | active | dana.lee@acme.example | same email dana.lee@acme.example', 'Okta · Okta Sandbox | ACTIVE | dana.lee@acme.example | same email dana.lee@acme.example'],
    ])
  })

  it('says the retry a profile still searching waits for, and nothing of it once the profile has answered', async () => {
    const { wrapper, main, api } = await mountPeople({ [okta.profileId]: [danaOkta], [coupa.profileId]: [danaCoupa], [cognito.profileId]: [], [gotomeeting.profileId]: [] })
    await typeSearch(wrapper, 'dana')
    api.emit('retries.changed', { profileId: coupa.profileId, waiting: 1, retry: { attempt: 1, of: 3, waitMs: 2_000, reason: 'server_busy' } })
    await flushPromises()
    const coupaRow = () => wrapper.find(`[data-profile-id="${coupa.profileId}"]`)
    expect(coupaRow().text()).toBe('Searching Coupa Sandbox… · Coupa answered that it is busy: retry 1 of 3 in 2 s.')
    expect(wrapper.find(`[data-profile-id="${okta.profileId}"]`).text()).toBe('Searching Okta Sandbox…')

    main.answer(coupa.profileId)
    await flushPromises()
    expect(coupaRow().exists()).toBe(false)
    expect(wrapper.find('[data-test="retry-wait"]').exists()).toBe(false)
  })

  it('sends a newer text just before a profile still searching would send the old one again, not after its retries', async () => {
    const { wrapper, main, api } = await mountPeople({ [okta.profileId]: [danaOkta, sam], [coupa.profileId]: [danaCoupa] })
    await typeSearch(wrapper, 'dana')
    for (const profile of [okta, cognito, gotomeeting]) main.answer(profile.profileId, 'search-1')
    await flushPromises()
    // Coupa answered busy: its search waits 5 s to be sent again.
    api.emit('retries.changed', { profileId: coupa.profileId, waiting: 1, retry: { attempt: 1, of: 3, waitMs: 5_000, reason: 'server_busy' } })
    await flushPromises()

    await wrapper.get('#people-search').setValue('sam')
    await vi.advanceTimersByTimeAsync(4_000)
    expect(api.callsTo('people.search')).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(api.callsTo('people.search').map((call) => (call as { search: string }).search)).toEqual(['dana', 'sam'])
  })

  it('places results that arrive before people.search has answered', async () => {
    const { wrapper, main, api } = await mountPeople({ [okta.profileId]: [danaOkta] })
    api.answer('people.search', (input) => {
      main.searches.push({ searchId: 'fast', input: { ...input, search: input.search } as never })
      main.answer(okta.profileId, 'fast')
      return { ok: true, value: { searchId: 'fast', profiles: [{ profileId: okta.profileId, profileName: okta.profileName, connectorId: 'okta' }] } }
    })

    await typeSearch(wrapper, 'dana')

    expect(cardRows(wrapper)).toHaveLength(1)
  })

  it('keeps one search out across the set: a newer text waits, greyed, until every profile has answered, then goes at once', async () => {
    const { wrapper, main, api } = await mountPeople({ [okta.profileId]: [danaOkta, sam], [coupa.profileId]: [danaCoupa] })
    await typeSearch(wrapper, 'dana')
    main.answer(okta.profileId, 'search-1')
    await flushPromises()
    expect(wrapper.find('.person-card--stale').exists()).toBe(false)

    await typeSearch(wrapper, 'sa')
    await typeSearch(wrapper, 'sam')
    expect(api.callsTo('people.search')).toHaveLength(1)
    expect(wrapper.find('.person-card--stale').exists()).toBe(true)
    expect(wrapper.find('.person-card[aria-busy="true"]').exists()).toBe(true)

    main.answer(coupa.profileId, 'search-1')
    main.answer(cognito.profileId, 'search-1')
    await settle()
    expect(api.callsTo('people.search')).toHaveLength(1)
    main.answer(gotomeeting.profileId, 'search-1')
    await settle()
    expect(api.callsTo('people.search').map((call) => (call as { search: string }).search)).toEqual(['dana', 'sam'])
    expect(wrapper.find('.person-card--stale').exists()).toBe(true)
    // A late answer of the search before is not this one's.
    main.answer(okta.profileId, 'search-1')
    for (const profile of [okta, cognito, coupa, gotomeeting]) main.answer(profile.profileId, 'search-2')
    await flushPromises()

    expect(wrapper.findAll('.person-card__open').map((link) => link.text())).toEqual(['Sam Park'])
    expect(wrapper.find('.person-card--stale').exists()).toBe(false)
  })

  it('shows a failing profile inline with its advice while the others carry on, and searches again on request', async () => {
    const advice = { code: 'auth_failed' as const, message: 'Coupa refused the API key. Check the key in the Coupa Sandbox profile.' }
    const { wrapper, main, api } = await mountPeople({ [okta.profileId]: [danaOkta], [coupa.profileId]: advice })
    await typeSearch(wrapper, 'dana')
    main.answer(coupa.profileId)
    main.answer(okta.profileId)
    await flushPromises()

    const failed = wrapper.get(`[data-profile-id="${coupa.profileId}"]`)
    expect(failed.text()).toContain('Coupa Sandbox could not be searched.')
    expect(failed.text()).toContain(advice.message)
    expect(cardRows(wrapper)).toHaveLength(1)

    await failed.get('button').trigger('click')
    await flushPromises()
    expect(api.callsTo('people.search')).toHaveLength(2)
  })

  it('shows why accounts were grouped, and a name-only match as one to confirm', async () => {
    const goto = { ...danaGoto, email: 'dlee.old@acme.example', userName: 'dlee.old@acme.example' }
    const { wrapper } = await mountPeople({ [okta.profileId]: [danaOkta], [cognito.profileId]: [danaCognito], [gotomeeting.profileId]: [goto] }, { autoAnswer: [okta.profileId, cognito.profileId, gotomeeting.profileId] })

    await typeSearch(wrapper, 'dana')

    const card = wrapper.get('.person-card')
    expect(card.text()).toContain('Name match — confirm')
    expect(card.get('[data-basis="name"]').text()).toContain('GoToMeeting')
    expect(card.get('[data-basis="name"]').text()).toContain('same name only — confirm')
    expect(card.findAll('[data-basis="email"]')).toHaveLength(2)
  })

  it('searches the real tenants by default when there are any, and never mixes the sets', async () => {
    const real = profileView({ name: 'Okta prod', environment: 'real' })
    const sandbox = profileView({ name: 'Okta sandbox', environment: 'sandbox' })
    const { wrapper, api } = await mountPeople({}, { profiles: [real, sandbox] })

    await typeSearch(wrapper, 'dana')
    await wrapper.get('input[value="sandbox"]').setValue(true)
    await settle()

    expect(api.callsTo('people.search').map((call) => (call as { profileSet: string }).profileSet)).toEqual(['real', 'sandbox'])
    expect(wrapper.text()).toContain('Searching Okta sandbox…')
    expect(wrapper.text()).not.toContain('Searching Okta prod…')
  })

  it('says what to do when there is no profile at all', async () => {
    const { wrapper } = await mountPeople({}, { profiles: [] })

    expect(wrapper.text()).toContain('No profiles yet — add a profile')
    expect(wrapper.get('a[href="/profiles/new"]').text()).toBe('New profile')
  })

  it('says what to do when the set has no profile', async () => {
    const { wrapper } = await mountPeople({}, { profiles: [profileView({ environment: 'sandbox' })] })
    await wrapper.get('input[value="real"]').setValue(true)
    await flushPromises()

    expect(wrapper.text()).toContain('No real tenants yet — add a profile')
    expect(wrapper.get('a[href="/profiles/new"]').text()).toBe('New profile')
  })
})

describe('People results exported', () => {
  it('offers Export CSV once every profile has answered, naming what it holds', async () => {
    const { wrapper, main } = await mountPeople({ [okta.profileId]: [danaOkta, sam], [coupa.profileId]: [danaCoupa], [cognito.profileId]: [], [gotomeeting.profileId]: [] })
    await typeSearch(wrapper, 'dana')
    main.answer(okta.profileId)
    await flushPromises()
    expect(wrapper.find('.people__export').exists()).toBe(false)

    for (const profile of [coupa, cognito, gotomeeting]) main.answer(profile.profileId)
    await flushPromises()
    expect(wrapper.find('.people__export').text()).toBe('Export CSV: the 2 accounts of 1 person found')
  })
})
