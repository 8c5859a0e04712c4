import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { installApi } from '../../../../renderer/src/api/lanyardApi'
import { routes } from '../../../../renderer/src/router'
import { useProfilesStore } from '../../../../renderer/src/stores/profiles'
import type { CallInput } from '../../../../shared/contract'
import type { DirectoryObject, DirectoryPage } from '../../../../shared/directory'
import type { Result } from '../../../../shared/errors'
import type { ProfileView } from '../../../../shared/profiles'
import { createFakeLanyardApi, type FakeAnswers, type FakeLanyardApi } from '../../support/fakeLanyardApi'

/** Users named `User 0`, `User 1`… with ids `u0`, `u1`…; `from` continues a numbering. */
export function users(count: number, from = 0): DirectoryObject[] {
  return Array.from({ length: count }, (_, offset) => {
    const number = from + offset
    return {
      id: `u${number}`,
      objectType: 'users',
      displayName: `User ${number}`,
      secondary: `user${number}@example.com`,
      status: { label: 'ACTIVE', tone: 'ok', active: true },
      attributes: {},
      readOnlyReason: null,
    }
  })
}

export function page(items: DirectoryObject[], nextCursor: string | null = null, total: number | null = null): Result<DirectoryPage> {
  return { ok: true, value: { items, nextCursor, total } }
}

/**
 * An endless target: a first page of `firstPage` users, then as many as each call asks for
 * (`pageSize`), numbered on; the cursor is the number of the next user.
 */
export function endlessUsers(firstPage = 100) {
  return (input: CallInput<'directory.list'>): Result<DirectoryPage> => {
    const from = input.cursor ? Number(input.cursor) : 0
    const count = input.cursor ? (input.pageSize ?? firstPage) : firstPage
    return page(users(count, from), String(from + count))
  }
}

export interface Deferred<T> {
  promise: Promise<T>
  resolve(value: T): void
}

export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined
  const promise = new Promise<T>((settle) => {
    resolve = settle
  })
  return { promise, resolve }
}

export interface MountedPage {
  wrapper: ReturnType<typeof mount>
  router: ReturnType<typeof createRouter>
  api: FakeLanyardApi
  pinia: Pinia
}

/**
 * The real routes and the real profile page at `path`, over a fake api holding `profile`. The
 * detail and create panels are stubbed: they are another helper's, and here only their hosting
 * (props, events) matters.
 */
export async function mountAt(path: string, profile: ProfileView, answers: FakeAnswers = {}): Promise<MountedPage> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const api = createFakeLanyardApi({ 'profiles.list': () => ({ ok: true, value: [profile] }), ...answers })
  installApi(api)
  await useProfilesStore().load()
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  const root = defineComponent({ render: () => h(RouterView) })
  const wrapper = mount(root, {
    global: { plugins: [pinia, router], stubs: { ObjectDetailPanel: true, CreateObjectPanel: true } },
    attachTo: document.body,
  })
  await flushPromises()
  return { wrapper, router, api, pinia }
}

export function listCalls(api: FakeLanyardApi): { search?: string; cursor?: string | null; requestKey?: string }[] {
  return api.callsTo('directory.list') as { search?: string; cursor?: string | null; requestKey?: string }[]
}

export function renderedNames(wrapper: MountedPage['wrapper']): string[] {
  return wrapper.findAll('[role="row"][data-id]').map((row) => row.find('[role="gridcell"]').text())
}

export async function scrollTo(wrapper: MountedPage['wrapper'], top: number): Promise<void> {
  const scroller = wrapper.find('.grid__scroller')
  ;(scroller.element as HTMLElement).scrollTop = top
  await scroller.trigger('scroll')
  await flushPromises()
}

export function pressKey(key: string, target: EventTarget = document.body): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
  target.dispatchEvent(event)
  return event
}
