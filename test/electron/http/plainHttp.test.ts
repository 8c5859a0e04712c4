import { describe, expect, it, vi } from 'vitest'
import { expectAppError } from '../../support/expectAppError'
import { startLocalServer } from './localServer'
import { harness, token } from './testClient'

/*
 * Defence in depth behind the profile checks: the HTTP client itself refuses to send a request (and
 * so never asks for its credentials) over plain http:// for a real profile, and for any profile
 * unless the host is this computer. The servers here are loopback ones, so "nothing was received"
 * proves nothing left; a request that did go out would be in `received`.
 */

describe('the HTTP client and plain http://', () => {
  it('sends nothing for a real profile on http://, not even to this computer, and never asks for the credentials', async () => {
    const authenticate = vi.fn(() => ({ Authorization: `SSWS ${token}` }))
    const { server, client } = await harness(() => ({ status: 200, body: {} }), { environment: 'real', authenticate, profileName: 'Okta prod' })

    const error = await expectAppError(client.request({ method: 'GET', path: '/api/v1/org' }), 'invalid_input')

    expect(error.message).toBe(
      "This profile's address uses http://; real tenants need https://. Nothing was sent to Example, so no credential travelled in clear. " +
        'Edit the profile "Okta prod" and change its address to start with https://.',
    )
    expect(server.received).toEqual([])
    expect(authenticate).not.toHaveBeenCalled()
  })

  it('refuses every method and an absolute next-page address alike', async () => {
    const { server, client } = await harness(() => ({ status: 200, body: {} }), { environment: 'real' })
    await expectAppError(client.request({ method: 'POST', path: '/api/v1/users', body: { a: 1 } }), 'invalid_input')
    await expectAppError(client.request({ method: 'DELETE', path: '/api/v1/users/1', idempotent: true }), 'invalid_input')
    await expectAppError(client.request({ method: 'GET', path: `${server.url}/api/v1/users?after=2` }), 'invalid_input')
    expect(server.received).toEqual([])
  })

  it('sends a sandbox profile request over http:// to this computer, with its credentials', async () => {
    const { server, client } = await harness(() => ({ status: 200, body: {} }), { environment: 'sandbox' })
    await client.request({ method: 'GET', path: '/api/v1/org' })
    expect(server.received.map((request) => request.headers.authorization)).toEqual([`SSWS ${token}`])
  })

  it('refuses http:// to another computer even for a sandbox profile, before asking for the credentials', async () => {
    const authenticate = vi.fn(() => ({ Authorization: `SSWS ${token}` }))
    const { client } = await harness(() => ({ status: 200, body: {} }), {
      environment: 'sandbox',
      baseUrl: 'http://tenant.lanyard-test.invalid',
      authenticate,
      maxRetries: 0,
      timeoutMs: 2_000,
    })

    const error = await expectAppError(client.request({ method: 'GET', path: '/api/v1/org' }), 'invalid_input')

    expect(error.message).toContain('http:// is only for a sandbox tenant on this computer')
    expect(authenticate).not.toHaveBeenCalled()
  })

  it('never follows a redirect, so an answer cannot move the credentials to http:// elsewhere', async () => {
    const elsewhere = await startLocalServer(() => ({ status: 200, body: {} }))
    try {
      const { server, client } = await harness(() => ({ status: 302, headers: { Location: `${elsewhere.url}/api/v1/org` } }), { environment: 'sandbox' })
      await expectAppError(client.request({ method: 'GET', path: '/api/v1/org' }), 'network')
      expect(server.received).toHaveLength(1)
      expect(elsewhere.received).toEqual([])
    } finally {
      await elsewhere.close()
    }
  })
})
