// @vitest-environment happy-dom
import axios from 'axios'
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
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
import { createRecordingLogger } from '../support/recordingLogger'
import { useTemporaryDirectories } from '../support/temporaryDirectory'
import { button, mountConfirmation, openDialog, type Searchable } from '../renderer/directory/detail/detailFixtures'
import { createServicesApi } from './servicesApi'

/*
 * How many requests the sandbox tenant receives for each thing a person does in the renderer: the
 * real stores and views, over the real services (a `window.lanyard` that calls main's handlers and
 * relays main's events). Each number is counted by the tenant itself; the requests the HTTP client
 * logged name them when a count is off. A refresh that is missing or doubled changes a number.
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
  const listPath = `/profiles/${profile.id}/users`
  await router.push(listPath)
  const wrapper = mount(defineComponent({ render: () => h(RouterView) }), { global: { plugins: [pinia, router] }, attachTo: document.body })
  const confirmation = mountConfirmation(pinia)
  await bridge.idle()

  const logged = requestLog(logger.lines, (fields) =>
    'attempt' in fields ? `${String(fields.method ?? fields.operation)} ${String(fields.path ?? '')}`.trim() : null,
  )
  const seen: Record<string, string[]> = {}
  const counts: Record<string, number> = {}
  /** Runs one user action to its end (every refresh it causes included) and counts what the tenant received. */
  async function count(action: string, run: () => Promise<unknown>): Promise<void> {
    await bridge.idle()
    logged.mark()
    const before = tenant.requestCount()
    await run()
    await bridge.idle()
    await flushPromises()
    counts[action] = tenant.requestCount() - before
    seen[action] = logged.requests()
  }
  return { wrapper, confirmation, router, listPath, count, counts, seen }
}

/** Confirms the open confirmation, whatever its button says. */
async function confirm(confirmation: Searchable): Promise<void> {
  await flushPromises()
  const choice = openDialog(confirmation)
    .findAll('button')
    .find((candidate) => candidate.text().trim() !== 'Cancel')
  if (!choice) throw new Error('The confirmation has no button but Cancel.')
  await choice.trigger('click')
  await flushPromises()
}

/** The first user of the loaded first page that can be deprovisioned and changed. */
function firstWritableActiveUser(): string {
  const tables = Object.values(useDirectoryListStore().tables)
  const user = tables[0]?.items.find((item) => item.status?.active === true && item.readOnlyReason === null)
  if (!user) throw new Error('The first page lists no active user.')
  return user.id
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

/*
 * What each action costs at the tenant, in the order the test does them. The renderer's share of
 * every change is the same: main reports it (`directory.changed`) and the open user is read once
 * for both the panel and its table row, and each of the panel's membership lists once. The rest is
 * main's own work (the directory's reads before a change, the adapter's steps, undo's read back),
 * which no renderer change can lower. Before one refresh path, Okta's deprovision cost 9 and each
 * membership change 9: the action's own refresh, the panel's two listeners and the table's listener
 * each read the user (and the first three its groups) again.
 */
const expected: Record<ConnectorId, Record<string, number>> = {
  okta: {
    // The panel reads the user (GET /users/{id}) and its groups (GET /users/{id}/groups); the table already holds the row.
    open: 2,
    // Main: the user and their groups for the journal's snapshot, POST …/lifecycle/suspend (3). Renderer: the user, their groups (2).
    deprovision: 5,
    // Main: the user and groups before, POST …/lifecycle/unsuspend, the user and groups read back to compare (5). Renderer: 2.
    undo: 7,
    // The picker's first page: GET /groups.
    'search groups to add': 1,
    // Main: the group and the user (the journal names both), the adapter's own read of the group's type, PUT …/users/{id} (4).
    // Renderer: the user and their groups (2); the groups tab is not loaded, so the group itself is not read again.
    'add membership': 6,
    // Main: as for add, with DELETE (4). Renderer: 2.
    'remove membership': 6,
    // Main: the user (to diff and journal), POST /users/{id} (2). Renderer: the user, their groups (2).
    edit: 4,
  },
  cognito: {
    // AdminGetUser, AdminListGroupsForUser.
    open: 2,
    // Main: AdminGetUser and AdminListGroupsForUser for the snapshot, AdminDisableUser, AdminUserGlobalSignOut (4). Renderer: 2.
    deprovision: 6,
    // Main: AdminGetUser and AdminListGroupsForUser before, AdminEnableUser, both read back to compare (5). Renderer: 2.
    undo: 7,
    // ListGroups.
    'search groups to add': 1,
    // Main: GetGroup and AdminGetUser (journal), AdminListGroupsForUser (the adapter checks the user is not in it yet), AdminAddUserToGroup (4). Renderer: 2.
    'add membership': 6,
    // Main: GetGroup, AdminGetUser, AdminRemoveUserFromGroup (3). Renderer: 2.
    'remove membership': 5,
    // Main: AdminGetUser (diff and journal), the adapter's AdminGetUser before writing, AdminUpdateUserAttributes, AdminGetUser read back (4). Renderer: 2.
    edit: 6,
  },
  coupa: {
    // The panel reads the user once for itself and once for each of its four membership lists (content groups, roles,
    // approval groups, account groups): Coupa keeps them all in the user record (GET /api/users/{id}, 5 times).
    open: 5,
    // Main: GET the user for the snapshot, PUT the user deactivated (2). Renderer: the user and its four lists (5).
    deprovision: 7,
    // Main: GET the user, PUT it back, GET to compare (3). Renderer: 5.
    undo: 8,
    // GET /api/business_groups: the first section that can add (content groups).
    'search groups to add': 1,
    // Main: GET the group and the user (journal), PUT …/business_groups/{id}/add (3). Renderer: 5.
    'add membership': 8,
    // Main: as for add, with …/remove (3). Renderer: 5.
    'remove membership': 8,
    // Main: GET the user (diff and journal), the adapter's GET before writing, PUT, GET read back (4). Renderer: 5.
    edit: 9,
  },
  gotomeeting: {
    // The user (GET /users/{key}), and for its group list the user again and its group (GET /groups/{key}).
    open: 3,
    // Main: GET the user and the licences for the snapshot, PUT to deactivate, PUT to take the licences (4). Renderer: 3.
    deprovision: 7,
    // Main: GET the user, two PUTs back, GET the user and the licences to compare (5). Renderer: 3.
    undo: 8,
    // Main: GET the user (diff and journal), PUT, GET read back (3). Renderer: 3.
    edit: 6,
  },
}

describe('requests the sandbox tenant receives per user action', () => {
  for (const connectorId of Object.keys(starters) as ConnectorId[]) {
    it(`${connectorId}: open a user, deprovision, undo, add and remove a membership, edit`, async () => {
      const { wrapper, confirmation, router, listPath, count, counts, seen } = await openApp(connectorId)
      const userId = firstWritableActiveUser()

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

      expect(counts, JSON.stringify(seen, null, 2)).toEqual(expected[connectorId])
    })
  }
})
