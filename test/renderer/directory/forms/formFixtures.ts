import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { ConnectorId } from '../../../../shared/catalogue'
import type { DirectoryObject } from '../../../../shared/directory'
import type { ProfileView } from '../../../../shared/profiles'
import { installApi } from '../../../../renderer/src/api/lanyardApi'
import CreateObjectPanel from '../../../../renderer/src/features/directory/forms/CreateObjectPanel.vue'
import { createFakeLanyardApi, profileView, type FakeAnswers, type FakeLanyardApi } from '../../support/fakeLanyardApi'
import { mountConfirmation, ok } from '../detail/detailFixtures'

export { completionEntry, partialCreateEntry } from '../../activity/journalEntries'

export interface CreateSetup {
  api: FakeLanyardApi
  pinia: Pinia
  profile: ProfileView
  wrapper: VueWrapper
  confirmation: VueWrapper
}

/** The create panel of `connectorId`, the app's confirmation beside it; `directory.checkCreate` finds nothing unless told. */
export function mountCreatePanel(connectorId: ConnectorId, answers: FakeAnswers = {}, objectTypeId = 'users'): CreateSetup {
  const api = createFakeLanyardApi({ 'directory.checkCreate': () => ok({ warnings: [] }), ...answers })
  installApi(api)
  const pinia = createPinia()
  setActivePinia(pinia)
  const profile = profileView({ connectorId, name: `${connectorId} sandbox` })
  const wrapper = mount(CreateObjectPanel, { props: { profile, objectTypeId }, global: { plugins: [pinia] }, attachTo: document.body })
  const confirmation = mountConfirmation(pinia)
  return { api, pinia, profile, wrapper, confirmation }
}

export function cognitoUser(id: string, overrides: Partial<DirectoryObject> = {}): DirectoryObject {
  return {
    id,
    objectType: 'users',
    displayName: id,
    secondary: `${id}@example.com`,
    status: { label: 'CONFIRMED', tone: 'ok', active: true },
    readOnlyReason: null,
    attributes: { id, userName: id, displayName: id, 'emails[0].value': `${id}@example.com` },
    ...overrides,
  }
}
