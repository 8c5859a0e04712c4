import { z } from 'zod'
import {
  events,
  isCallName,
  isEventName,
  type CallInput,
  type CallName,
  type CallOutput,
  type EventName,
  type EventPayload,
  type LanyardApi,
} from '../../../shared/contract'
import { unknownCall, unknownEventError } from '../../../shared/contractNames'
import { lanyardErrorSchema, type LanyardError, type Result } from '../../../shared/errors'
import { createEventListeners } from './eventListeners'

/**
 * The preview bridge client: the same `LanyardApi` as Electron's `window.lanyard`, spoken over
 * HTTP to the loopback preview server. The page is opened as `/?token=…`; the token is kept in
 * sessionStorage (a reload still works) and taken out of the address bar (it should not end up
 * in bookmarks, screenshots or the history list).
 */
export interface BridgeEnvironment {
  location: Pick<Location, 'search' | 'pathname' | 'hash'>
  history: Pick<History, 'replaceState' | 'state'>
  storage: Pick<Storage, 'getItem' | 'setItem'>
  fetch: (url: string, init: RequestInit) => Promise<Pick<Response, 'text'>>
  createEventSource: (url: string) => EventSource
}

export const tokenStorageKey = 'lanyard.previewToken'

const notAnswering: LanyardError = {
  code: 'network',
  message: "Lanyard's background service is not answering. Check that Lanyard is still running, then try again.",
}
const missingToken: LanyardError = {
  code: 'auth_failed',
  message: 'This page was opened without its access key. Open the address Lanyard printed when it started.',
}

/** Only the shape is checked here; the value's type is the contract's promise. */
const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: lanyardErrorSchema }),
])

function defaultEnvironment(): BridgeEnvironment {
  return {
    location: window.location,
    history: window.history,
    storage: window.sessionStorage,
    fetch: (url, init) => window.fetch(url, init),
    createEventSource: (url) => new EventSource(url),
  }
}

/** Reads the token from the address (moving it to sessionStorage) or from an earlier visit. */
export function takeToken(environment: Pick<BridgeEnvironment, 'location' | 'history' | 'storage'>): string | null {
  const { location, history, storage } = environment
  const parameters = new URLSearchParams(location.search)
  const fromAddress = parameters.get('token')
  if (fromAddress) {
    storage.setItem(tokenStorageKey, fromAddress)
    parameters.delete('token')
    const rest = parameters.toString()
    history.replaceState(history.state, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`)
    return fromAddress
  }
  return storage.getItem(tokenStorageKey)
}

export function createBridgeClient(overrides: Partial<BridgeEnvironment> = {}): LanyardApi {
  const environment: BridgeEnvironment = { ...defaultEnvironment(), ...overrides }
  const token = takeToken(environment)
  const listeners = createEventListeners()
  let source: EventSource | null = null

  async function invoke<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
    if (!isCallName(name)) {
      return unknownCall(name)
    }
    if (!token) return { ok: false, error: missingToken }
    let body: string
    try {
      const response = await environment.fetch(`/api/invoke/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Lanyard-Token': token },
        body: JSON.stringify(input),
      })
      body = await response.text()
    } catch {
      return { ok: false, error: notAnswering }
    }
    return parseResult(body) as Result<CallOutput<N>>
  }

  function openSource(): EventSource {
    const opened = environment.createEventSource(`/api/events?token=${encodeURIComponent(token ?? '')}`)
    for (const name of Object.keys(events)) {
      if (!isEventName(name)) continue
      opened.addEventListener(name, (message) => dispatch(name, message))
    }
    return opened
  }

  function dispatch(name: EventName, message: Event): void {
    const data = (message as MessageEvent<unknown>).data
    if (typeof data !== 'string') return
    let payload: unknown
    try {
      payload = JSON.parse(data)
    } catch {
      return
    }
    const parsed = events[name].safeParse(payload)
    if (!parsed.success) return
    listeners.emit(name, parsed.data)
  }

  function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    if (!isEventName(event)) throw unknownEventError(event)
    source ??= openSource()
    return listeners.on(event, listener)
  }

  return Object.freeze({ invoke, on })
}

function parseResult(body: string): Result<unknown> {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return { ok: false, error: notAnswering }
  }
  const parsed = resultSchema.safeParse(json)
  if (!parsed.success) return { ok: false, error: notAnswering }
  return parsed.data.ok ? { ok: true, value: parsed.data.value } : { ok: false, error: parsed.data.error }
}
