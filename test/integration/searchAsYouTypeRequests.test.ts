// @vitest-environment happy-dom
import axios from 'axios'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import type { CallName } from '../../shared/contract'
import { installApi } from '../../renderer/src/api/lanyardApi'
import { routes } from '../../renderer/src/router'
import { useDirectoryListStore } from '../../renderer/src/stores/directoryList'
import { useProfilesStore } from '../../renderer/src/stores/profiles'
import { startOktaSandbox } from '../../electron/sandbox/okta/startOktaSandbox'
import { sandboxParameters } from '../../electron/services/sandboxProfiles'
import { afterTest } from '../support/connectorHarness'
import { createTestServices } from '../support/createTestServices'
import { createRecordingLogger } from '../support/recordingLogger'
import { useTemporaryDirectories } from '../support/temporaryDirectory'
import { createServicesApi } from './servicesApi'

/*
 * What typing costs the target: "dana.lee" typed a key every 30 ms into an Okta users list whose
 * sandbox tenant answers after `latencyMs`, through the real view, store and services, counted by
 * the tenant. The box keeps one search out and sends the newest text when its answer comes, so:
 * - a key sends at most one request (8 keys: at most 8), the first key and the whole text always one;
 * - every request is out for at least the latency, so while typing (span S) at most S / latency + 1
 *   start, and one more for the whole text after the last key: at 20 ms each key's answer comes
 *   before the next key and the bound is the 8 keys; at 100 ms it is 4 (~210 ms of typing).
 * Fewer keys' worth of requests is what keeps a fast typist within the target's rate limit.
 */

enableAutoUnmount(afterEach)
// Main's HTTP client runs here beside a DOM: axios would pick the browser's XMLHttpRequest (and CORS) over Node's http.
axios.defaults.adapter = 'http'
afterEach(() => {
  document.body.innerHTML = ''
})
const newDirectory = useTemporaryDirectories()
const typed = 'dana.lee'
const keyGapMs = 30

async function openUsersList(latencyMs: number) {
  const tenant = await startOktaSandbox({ users: 20, latencyMs })
  afterTest(() => tenant.close())
  const logger = createRecordingLogger()
  const bridge = createServicesApi()
  const services = await createTestServices(newDirectory(), { logger, onEvent: bridge.relay })
  afterTest(() => services.close())
  bridge.connect(services.handlers, logger)
  const { values, secrets } = sandboxParameters('okta', tenant.url, tenant.credentials)
  const profile = await services.handlers['profiles.create']({ connectorId: 'okta', name: 'Sandbox', environment: 'sandbox', values, secrets })

  // The searches the renderer has out at once, seen at its door to main.
  let out = 0
  let mostOut = 0
  const invoke = bridge.api.invoke
  const api = Object.freeze({
    ...bridge.api,
    invoke: (async (name: CallName, input: never) => {
      if (name !== 'directory.list') return invoke(name, input)
      mostOut = Math.max(mostOut, ++out)
      try {
        return await invoke(name, input)
      } finally {
        out--
      }
    }) as typeof invoke,
  })
  const pinia = createPinia()
  setActivePinia(pinia)
  installApi(api)
  await useProfilesStore().load()
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(`/profiles/${profile.id}/users`)
  const wrapper = mount(defineComponent({ render: () => h(RouterView) }), { global: { plugins: [pinia, router] }, attachTo: document.body })
  await bridge.idle()
  await flushPromises()
  return { wrapper, tenant, bridge, mostOut: () => mostOut }
}

/** Types `typed` a key every `keyGapMs`; returns the requests the tenant received and the span of the typing in ms. */
async function typeKeys(latencyMs: number) {
  const { wrapper, tenant, bridge, mostOut } = await openUsersList(latencyMs)
  const box = wrapper.find('input[type="search"]')
  const before = tenant.requestCount()
  const started = performance.now()
  for (let length = 1; length <= typed.length; length++) {
    if (length > 1) await new Promise((resolve) => setTimeout(resolve, keyGapMs))
    await box.setValue(typed.slice(0, length))
  }
  const span = performance.now() - started
  // The answer for the whole text, and nothing after it.
  const table = () => Object.values(useDirectoryListStore().tables)[0]
  while (table()?.search !== typed || table()?.loading) await bridge.idle()
  await bridge.idle()
  return { requests: tenant.requestCount() - before, span, mostOut: mostOut(), search: table()?.search, loaded: table()?.loaded }
}

describe('search as you type: requests the tenant receives while a name is typed', () => {
  it(`"${typed}" at ${keyGapMs} ms a key, 20 ms latency: one request a key at most, one search out at a time, the whole text answered`, async () => {
    const typing = await typeKeys(20)
    expect(typing.search).toBe(typed)
    expect(typing.loaded).toBe(true)
    expect(typing.mostOut).toBe(1)
    expect(typing.requests).toBeGreaterThanOrEqual(2)
    expect(typing.requests).toBeLessThanOrEqual(typed.length)
  })

  it(`"${typed}" at ${keyGapMs} ms a key, 100 ms latency: keys faster than an answer send nothing of their own`, async () => {
    const latencyMs = 100
    const typing = await typeKeys(latencyMs)
    expect(typing.search).toBe(typed)
    expect(typing.mostOut).toBe(1)
    expect(typing.requests).toBeGreaterThanOrEqual(2)
    // ~210 ms of typing: at most 4, where a request a key would be 8.
    expect(typing.requests).toBeLessThanOrEqual(Math.min(typed.length, Math.floor(typing.span / latencyMs) + 2))
  })
})
