// @vitest-environment happy-dom
import axios from 'axios'
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { findObjectType, getDescriptor } from '../../shared/catalogue'
import type { ConnectorId } from '../../shared/catalogue/types'
import { installApi } from '../../renderer/src/api/lanyardApi'
import { membershipSections } from '../../renderer/src/features/directory/detail/membershipRules'
import { routes } from '../../renderer/src/router'
import { useDirectoryListStore } from '../../renderer/src/stores/directoryList'
import { useDirectoryObjectStore } from '../../renderer/src/stores/directoryObject'
import { useProfilesStore } from '../../renderer/src/stores/profiles'
import { startCognitoSandbox } from '../../electron/sandbox/cognito/startCognitoSandbox'
import { startCoupaSandbox } from '../../electron/sandbox/coupa/startCoupaSandbox'
import { startGoToMeetingSandbox } from '../../electron/sandbox/gotomeeting/startGoToMeetingSandbox'
import { startOktaSandbox } from '../../electron/sandbox/okta/startOktaSandbox'
import type { RunningSandbox } from '../../electron/sandbox/types'
import { sandboxParameters } from '../../electron/services/sandboxProfiles'
import { afterTest, requestLog } from '../support/connectorHarness'
import { createTestServices } from '../support/createTestServices'
import { sandboxOwnAccount } from '../support/sandboxOwnAccounts'
import { createRecordingLogger } from '../support/recordingLogger'
import { useTemporaryDirectories } from '../support/temporaryDirectory'
import { button, mountConfirmation, openDialog, type Searchable } from '../renderer/directory/detail/detailFixtures'
import { expectedCounts, type CountedActions, type UserAction } from '../support/requestsPerActionTable'
import { createServicesApi } from './servicesApi'

/*
 * How many requests the sandbox tenant receives for each thing a person does in the renderer: the
 * real stores and views, over the real services (a `window.lanyard` that calls main's handlers and
 * relays main's events). Each number is counted by the tenant itself; the requests the HTTP client
 * logged name them when a count is off. A refresh that is missing or doubled changes a number.
 * The expected numbers are in test/support/requestsPerActionTable.ts; `npm run bench` runs this
 * file and prints what each test recorded in `task.meta` beside them.
 */

enableAutoUnmount(afterEach)
// Main's HTTP client runs here beside a DOM: axios would pick the browser's XMLHttpRequest (and CORS) over Node's http.
axios.defaults.adapter = 'http'
afterEach(() => {
  document.body.innerHTML = ''
})
const newDirectory = useTemporaryDirectories()

const starters: Record<ConnectorId, (options: { users: number }) => Promise<RunningSandbox>> = {
  okta: startOktaSandbox,
  cognito: startCognitoSandbox,
  coupa: startCoupaSandbox,
  gotomeeting: startGoToMeetingSandbox,
}

/** The user attribute each connector's edit changes (one the target lets Lanyard write), and its new value. */
const edit: Record<ConnectorId, { path: string; value: string }> = {
  okta: { path: 'name.givenName', value: 'Edited' },
  cognito: { path: 'phoneNumbers[0].value', value: '+15555550123' },
  coupa: { path: 'name.givenName', value: 'Edited' },
  gotomeeting: { path: 'name.givenName', value: 'Edited' },
}

async function openApp(connectorId: ConnectorId) {
  const tenant = await starters[connectorId]({ users: 20 })
  afterTest(() => tenant.close())
  const logger = createRecordingLogger()
  const bridge = createServicesApi()
  const services = await createTestServices(newDirectory(), { logger, onEvent: bridge.relay })
  afterTest(() => services.close())
  bridge.connect(services.handlers, logger)
  const { values, secrets } = sandboxParameters(connectorId, tenant.url, tenant.credentials)
  const profile = await services.handlers['profiles.create']({ connectorId, name: 'Sandbox', environment: 'sandbox', values, secrets })

  const pinia = createPinia()
  setActivePinia(pinia)
  installApi(bridge.api)
  await useProfilesStore().load()
  const router = createRouter({ history: createMemoryHistory(), routes })
  // The profiles page first: opening the users list is then the first thing counted.
  await router.push('/profiles')
  const wrapper = mount(defineComponent({ render: () => h(RouterView) }), { global: { plugins: [pinia, router] }, attachTo: document.body })
  const confirmation = mountConfirmation(pinia)
  await bridge.idle()
  const listPath = `/profiles/${profile.id}/users`

  const logged = requestLog(logger.lines, (fields) =>
    'attempt' in fields ? `${String(fields.method ?? fields.operation)} ${String(fields.path ?? '')}`.trim() : null,
  )
  const counted: CountedActions = {}
  /** Runs one user action to its end (every refresh it causes included) and counts what the tenant received. */
  async function count(action: UserAction, run: () => Promise<unknown>): Promise<void> {
    await bridge.idle()
    logged.mark()
    const before = tenant.requestCount()
    await run()
    await bridge.idle()
    await flushPromises()
    counted[action] = { count: tenant.requestCount() - before, requests: logged.requests() }
  }
  return { wrapper, confirmation, router, listPath, count, counted, ownAccount: sandboxOwnAccount(connectorId, tenant) }
}

