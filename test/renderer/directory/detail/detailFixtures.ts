import { flushPromises, mount, type DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import type { DirectoryObject, DirectoryPage } from '../../../../shared/directory'
import type { Result } from '../../../../shared/errors'
import type { JournalEntry } from '../../../../shared/journal'
import type { ProfileView } from '../../../../shared/profiles'
import { installApi } from '../../../../renderer/src/api/lanyardApi'
import ObjectDetailPanel from '../../../../renderer/src/features/directory/detail/ObjectDetailPanel.vue'
import { routes } from '../../../../renderer/src/router'
import AppConfirmation from '../../../../renderer/src/shell/AppConfirmation.vue'
import { createFakeLanyardApi, profileView, type FakeAnswers, type FakeLanyardApi } from '../../support/fakeLanyardApi'

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function adaLovelace(overrides: Partial<DirectoryObject> = {}): DirectoryObject {
  return {
    id: '00u1ada',
    objectType: 'users',
    displayName: 'Ada Lovelace',
    secondary: 'ada.lovelace@example.com',
    status: { label: 'ACTIVE', tone: 'ok', active: true },
    readOnlyReason: null,
    attributes: {
      id: '00u1ada',
      userName: 'ada.lovelace@example.com',
      'name.givenName': 'Ada',
      'name.familyName': 'Lovelace',
      'emails.value': 'ada.lovelace@example.com',
      title: 'Analyst',
      'Extension.Department': 'Engines',
      'Extension.Custom.languages': '[English;;French]',
      active: true,
      'meta.created': '2024-03-01T09:00:00.000Z',
    },
    ...overrides,
  }
}

export function suspendedAda(): DirectoryObject {
  return adaLovelace({ status: { label: 'SUSPENDED', tone: 'warning', active: false } })
}

export function group(id: string, name: string, readOnlyReason: string | null = null): DirectoryObject {
  return {
    id,
    objectType: 'groups',
    displayName: name,
    secondary: readOnlyReason ? 'APP_GROUP' : 'OKTA_GROUP',
    status: null,
    readOnlyReason,
    attributes: { id, displayName: name },
  }
}

export function page(items: DirectoryObject[], nextCursor: string | null = null): DirectoryPage {
  return { items, nextCursor, total: null }
}

export function deprovisionEntry(overrides: Partial<JournalEntry> = {}): JournalEntry {
  return {
    id: 'entry-7',
    time: '2026-11-20T10:00:00.000Z',
    actor: 'helpdesk',
    action: 'deprovision',
    profileId: '',
    profileName: 'Okta sandbox',
    connectorId: 'okta',
    target: { objectType: 'users', id: '00u1ada', name: 'Ada Lovelace' },
    related: null,
    summary: 'Suspended Ada Lovelace and kept her 2 groups on record',
    changes: [{ attribute: 'active', before: true, after: false }],
    recorded: { status: 'ACTIVE', groups: ['Engineering', 'London office'] },
    outcome: { status: 'applied', time: '2026-11-20T10:00:01.000Z', message: 'Done', steps: [], reconciled: false, details: {} },
    undo: { available: true, reason: null, undoneBy: null },
    undoOf: null,
    completion: null,
    completes: null,
    operationId: null,
    ...overrides,
  }
}

export interface PanelSetup {
  api: FakeLanyardApi
  pinia: Pinia
  /** The app's routes over memory history: membership names link to their own panels. */
  router: Router
  profile: ProfileView
  wrapper: VueWrapper
  /** The app's one confirmation dialog, where the panel's questions appear. */
  confirmation: VueWrapper
}

/** The app-wide confirmation dialog on `pinia`, as App.vue renders it beside every view. */
export function mountConfirmation(pinia: Pinia): VueWrapper {
  return mount(AppConfirmation, { global: { plugins: [pinia] }, attachTo: document.body })
}

/**
 * Mounts the detail panel, with the app's confirmation dialog beside it, on a fresh Pinia with a
 * fake api answering the reads the panel makes.
 */
export async function mountPanel(
  options: { object?: DirectoryObject; objectTypeId?: string; profile?: Partial<ProfileView>; answers?: FakeAnswers } = {},
): Promise<PanelSetup> {
  const object = options.object ?? adaLovelace()
  const profile = profileView({ name: 'Okta sandbox', ...options.profile })
  const api = createFakeLanyardApi({
    'directory.get': () => ok(object),
    'directory.groupsOf': () => ok(page([group('00g1', 'Engineering'), group('00g2', 'London office')])),
    'directory.members': () => ok(page([adaLovelace()])),
    'journal.undoableFor': () => ok(null),
    'journal.unsettledFor': () => ok(null),
    'directory.checkDeprovision': () => ok({ warnings: [] }),
    ...options.answers,
  })
  installApi(api)
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes })
  const wrapper = mount(ObjectDetailPanel, {
    props: { profile, objectTypeId: options.objectTypeId ?? object.objectType, objectId: object.id },
    global: { plugins: [pinia, router] },
    attachTo: document.body,
  })
  const confirmation = mountConfirmation(pinia)
  await flushPromises()
  return { api, pinia, router, profile, wrapper, confirmation }
}

/** A component or an element that can be searched. */
export interface Searchable {
  findAll(selector: string): DOMWrapper<Element>[]
}

export function button(wrapper: Searchable, text: string): DOMWrapper<Element> {
  const found = wrapper.findAll('button').find((candidate) => candidate.text().trim() === text)
  if (!found) throw new Error(`No button "${text}" in: ${wrapper.findAll('button').map((b) => b.text()).join(' | ')}`)
  return found
}

/** The open confirmation dialog (the native <dialog> with content), found in the `AppConfirmation` wrapper. */
export function openDialog(confirmation: Searchable): DOMWrapper<Element> {
  const dialog = confirmation.findAll('dialog').find((candidate) => candidate.find('.modal__content').exists())
  if (!dialog) throw new Error('No confirmation dialog is open.')
  return dialog
}

export async function confirmDialog(confirmation: Searchable, label: string): Promise<void> {
  await button(openDialog(confirmation), label).trigger('click')
  await flushPromises()
}
