import { createServer, type Server } from 'node:net'
import type { Duplex } from 'node:stream'
import * as tls from 'node:tls'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createNetworkAgents } from '../../../../electron/http/network/networkAgents'
import { createTestAuthority } from '../../../support/corporateNetwork'

vi.mock('node:tls', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:tls')>()
  // Node 20 has no getCACertificates: the mock must say so too (undefined), not throw when asked.
  return { ...actual, getCACertificates: undefined, createSecureContext: vi.fn(actual.createSecureContext) }
})

/**
 * A TLS context holds every trusted root, parsed: a few hundred certificates, ~45 ms of CPU. A
 * connector is opened for each profile (and again after the profile changes), and a sandbox profile
 * over http:// never makes a TLS connection at all: the context is made when the first https
 * connection needs it, and once per set of trusted roots.
 */
const direct = { resolveProxy: null, environment: {} }
const organisationCa = createTestAuthority(['reuse.corp.test']).caPem

describe('TLS contexts of the network agents', () => {
  let server: Server
  let port: number
  const made = vi.mocked(tls.createSecureContext)

  beforeEach(async () => {
    // Takes the connection and hangs up: the test looks only at the context a connection is given.
    server = createServer((socket) => socket.destroy())
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as { port: number }).port
    made.mockClear()
  })
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())))

  function connect(agents: ReturnType<typeof createNetworkAgents>): Promise<void> {
    const agent = agents.httpsAgent as unknown as { createConnection(options: object, callback: (error: Error | null, socket: Duplex) => void): void }
    return new Promise((resolve, reject) =>
      agent.createConnection({ host: '127.0.0.1', port, servername: 'reuse.corp.test' }, (error, socket) => {
        if (error) return reject(error)
        socket.on('error', () => undefined)
        socket.destroy()
        resolve()
      }),
    )
  }

  it('makes none for agents that never connect over https (an http:// sandbox profile)', () => {
    createNetworkAgents({ ...direct })
    createNetworkAgents({ ...direct, extraCaPem: organisationCa })
    expect(made).not.toHaveBeenCalled()
  })

  it('makes one per set of trusted roots, shared by the profiles that trust the same', async () => {
    await connect(createNetworkAgents({ ...direct }))
    await connect(createNetworkAgents({ ...direct }))
    expect(made).toHaveBeenCalledTimes(1)
    const withCa = createNetworkAgents({ ...direct, extraCaPem: organisationCa })
    await connect(withCa)
    await connect(withCa)
    await connect(createNetworkAgents({ ...direct, extraCaPem: organisationCa }))
    expect(made).toHaveBeenCalledTimes(2)
    expect(made.mock.calls[1]![0]!.ca).toContain(organisationCa.trim())
  })

  it('keeps the contexts of the last eight CA texts: one edited again and again leaves no trail', async () => {
    // Texts without a certificate block add nothing to the roots, but each is a CA text of its own.
    const texts = Array.from({ length: 9 }, (_, index) => `edit ${index} of the profile's CA`)
    for (const text of texts) await connect(createNetworkAgents({ ...direct, extraCaPem: text }))
    expect(made).toHaveBeenCalledTimes(9)
    await connect(createNetworkAgents({ ...direct, extraCaPem: texts[8] }))
    expect(made).toHaveBeenCalledTimes(9)
    await connect(createNetworkAgents({ ...direct, extraCaPem: texts[0] }))
    expect(made).toHaveBeenCalledTimes(10)
  })
})