/** Confirms the open confirmation, whatever its button says. */
async function confirm(confirmation: Searchable): Promise<void> {
  // A deprovision asks the target what to say first (a Coupa approver): the dialog opens once that answers.
  const dialog = await vi.waitFor(() => openDialog(confirmation))
  const choice = dialog
    .findAll('button')
    .find((candidate) => candidate.text().trim() !== 'Cancel')
  if (!choice) throw new Error('The confirmation has no button but Cancel.')
  await choice.trigger('click')
  await flushPromises()
}

/** The first user of the loaded first page that can be deprovisioned and changed: not the profile's own account, which is refused. */
function firstWritableActiveUser(ownAccount: string | null): { id: string; displayName: string } {
  const tables = Object.values(useDirectoryListStore().tables)
  const user = tables[0]?.items.find((item) => item.status?.active === true && item.readOnlyReason === null && item.id !== ownAccount)
  if (!user) throw new Error('The first page lists no active user.')
  return user
}

/** The ids the users table lists now. */
function listedIds(): string[] {
  return Object.values(useDirectoryListStore().tables)[0]?.items.map((item) => item.id) ?? []
}

/** Whether the detail panel and the table's row show the user as active. */
function shownActive(userId: string): { panel: boolean | undefined; row: boolean | undefined } {
  const row = Object.values(useDirectoryListStore().tables)[0]?.items.find((item) => item.id === userId)
  return { panel: useDirectoryObjectStore().current?.status?.active, row: row?.status?.active }
}

/** Whether a user's panel offers to add or remove any membership, as the descriptor declares. */
function changesMemberships(connectorId: ConnectorId): boolean {
  const descriptor = getDescriptor(connectorId)
  const users = findObjectType(descriptor, 'users')
  return users !== undefined && membershipSections(descriptor, users).some((section) => section.changeHere)
}

/** Opens the picker of the first membership section that can add; returns the section's selector (ids repeat across Coupa's sections). */
async function openFirstPicker(wrapper: VueWrapper): Promise<string> {
  const add = wrapper.findAll('.memberships button').find((candidate) => /^Add to /.test(candidate.text()) && candidate.attributes('disabled') === undefined)
  if (!add) throw new Error('No membership section offers Add.')
  const section = add.element.closest('.memberships')?.getAttribute('data-section')
  await add.trigger('click')
  return `.memberships[data-section="${section}"]`
}

describe('requests the sandbox tenant receives per user action', () => {
  for (const connectorId of Object.keys(starters) as ConnectorId[]) {
    it(`${connectorId}: open the users list, search a name, open a user, deprovision, undo, add and remove a membership, edit, an account action`, async ({ task }) => {
      const { wrapper, confirmation, router, listPath, count, counted, ownAccount } = await openApp(connectorId)
      await count('open the users list', () => router.push(listPath))
      const { id: userId, displayName } = firstWritableActiveUser(ownAccount)
      await count('search a name', async () => {
        // The search leaves at once (count() waits for its answer).
        await wrapper.find('input[type="search"]').setValue(displayName)
      })
      expect(listedIds(), `the search for "${displayName}" lists them`).toContain(userId)

      await count('open', () => router.push(`${listPath}/${encodeURIComponent(userId)}`))
      await count('deprovision', async () => {
        await button(wrapper, 'Deprovision…').trigger('click')
        await confirm(confirmation)
      })
      // The one read after the change reached both views: the panel and the table's row.
      expect(shownActive(userId)).toEqual({ panel: false, row: false })
      await count('undo', async () => {
        await button(wrapper, 'Undo deprovision…').trigger('click')
        await confirm(confirmation)
      })
      expect(shownActive(userId)).toEqual({ panel: true, row: true })
      // GoToMeeting changes no membership from Lanyard (its descriptor says so): those steps are not offered.
      if (changesMemberships(connectorId)) {
        let section = ''
        await count('search groups to add', async () => {
          section = await openFirstPicker(wrapper)
        })
        let added = ''
        await count('add membership', async () => {
          const choice = wrapper.findAll('.picker__choice').find((candidate) => candidate.attributes('disabled') === undefined)
          added = choice?.attributes('data-id') ?? ''
          await choice?.trigger('click')
          await wrapper.find(`${section} .picker__add`).trigger('click')
          await confirm(confirmation)
        })
        const listed = () => wrapper.find(`${section} .membership[data-id="${added}"]`).exists()
        expect(listed(), 'the added group is listed').toBe(true)
        await count('remove membership', async () => {
          await wrapper.find(`${section} .membership[data-id="${added}"] .membership__remove`).trigger('click')
          await confirm(confirmation)
        })
        expect(listed(), 'the removed group is gone').toBe(false)
      }
      await count('edit', async () => {
        await button(wrapper, 'Edit').trigger('click')
        await wrapper.find(`.attribute-field[data-path="${edit[connectorId].path}"] input`).setValue(edit[connectorId].value)
        await wrapper.find('form.edit-form').trigger('submit')
        await flushPromises()
        await confirm(confirmation)
      })
      expect(wrapper.find(`.attribute[data-path="${edit[connectorId].path}"] dd`).text()).toBe(edit[connectorId].value)
      const accountAction = wrapper.find('.account-actions button')
      if (accountAction.exists()) {
        await count('account action', async () => {
          await accountAction.trigger('click')
          await confirm(confirmation)
        })
      }

      task.meta.requestsPerAction = { connectorId, actions: counted }
      const counts = Object.fromEntries(Object.entries(counted).map(([action, { count }]) => [action, count]))
      expect(counts, JSON.stringify(counted, null, 2)).toEqual(expectedCounts(connectorId))
    })
  }
})
