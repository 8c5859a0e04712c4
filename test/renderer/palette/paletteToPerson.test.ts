// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { groupPeople } from '../../../shared/personGrouping'
import { danaLee, peopleProfiles, personAccount } from '../../support/personAccounts'
import { profileView } from '../support/fakeLanyardApi'
import { cardRows, mountPeople, sandboxProfiles, settle } from '../people/mountPeople'

/**
 * The palette finds people through the People store: one search serves the palette, the person
 * page it jumps to and the People view behind it.
 */
const { okta, cognito, coupa, gotomeeting } = peopleProfiles
const [danaOkta, danaCognito, danaCoupa, danaGoto] = danaLee()
const danaRuiz = personAccount('coupa', { userId: '77', displayName: 'Dana Ruiz', userName: 'druiz', email: 'dana.ruiz@acme.example' })
const answers = {
  [okta.profileId]: [danaOkta],
  [cognito.profileId]: [danaCognito],
  [coupa.profileId]: [danaCoupa, danaRuiz],
  [gotomeeting.profileId]: [danaGoto],
}
const everyProfile = Object.values(peopleProfiles).map((profile) => profile.profileId)
const danaKey = groupPeople(danaLee())[0]!.key

beforeEach(() => {
  localStorage.clear()
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
enableAutoUnmount(afterEach)
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

const paletteBox = () => document.querySelector<HTMLInputElement>('input[role="combobox"]')
const optionsIn = (group: string) => [...document.querySelectorAll<HTMLElement>(`[role="group"][aria-label="${group}"] [role="option"]`)]
const labelsIn = (group: string) => optionsIn(group).map((option) => option.querySelector('.palette__label')?.textContent)
const optionLabels = () => [...document.querySelectorAll('[role="option"] .palette__label')].map((label) => label.textContent)

function press(target: EventTarget, key: string, modifiers: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers }))
}

async function openPalette(): Promise<void> {
  press(document.body, 'k', { ctrlKey: true })
  await flushPromises()
}

async function typeInPalette(text: string): Promise<void> {
  const box = paletteBox()!
  box.value = text
  box.dispatchEvent(new Event('input', { bubbles: true }))
  await settle()
}

/** Moves the palette's active option to the one labelled `label`, then presses Enter. */
async function enterOn(label: string): Promise<void> {
  const at = optionLabels().indexOf(label)
  expect(at, `no option “${label}” in ${optionLabels().join(', ')}`).toBeGreaterThanOrEqual(0)
  for (let step = 0; step < at; step++) press(paletteBox()!, 'ArrowDown')
  await flushPromises()
  press(paletteBox()!, 'Enter')
  await settle()
}

describe('the palette finds people through the People store', () => {
  it('Ctrl+K, a name, Enter on the person: one search, the person page, and People shows the same results', async () => {
    const { wrapper, api, router } = await mountPeople(answers, { shell: true, path: '/profiles', autoAnswer: everyProfile })

    await openPalette()
    await typeInPalette('dana')
    expect(labelsIn('People')).toEqual(['Dana Lee', 'Dana Ruiz'])
    expect(optionsIn('People')[0]!.textContent).toContain('dana.lee@acme.example · AWS Cognito, Coupa, GoToMeeting, Okta')
    await enterOn('Dana Lee')

    expect(api.callsTo('people.search')).toEqual([{ search: 'dana', profileSet: 'sandbox', searchKey: 'people-view' }])
    expect(router.currentRoute.value.name).toBe('person')
    expect(router.currentRoute.value.params).toEqual({ personKey: danaKey })
    expect(wrapper.get('h1').text()).toContain('Dana Lee')
    expect(wrapper.text()).not.toContain('no longer in the results')
    expect(paletteBox()).toBeNull()

    await wrapper.get('a.person__back').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/people')
    expect((wrapper.get('#people-search').element as HTMLInputElement).value).toBe('dana')
    expect(cardRows(wrapper).map((rows) => rows.length)).toEqual([4, 1])
    expect(api.callsTo('people.search')).toHaveLength(1)
  })

  it('lists recent people first; a recent person still in the results opens without searching again', async () => {
    localStorage.setItem('lanyard.palette.recentPeople', JSON.stringify(['Zoe Quinn']))
    const { api, router } = await mountPeople(answers, { shell: true, path: '/profiles', autoAnswer: everyProfile })
    await openPalette()
    await typeInPalette('dana')
    await enterOn('Dana Ruiz')
    await router.push('/profiles')
    await settle()

    await openPalette()
    expect(labelsIn('Recent people')).toEqual(['Dana Ruiz', 'Zoe Quinn'])
    expect(optionLabels().slice(0, 2)).toEqual(['Dana Ruiz', 'Zoe Quinn'])
    await enterOn('Dana Ruiz')

    expect(router.currentRoute.value.params).toEqual({ personKey: `${coupa.profileId}:77` })
    expect(api.callsTo('people.search')).toHaveLength(1)
  })

  it('a recent person not in the results is searched once by name, and People shows who was found', async () => {
    localStorage.setItem('lanyard.palette.recentPeople', JSON.stringify(['Dana Lee']))
    const { wrapper, api, router } = await mountPeople(answers, { shell: true, path: '/profiles', autoAnswer: everyProfile })
    await openPalette()
    await enterOn('Dana Lee')

    expect(api.callsTo('people.search')).toEqual([{ search: 'Dana Lee', profileSet: 'sandbox', searchKey: 'people-view' }])
    expect(router.currentRoute.value.path).toBe('/people')
    expect((wrapper.get('#people-search').element as HTMLInputElement).value).toBe('Dana Lee')
    expect(cardRows(wrapper).map((rows) => rows.length)).toEqual([4])
  })

  it('typing in the palette over the People view shows the palette’s search in the view, without a search of its own', async () => {
    const { wrapper, api } = await mountPeople(answers, { shell: true, autoAnswer: everyProfile })
    await openPalette()
    await typeInPalette('ruiz')
    press(paletteBox()!, 'Escape')
    await settle()

    expect((wrapper.get('#people-search').element as HTMLInputElement).value).toBe('ruiz')
    expect(cardRows(wrapper).map((rows) => rows.length)).toEqual([1])
    expect(api.callsTo('people.search')).toEqual([{ search: 'ruiz', profileSet: 'sandbox', searchKey: 'people-view' }])
  })

  it('searches the set of the profile open behind it, and People then shows that set', async () => {
    const oktaProd = profileView({ name: 'Okta prod', environment: 'real' })
    const { wrapper, api, router } = await mountPeople(answers, { shell: true, profiles: [oktaProd, ...sandboxProfiles], path: `/profiles/${okta.profileId}`, autoAnswer: everyProfile })
    await openPalette()
    await typeInPalette('ruiz')
    await enterOn('Dana Ruiz')
    await router.push('/people')
    await settle()

    expect(api.callsTo('people.search')).toEqual([{ search: 'ruiz', profileSet: 'sandbox', searchKey: 'people-view' }])
    expect(wrapper.get('input[name="people-set"][value="sandbox"]').element).toHaveProperty('checked', true)
    expect(cardRows(wrapper).map((rows) => rows.length)).toEqual([1])
  })
})
