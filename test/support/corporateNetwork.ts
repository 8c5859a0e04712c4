import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer, request as httpRequest } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { connect, type AddressInfo, type LookupFunction, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A corporate network for tests: an organisation's own root CA (made here with openssl), an HTTPS
 * front for a sandbox tenant whose certificate that CA signed (what a TLS-inspecting gateway shows),
 * and an HTTP proxy that opens CONNECT tunnels and records every byte it is sent outside them.
 */
export interface TestAuthority {
  caPem: string
  keyPem: string
  certPem: string
}

/** A root CA and a server certificate it signed for `hosts` (each a DNS name in the certificate). */
export function createTestAuthority(hosts: readonly string[], commonName = 'Lanyard Test Inspection CA'): TestAuthority {
  const directory = mkdtempSync(join(tmpdir(), 'lanyard-ca-'))
  const file = (name: string) => join(directory, name)
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' })
  try {
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2', '-subj', `/CN=${commonName}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign')
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', `/CN=${hosts[0]}`)
    writeFileSync(file('server.ext'), `subjectAltName=${hosts.map((host) => `DNS:${host}`).join(',')}\nextendedKeyUsage=serverAuth\n`)
    openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('server.pem'), '-days', '2', '-extfile', file('server.ext'))
    return { caPem: readFileSync(file('ca.pem'), 'utf8'), keyPem: readFileSync(file('server.key'), 'utf8'), certPem: readFileSync(file('server.pem'), 'utf8') }
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

export interface TlsFront {
  port: number
  /** Requests that came through, as `METHOD path`. */
  requests: string[]
  close(): Promise<void>
}

/** An HTTPS server on 127.0.0.1 with the authority's certificate, passing every request on to `target` (a sandbox's http:// URL). */
export async function startTlsFront(authority: TestAuthority, target: string): Promise<TlsFront> {
  const requests: string[] = []
  const upstream = new URL(target)
  const server = createHttpsServer({ key: authority.keyPem, cert: authority.certPem }, (incoming, outgoing) => {
    requests.push(`${incoming.method} ${incoming.url}`)
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(outgoing)
    })
    forward.on('error', () => outgoing.destroy())
    incoming.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { port: (server.address() as AddressInfo).port, requests, close: () => closeServer(server) }
}

export interface ConnectProxy {
  url: string
  /** The `host:port` of every CONNECT, in order. */
  tunnels: string[]
  /** Everything sent to the proxy itself, outside the tunnels (CONNECT lines, or requests in clear). */
  clearText: () => string
  close(): Promise<void>
}

/**
 * An HTTP proxy: CONNECT `any-host:port` opens a tunnel to 127.0.0.1:port (the test's host names
 * resolve nowhere else), `Proxy-Authorization` is required when `credentials` are given, and a
 * plain request (what a client sends when it does not tunnel) is recorded and answered 502.
 */
export async function startConnectProxy(credentials?: string): Promise<ConnectProxy> {
  const tunnels: string[] = []
  const received: Buffer[] = []
  const sockets = new Set<Socket>()
  const server = createHttpServer((request, response) => {
    request.on('data', (chunk: Buffer) => received.push(chunk))
    request.on('end', () => response.writeHead(502).end())
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    // Only what arrives before a tunnel opens is the proxy's to read.
    const record = (chunk: Buffer) => received.push(chunk)
    socket.on('data', record)
    socket.once('lanyard-tunnel', () => socket.off('data', record))
  })
  server.on('connect', (request, socket: Socket, head: Buffer) => {
    socket.emit('lanyard-tunnel')
    const expected = credentials ? `Basic ${Buffer.from(credentials).toString('base64')}` : undefined
    if (expected && request.headers['proxy-authorization'] !== expected) {
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n')
      return
    }
    tunnels.push(request.url ?? '')
    const port = Number((request.url ?? '').split(':').pop())
    const upstream = connect(port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    clearText: () => Buffer.concat(received).toString('latin1'),
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await closeServer(server)
    },
  }
}

/** Resolves every name under `.test` to 127.0.0.1, as if the test host names were in DNS. */
export const testNamesOnThisComputer: LookupFunction = (hostname, options, callback) => {
  if (!hostname.endsWith('.test')) {
    ;(callback as (error: Error) => void)(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }))
    return
  }
  if ((options as { all?: boolean }).all) (callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }])
  else callback(null, '127.0.0.1', 4)
}

function closeServer(server: { close(callback: () => void): void; closeAllConnections?: () => void }): Promise<void> {
  server.closeAllConnections?.()
  return new Promise((resolve) => server.close(() => resolve()))
}
