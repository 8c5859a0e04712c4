// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createBridgeClient, tokenStorageKey, type BridgeEnvironment } from '../../../renderer/src/api/bridgeClient'
import type { CallName } from '../../../shared/contract'

interface SentRequest {
  url: string
  init: RequestInit
}

function fakeFetch(reply: (request: SentRequest) => string | Error) {
  const sent: SentRequest[] = []
  const fetch: BridgeEnvironment['fetch'] = async (url, init) => {
    const request = { url, init }
    sent.push(request)
    const body = reply(request)
    if (body instanceof Error) throw body
    return { text: async () => body }
  }
  return { fetch, sent }
}

class FakeEventSource extends EventTarget {
  static opened: FakeEventSource[] = []
  constructor(readonly url: string) {
    super()
    FakeEventSource.opened.push(this)
  }
  deliver(event: string, data: string): void {
    this.dispatchEvent(new MessageEvent(event, { data }))
  }
}

const createEventSource = (url: string) => new FakeEventSource(url) as unknown as EventSource

beforeEach(() => {
  sessionStorage.clear()
  FakeEventSource.opened = []
  history.replaceState(null, '', '/?token=secret-run-token#/profiles')
})

afterEach(() => {
  history.replaceState(null, '', '/')
})

describe('the preview bridge client', () => {
  it('keeps the token from the address in sessionStorage and removes it from the address bar', () => {
    createBridgeClient({ fetch: fakeFetch(() => '{}').fetch, createEventSource })

    expect(sessionStorage.getItem(tokenStorageKey)).toBe('secret-run-token')
    expect(location.search).toBe('')
    expect(location.href).not.toContain('secret-run-token')
    expect(location.hash).toBe('#/profiles')
  })

  it('keeps other query parameters when it removes the token', () => {
    history.replaceState(null, '', '/?mode=demo&token=secret-run-token#/profiles/new')
    createBridgeClient({ fetch: fakeFetch(() => '{}').fetch, createEventSource })

    expect(location.search).toBe('?mode=demo')
    expect(location.hash).toBe('#/profiles/new')
  })

  it('sends the call as JSON with the token header to /api/invoke/<name>', async () => {
    const { fetch, sent } = fakeFetch(() => JSON.stringify({ ok: true, value: [] }))
    const api = createBridgeClient({ fetch, createEventSource })

    const result = await api.invoke('profiles.list', {})

    expect(result).toEqual({ ok: true, value: [] })
    expect(sent).toHaveLength(1)
    expect(sent[0]?.url).toBe('/api/invoke/profiles.list')
    expect(sent[0]?.init.method).toBe('POST')
    expect(sent[0]?.init.headers).toEqual({ 'Content-Type': 'application/json', 'X-Lanyard-Token': 'secret-run-token' })
    expect(sent[0]?.init.body).toBe('{}')
  })

  it('still sends the token after a reload that no longer has it in the address', async () => {
    createBridgeClient({ fetch: fakeFetch(() => '{}').fetch, createEventSource })
    expect(location.search).toBe('')

    const { fetch, sent } = fakeFetch(() => JSON.stringify({ ok: true, value: null }))
    const reloaded = createBridgeClient({ fetch, createEventSource })
    await reloaded.invoke('profiles.delete', { profileId: '00000000-0000-4000-8000-000000000001' })

    expect((sent[0]?.init.headers as Record<string, string>)['X-Lanyard-Token']).toBe('secret-run-token')
  })

  it('passes an error result from the server through unchanged, as 4xx answers carry one too', async () => {
    const error = { code: 'conflict', message: 'There is already an Okta profile named "A".', fields: { name: 'taken' } }
    const { fetch } = fakeFetch(() => JSON.stringify({ ok: false, error }))
    const api = createBridgeClient({ fetch, createEventSource })

    expect(await api.invoke('profiles.list', {})).toEqual({ ok: false, error })
  })

  it('turns a body that is not JSON into a network error a person can act on', async () => {
    const { fetch } = fakeFetch(() => '<html>502 Bad Gateway</html>')
    const api = createBridgeClient({ fetch, createEventSource })

    const result = await api.invoke('profiles.list', {})

    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('network')
      expect(result.error.message).toMatch(/^Lanyard's background service is not answering/)
    }
  })

  it('turns JSON that is not a Result into a network error', async () => {
    const { fetch } = fakeFetch(() => JSON.stringify({ hello: 'world' }))
    const result = await createBridgeClient({ fetch, createEventSource }).invoke('profiles.list', {})

    expect(result.ok ? 'ok' : result.error.code).toBe('network')
  })

  it('turns a failed connection into a network error', async () => {
    const { fetch } = fakeFetch(() => new TypeError('Failed to fetch'))
    const result = await createBridgeClient({ fetch, createEventSource }).invoke('profiles.list', {})

    expect(result.ok ? 'ok' : result.error.code).toBe('network')
  })

  it('refuses a name that is not in the contract without calling the server', async () => {
    const { fetch, sent } = fakeFetch(() => JSON.stringify({ ok: true, value: null }))
    const api = createBridgeClient({ fetch, createEventSource })

    const result = await api.invoke('profiles.dropAll' as CallName, {} as never)

    expect(sent).toHaveLength(0)
    expect(result.ok ? 'ok' : result.error.code).toBe('unsupported')
  })

  it('delivers contract events from one shared event stream and stops after unsubscribe', () => {
    const api = createBridgeClient({ fetch: fakeFetch(() => '{}').fetch, createEventSource })
    const first = vi.fn()
    const second = vi.fn()
    const stopFirst = api.on('profiles.changed', first)
    api.on('profiles.changed', second)

    expect(FakeEventSource.opened).toHaveLength(1)
    expect(FakeEventSource.opened[0]?.url).toBe('/api/events?token=secret-run-token')

    FakeEventSource.opened[0]?.deliver('profiles.changed', JSON.stringify({ profileIds: ['a'] }))
    stopFirst()
    FakeEventSource.opened[0]?.deliver('profiles.changed', JSON.stringify({ profileIds: ['b'] }))

    expect(first.mock.calls).toEqual([[{ profileIds: ['a'] }]])
    expect(second.mock.calls).toEqual([[{ profileIds: ['a'] }], [{ profileIds: ['b'] }]])
  })

  it('ignores event data that does not match the contract', () => {
    const api = createBridgeClient({ fetch: fakeFetch(() => '{}').fetch, createEventSource })
    const listener = vi.fn()
    api.on('profiles.changed', listener)

    FakeEventSource.opened[0]?.deliver('profiles.changed', 'not json')
    FakeEventSource.opened[0]?.deliver('profiles.changed', JSON.stringify({ profileIds: 'nope' }))

    expect(listener).not.toHaveBeenCalled()
  })

  it('refuses to subscribe to an event the contract does not have', () => {
    const api = createBridgeClient({ fetch: fakeFetch(() => '{}').fetch, createEventSource })

    expect(() => api.on('secrets.leaked' as 'profiles.changed', () => undefined)).toThrow(/no event named/)
  })
})
