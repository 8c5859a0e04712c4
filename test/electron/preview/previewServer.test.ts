import { describe, expect, it, vi } from 'vitest'
import type { Handlers } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import { errorOf, usePreviewServer } from './previewHarness'

describe('preview bridge', () => {
  let listProfiles: ReturnType<typeof vi.fn>
  const bridge = usePreviewServer(() => {
    listProfiles = vi.fn(async () => [])
    return { handlers: { 'profiles.list': listProfiles as Handlers['profiles.list'] } }
  })
  const token = () => bridge.token
  const readResult = async (response: Response) => (await response.json()) as Result<unknown>
  const invoke = bridge.invoke

  it('listens on 127.0.0.1 and carries a long random token in its URL', () => {
    expect(bridge.server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(token().length).toBeGreaterThanOrEqual(32)
  })

  it('serves the renderer with the Content-Security-Policy', async () => {
    const response = await fetch(`${bridge.server.origin}/`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await response.text()).toContain('<title>Lanyard</title>')
  })

  it('answers a call with the token from our own origin', async () => {
    const response = await invoke('profiles.list')
    expect(await readResult(response)).toEqual({ ok: true, value: [] })
    expect(listProfiles).toHaveBeenCalledOnce()
  })

  it('refuses a call without the token, and runs no handler', async () => {
    const response = await invoke('profiles.list', { token: 'guess' })
    expect(response.status).toBe(403)
    expect((await errorOf(response)).code).toBe('auth_failed')
    expect(listProfiles).not.toHaveBeenCalled()
  })

  it('refuses a call from another origin even with the token', async () => {
    const response = await invoke('profiles.list', { origin: 'http://evil.example' })
    expect(response.status).toBe(403)
    expect(listProfiles).not.toHaveBeenCalled()
  })

  it('refuses a request whose Host is not ours (DNS rebinding)', async () => {
    const { request } = await import('node:http')
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(bridge.server.origin)
      const outgoing = request(
        { host: '127.0.0.1', port: url.port, path: '/', headers: { Host: `attacker.example:${url.port}` } },
        (response) => resolve(response.statusCode ?? 0),
      )
      outgoing.on('error', reject)
      outgoing.end()
    })
    expect(status).toBe(403)
  })

  it('validates input with the contract and names the bad field', async () => {
    const response = await invoke('profiles.get', { body: JSON.stringify({ profileId: 'nope' }) })
    const error = await errorOf(response)
    expect(error.code).toBe('invalid_input')
    expect(error.fields).toHaveProperty('profileId')
  })

  it('answers a body that is not JSON with invalid_input', async () => {
    const response = await invoke('profiles.list', { body: '{not json' })
    expect(response.status).toBe(400)
    expect((await errorOf(response)).code).toBe('invalid_input')
  })

  it('refuses names outside the contract', async () => {
    expect((await errorOf(await invoke('shell.exec'))).code).toBe('unsupported')
  })

  it('does not serve files outside the renderer folder', async () => {
    const response = await fetch(`${bridge.server.origin}/..%2f..%2fetc%2fpasswd`)
    expect(response.status).toBe(404)
  })

  it('streams contract events to a page that holds the token, and refuses one without', async () => {
    const refused = await fetch(`${bridge.server.origin}/api/events?token=wrong`)
    expect(refused.status).toBe(403)

    const controller = new AbortController()
    const response = await fetch(`${bridge.server.origin}/api/events?token=${token()}`, { signal: controller.signal })
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const reader = response.body!.getReader()
    await reader.read() // the ": connected" comment
    bridge.server.emit('profiles.changed', { profileIds: ['a'] })
    const { value } = await reader.read()
    expect(new TextDecoder().decode(value)).toBe('event: profiles.changed\ndata: {"profileIds":["a"]}\n\n')
    controller.abort()
  })
})
