// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import App from '../../../renderer/src/App.vue'
import { installApi } from '../../../renderer/src/api/lanyardApi'
import { typingPauseMs } from '../../../renderer/src/components/typingPause'
import { routes } from '../../../renderer/src/router'
import type { PersonAccount } from '../../../shared/people'
import { createFakeLanyardApi, profileView, type FakeLanyardApi } from '../support/fakeLanyardApi'

let api: FakeLanyardApi
let wrapper: VueWrapper
let router: Router

const oktaProd = profileView({ name: 'Okta prod', environment: 'real' })
const cognitoSandbox = profileView({ name: 'Cognito sandbox', connectorId: 'cognito', environment: 'sandbox' })

function account(overrides: Partial<PersonAccount>): PersonAccount {
  return {
    profileId: oktaProd.id, profileName: 'Okta prod', connectorId: 'okta', application: 'Okta', userId: '00u1dana',
    displayName: 'Dana Lee', userName: 'dana.lee', email: 'dana.lee@example.com', otherEmails: [], givenName: 'Dana', familyName: 'Lee',
    state: 'active', statusLabel: 'ACTIVE', lastSignInAt: null, ...overrides,
  }
}

/** The whole app, as main.ts starts it, with a stand-in People view (another part of the work builds the real one). */
async function mountApp(path = '/profiles'): Promise<void> {
  const pinia = createPinia()
  setActivePinia(pinia)
  api = createFakeLanyardApi({
    'profiles.list': () => ({ ok: true, value: [oktaProd, cognitoSandbox] }),
    'people.search': () => ({ ok: true, value: { searchId: 'search-1', profiles: [{ profileId: oktaProd.id, profileName: 'Okta prod', connectorId: 'okta' }] } }),
    'people.cancel': () => ({ ok: true, value: null }),
  })
  installApi(api)
  router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/people', component: { template: '<p>People</p>' } }, ...routes] })
  await router.push(path)
  wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await flushPromises()
}

beforeEach(() => {
  localStorage.clear()
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})

afterEach(() => {
  wrapper.unmount()
  vi.useRealTimers()
  document.body.innerHTML = ''
})

const input = () => document.querySelector<HTMLInputElement>('input[role="combobox"]')
const options = () => [...document.querySelectorAll<HTMLElement>('[role="option"]')]
const optionLabels = () => options().map((option) => option.querySelector('.palette__label')?.textContent)

function press(target: EventTarget, key: string, modifiers: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers }))
}

async function type(text: string): Promise<void> {
  const box = input()!
  box.value = text
  box.dispatchEvent(new Event('input', { bubbles: true }))
  await flushPromises()
}

async function openPalette(): Promise<void> {
  press(document.body, 'k', { ctrlKey: true })
  await flushPromises()
}

