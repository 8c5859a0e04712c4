import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LanyardApi } from '../../../shared/contract'
import { eventChannel, invokeChannel } from '../../../electron/ipc/channels'
import { contextBridge, ipcRenderer } from '../../support/electronStandIn'

vi.mock('electron', () => import('../../support/electronStandIn'))

let exposedKeys: string[] = []
let api: LanyardApi

beforeAll(async () => {
  await import('../../../electron/preload')
  exposedKeys = [...contextBridge.exposed.keys()]
  api = contextBridge.exposed.get('lanyard') as LanyardApi
})

beforeEach(() => {
  ipcRenderer.invoked.length = 0
})

/** What main would push: the IPC event object first, then the event name and payload. */
function pushFromMain(name: unknown, payload: unknown): void {
  ipcRenderer.emit(eventChannel, { sender: ipcRenderer }, name, payload)
}

describe('the preload', () => {
  it('exposes only window.lanyard, with exactly invoke and on, frozen', () => {
    expect(exposedKeys).toEqual(['lanyard'])
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
    expect(Object.isFrozen(api)).toBe(true)
    expect(typeof api.invoke).toBe('function')
    expect(typeof api.on).toBe('function')
  })

  it('sends a contract call to main on the one invoke channel and returns its answer', async () => {
    const result = await api.invoke('profiles.list', {})
    expect(result).toEqual({ ok: true, value: 'from main' })
    expect(ipcRenderer.invoked).toEqual([{ channel: invokeChannel, args: ['profiles.list', {}] }])
  })

  it('refuses a name outside the contract without a round trip to main', async () => {
    const invokeAnything = api.invoke as (name: string, input: unknown) => Promise<unknown>
    for (const name of ['shell.openExternal', 'ipcRenderer.send', '__proto__', 'constructor']) {
      await expect(invokeAnything(name, {})).resolves.toMatchObject({ ok: false, error: { code: 'unsupported' } })
    }
    expect(ipcRenderer.invoked).toEqual([])
  })

  it('delivers a contract event payload to its listener, without the IPC event object', () => {
    const received: unknown[][] = []
    const unsubscribe = api.on('profiles.changed', (...args: unknown[]) => received.push(args))
    pushFromMain('profiles.changed', { profileIds: ['p1'] })
    expect(received).toEqual([[{ profileIds: ['p1'] }]])
    unsubscribe()
  })

  it('stops delivering after unsubscribe, and leaves other listeners subscribed', () => {
    const first: unknown[] = []
    const second: unknown[] = []
    const unsubscribeFirst = api.on('profiles.changed', (payload) => first.push(payload))
    const unsubscribeSecond = api.on('profiles.changed', (payload) => second.push(payload))
    unsubscribeFirst()
    pushFromMain('profiles.changed', { profileIds: ['p2'] })
    expect(first).toEqual([])
    expect(second).toEqual([{ profileIds: ['p2'] }])
    unsubscribeSecond()
    pushFromMain('profiles.changed', { profileIds: ['p3'] })
    expect(second).toEqual([{ profileIds: ['p2'] }])
  })

  it('refuses to subscribe to an event outside the contract', () => {
    const onAnything = api.on as (event: string, listener: () => void) => () => void
    expect(() => onAnything('app.secrets', () => undefined)).toThrow(/no event named "app.secrets"/)
  })

  it('ignores messages for events nobody subscribed to', () => {
    const received: unknown[] = []
    const unsubscribe = api.on('profiles.changed', (payload) => received.push(payload))
    pushFromMain('profiles.deleted', { ids: ['p1'] })
    pushFromMain(42, { ids: ['p1'] })
    expect(received).toEqual([])
    unsubscribe()
  })
})
