// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import App from '../../../renderer/src/App.vue'
import { installApi } from '../../../renderer/src/api/lanyardApi'
import { routes } from '../../../renderer/src/router'
import { createFakeLanyardApi, profileView } from '../support/fakeLanyardApi'

let wrapper: VueWrapper | undefined
let router: Router
let osDark = false
let osListeners: ((event: { matches: boolean }) => void)[] = []

/** The OS's colour scheme, as `matchMedia('(prefers-color-scheme: dark)')` reports it, and its changes. */
function setOsScheme(dark: boolean): void {
  osDark = dark
  for (const listener of osListeners) listener({ matches: dark })
}

/** The whole app, as a fresh start (a restart keeps localStorage). */
async function startApp(): Promise<void> {
  wrapper?.unmount()
  document.body.innerHTML = ''
  delete document.documentElement.dataset.theme
  const pinia = createPinia()
  setActivePinia(pinia)
  installApi(createFakeLanyardApi({ 'profiles.list': () => ({ ok: true, value: [profileView({ name: 'Okta prod' })] }) }))
  router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/people', component: { template: '<p>People</p>' } }, ...routes] })
  await router.push('/activity')
  wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await flushPromises()
}

const shownTheme = () => document.documentElement.dataset.theme
const themeSelect = () => document.querySelector<HTMLSelectElement>('select[aria-label="Theme"]')!

beforeEach(() => {
  localStorage.clear()
  osDark = false
  osListeners = []
  vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => {
    expect(query).toBe('(prefers-color-scheme: dark)')
    return {
      get matches() {
        return osDark
      },
      addEventListener: (_type: string, listener: (event: { matches: boolean }) => void) => osListeners.push(listener),
    } as unknown as MediaQueryList
  })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('the theme', () => {
  it('follows the OS by default, also when the OS changes its scheme while the app is open', async () => {
    setOsScheme(true)
    await startApp()
    expect(shownTheme()).toBe('dark')
    expect(themeSelect().value).toBe('system')

    setOsScheme(false)
    await flushPromises()
    expect(shownTheme()).toBe('light')
  })

  it('is chosen in the top bar (System, Light, Dark) and kept across a restart, whatever the OS says', async () => {
    await startApp()
    expect([...themeSelect().options].map((option) => option.textContent?.trim())).toEqual(['System', 'Light', 'Dark'])
    themeSelect().value = 'dark'
    themeSelect().dispatchEvent(new Event('change'))
    await flushPromises()
    expect(shownTheme()).toBe('dark')

    await startApp()
    expect(shownTheme()).toBe('dark')
    expect(themeSelect().value).toBe('dark')
    setOsScheme(false)
    await flushPromises()
    expect(shownTheme()).toBe('dark')
  })

  it('is reached from the command palette too: the other two choices are actions', async () => {
    await startApp()
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true }))
    await flushPromises()
    const box = document.querySelector<HTMLInputElement>('input[role="combobox"]')!
    box.value = 'theme'
    box.dispatchEvent(new Event('input', { bubbles: true }))
    await flushPromises()
    const labels = [...document.querySelectorAll('[role="option"] .palette__label')].map((label) => label.textContent)
    expect(labels).toEqual(['Use the light theme', 'Use the dark theme'])

    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }))
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    await flushPromises()
    expect(shownTheme()).toBe('dark')
    expect(themeSelect().value).toBe('dark')

    await startApp()
    expect(shownTheme()).toBe('dark')
  })

  it('falls back to System when the stored choice is not one it knows', async () => {
    localStorage.setItem('lanyard.ui.theme', 'purple')
    setOsScheme(true)
    await startApp()
    expect(shownTheme()).toBe('dark')
    expect(themeSelect().value).toBe('system')
  })
})

describe('the skip link', () => {
  it('comes before the sidebar, and takes the focus past it to the page without changing the route', async () => {
    await startApp()
    const focusable = document.querySelectorAll<HTMLElement>('a[href], button, input, select')
    const skip = focusable[0]!
    expect(skip.textContent?.trim()).toBe('Skip to content')
    expect(skip.compareDocumentPosition(document.querySelector('nav[aria-label="Main"]')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()

    skip.click()
    await flushPromises()
    expect(document.activeElement).toBe(document.querySelector('main'))
    expect(router.currentRoute.value.path).toBe('/activity')
  })
})