describe('the command palette', () => {
  it('opens with Ctrl+K or Cmd+K from anywhere, even from a text field, and from the top bar’s button', async () => {
    await mountApp('/activity')
    const field = document.body.appendChild(document.createElement('input'))
    field.focus()

    expect(input()).toBeNull()
    press(field, 'k', { ctrlKey: true })
    await flushPromises()
    expect(document.activeElement).toBe(input())

    press(input()!, 'Escape')
    await flushPromises()
    expect(input()).toBeNull()
    press(document.body, 'K', { metaKey: true })
    await flushPromises()
    expect(input()).not.toBeNull()

    press(input()!, 'Escape')
    await flushPromises()
    await wrapper.get('button.top-bar__palette').trigger('click')
    await flushPromises()
    expect(document.activeElement).toBe(input())
  })

  it('filters profiles and actions by what is typed', async () => {
    await mountApp()
    await openPalette()
    expect(optionLabels()).toEqual(['Cognito sandbox', 'Okta prod', 'Offboard…', 'Open People', 'Open Activity', 'Open Jobs', 'New profile', 'Verify journal', 'Use the light theme', 'Use the dark theme'])

    await type('okta')
    expect(optionLabels()).toEqual(['Okta prod'])
    await type('VERIFY')
    expect(optionLabels()).toEqual(['Verify journal'])
    await type('zzz')
    expect(document.body.textContent).toContain('Nothing matches “zzz”.')
  })

  it('moves with the arrows as a combobox says, and Enter goes where the option leads', async () => {
    await mountApp()
    await openPalette()
    await type('open')
    const box = input()!
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[0]!.id)
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true')

    press(box, 'ArrowDown')
    await flushPromises()
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[1]!.id)
    expect(optionLabels()[1]).toBe('Open Activity')
    press(box, 'Enter')
    await flushPromises()

    expect(router.currentRoute.value.path).toBe('/activity')
    expect(input()).toBeNull()
  })

  it('“Offboard…” opens People with its search to be focused', async () => {
    await mountApp()
    await openPalette()
    await type('offboard')
    press(input()!, 'Enter')
    await flushPromises()

    expect(router.currentRoute.value.fullPath).toBe('/people?focus=search')
  })

  it('finds a person in the profile set in use through the People search, and Enter opens their page', async () => {
    await mountApp(`/profiles/${oktaProd.id}`)
    await openPalette()
    await type('dana')
    vi.advanceTimersByTime(typingPauseMs)
    await flushPromises()

    expect(api.callsTo('people.search')).toEqual([{ search: 'dana', profileSet: 'real', searchKey: 'people-view' }])
    api.emit('people.results', { searchId: 'search-1', profileId: oktaProd.id, status: 'found', accounts: [account({})], truncated: false, searched: 'names', error: null })
    api.emit('people.results', { searchId: 'another-search', profileId: oktaProd.id, status: 'found', accounts: [account({ displayName: 'Someone else', email: 'x@example.com' })], truncated: false, searched: 'names', error: null })
    await flushPromises()

    expect(optionLabels()).toEqual(['Dana Lee'])
    expect(options()[0]!.textContent).toContain('dana.lee@example.com · Okta')
    press(input()!, 'Enter')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('person')
    expect(router.currentRoute.value.params).toEqual({ personKey: `${oktaProd.id}:00u1dana` })
    // The search is the People view's now: it is not cancelled, its results are what the person page shows.
    expect(api.callsTo('people.cancel')).toEqual([])
  })

  it('says when people cannot be searched, and still offers profiles and actions', async () => {
    await mountApp()
    api.answer('people.search', () => ({ ok: false, error: { code: 'unsupported', message: 'People search is not available yet.' } }))
    await openPalette()
    await type('new')
    vi.advanceTimersByTime(typingPauseMs)
    await flushPromises()

    expect(document.querySelector('.palette__status')?.textContent).toContain('Could not search people: People search is not available yet.')
    expect(optionLabels()).toEqual(['New profile'])
  })

  it('lists recent people first, kept by name only, the newest at the top', async () => {
    localStorage.setItem('lanyard.palette.recentPeople', JSON.stringify(['Zoe Quinn']))
    await mountApp()
    await openPalette()
    expect(optionLabels()[0]).toBe('Zoe Quinn')
    await type('da')
    vi.advanceTimersByTime(typingPauseMs)
    await flushPromises()
    api.emit('people.results', { searchId: 'search-1', profileId: oktaProd.id, status: 'found', accounts: [account({})], truncated: false, searched: 'names', error: null })
    await flushPromises()
    press(input()!, 'Enter')
    await flushPromises()

    await openPalette()
    expect(optionLabels().slice(0, 2)).toEqual(['Dana Lee', 'Zoe Quinn'])
    expect(document.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Recent people')
    expect(JSON.parse(localStorage.getItem('lanyard.palette.recentPeople')!)).toEqual(['Dana Lee', 'Zoe Quinn'])
  })

  it('closes on Escape and gives the focus back to where it was', async () => {
    await mountApp()
    const button = wrapper.get('button.top-bar__palette').element as HTMLButtonElement
    button.focus()
    await openPalette()
    expect(document.activeElement).toBe(input())

    press(input()!, 'Escape')
    await flushPromises()

    expect(input()).toBeNull()
    expect(document.activeElement).toBe(button)
  })
})
