import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router'
import { installApi } from '../../../renderer/src/api/lanyardApi'
import { typingPauseMs } from '../../../renderer/src/components/typingPause'
import App from '../../../renderer/src/App.vue'
import { routes } from '../../../renderer/src/router'
import { useProfilesStore } from '../../../renderer/src/stores/profiles'
import type { ProfileView } from '../../../shared/profiles'
import { peopleProfiles } from '../../support/personAccounts'
import { createFakeLanyardApi, profileView, type FakeLanyardApi } from '../support/fakeLanyardApi'
import { installFakePeopleMain, type FakePeopleMain, type ProfileAnswer } from '../support/fakePeopleMain'

/** The four sandbox profiles the account fixtures name. */
export const sandboxProfiles: ProfileView[] = Object.values(peopleProfiles).map((profile) =>
  profileView({ id: profile.profileId, name: profile.profileName, connectorId: profile.connectorId, environment: 'sandbox' }),
)

export interface MountedPeople {
  wrapper: VueWrapper
  router: Router
  api: FakeLanyardApi
  main: FakePeopleMain
}

/**
 * The real routes at `path` (the People view unless told) over a fake api whose People service
 * answers per profile from `answers`; the profiles listed in `autoAnswer` answer by themselves.
 * `profilesLoaded: false` opens the view before the profiles arrive, as at a cold start; `shell: true`
 * mounts the whole app (sidebar, top bar, command palette) around the routes.
 * Call with fake timers (`setTimeout`) on: typing waits for a pause.
 */
export async function mountPeople(
  answers: Record<string, ProfileAnswer>,
  options: { profiles?: ProfileView[]; autoAnswer?: string[]; path?: string; profilesLoaded?: boolean; shell?: boolean } = {},
): Promise<MountedPeople> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const profiles = options.profiles ?? sandboxProfiles
  const api = createFakeLanyardApi({
    'profiles.list': () => ({ ok: true, value: profiles }),
    'directory.groupsOf': () => ({ ok: true, value: { items: [], nextCursor: null, total: 3 } }),
  })
  const main = installFakePeopleMain(api, profiles, answers, { autoAnswer: options.autoAnswer ?? [] })
  installApi(api)
  if (options.profilesLoaded !== false) await useProfilesStore().load()
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(options.path ?? '/people')
  const root = options.shell ? App : defineComponent({ render: () => h(RouterView) })
  const wrapper = mount(root, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router, api, main }
}

/** Lets every timer and promise run: the typing pause, the search, profiles that answer by themselves. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await vi.advanceTimersByTimeAsync(typingPauseMs)
    await flushPromises()
  }
}

export async function typeSearch(wrapper: VueWrapper, text: string): Promise<void> {
  await wrapper.get('#people-search').setValue(text)
  await settle()
}

/** The text of each person card's accounts: application and the reason it was grouped. */
export function cardRows(wrapper: VueWrapper): string[][] {
  return wrapper.findAll('.person-card').map((card) => card.findAll('tbody tr').map((row) => row.findAll('td').map((cell) => cell.text()).join(' | ')))
}
