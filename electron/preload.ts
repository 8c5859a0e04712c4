import { contextBridge, ipcRenderer } from 'electron'
import type { CallName, EventName, LanyardApi } from '../shared/contract'
import { contractCallNames, contractEventNames, unknownCall, unknownEventError } from '../shared/contractNames'
import { eventChannel, invokeChannel } from './ipc/channels'

/**
 * The whole preload: one frozen `window.lanyard` with `invoke` and `on`, limited to the
 * contract's names. It hands out no ipcRenderer, no IPC event object (its `sender` would be
 * ipcRenderer), no Node and no environment. Runs sandboxed, so it is bundled into one file that
 * requires nothing but `electron`; main validates everything again anyway.
 */
const callNames: ReadonlySet<string> = new Set<CallName>(contractCallNames)
const eventNames: ReadonlySet<string> = new Set<EventName>(contractEventNames)
const listeners = new Map<string, Set<(payload: unknown) => void>>()

ipcRenderer.on(eventChannel, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return
  for (const listener of listeners.get(name) ?? []) listener(payload)
})

const invoke: LanyardApi['invoke'] = (name, input) => {
  if (!callNames.has(name)) {
    // Refused here, without a round trip: the same answer main would give.
    return Promise.resolve(unknownCall(name))
  }
  return ipcRenderer.invoke(invokeChannel, name, input)
}

const on: LanyardApi['on'] = (event, listener) => {
  if (!eventNames.has(event)) throw unknownEventError(event)
  if (typeof listener !== 'function') throw new Error('A listener must be a function.')
  const forEvent = listeners.get(event) ?? new Set()
  listeners.set(event, forEvent)
  // Each subscription gets its own wrapper, so subscribing the same function twice unsubscribes once each.
  const wrapper = (payload: unknown) => listener(payload as Parameters<typeof listener>[0])
  forEvent.add(wrapper)
  return () => {
    forEvent.delete(wrapper)
  }
}

contextBridge.exposeInMainWorld('lanyard', Object.freeze({ invoke, on }))
