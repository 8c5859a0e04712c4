import { Agent as HttpAgent, request as httpRequest } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import type { LookupFunction } from 'node:net'
import type { Duplex } from 'node:stream'
import * as tls from 'node:tls'
import { installedSystemProxyResolver, proxyRouteFor, type ProxyEnvironment, type ProxyResolver } from './proxySettings'
import { trustedCertificates } from './trustedCertificates'

/** How a profile's connections reach the network. Every field is optional: a real profile gives only `extraCaPem`. */
export interface NetworkOptions {
  /** The profile's extra CA certificate(s), PEM (a TLS-inspecting gateway's root). */
  extraCaPem?: string
  /** Overrides the resolver main installed (`useSystemProxyResolver`); `null` for the environment only. */
  resolveProxy?: ProxyResolver | null
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read; `process.env` by default. */
  environment?: ProxyEnvironment
  /** For tests: resolves host names (a test host name to 127.0.0.1). */
  lookup?: LookupFunction
}

export interface NetworkAgents {
  /** Plain http://, which only ever reaches this computer (shared/secureAddress.ts): never proxied. */
  httpAgent: HttpAgent
  /** https://: straight to the target or tunnelled through the proxy with CONNECT, trusting the profile's CAs. */
  httpsAgent: HttpsAgent
}

/** How long a proxy may take to answer CONNECT before the attempt fails as a timeout. */
const proxyAnswerMs = 30_000

type ConnectionOptions = tls.ConnectionOptions & { host?: string; port?: number; servername?: string }
type ConnectionCallback = (error: Error | null, socket: Duplex) => void

/**
 * The agents behind one profile's requests (nodeRequest.ts: the HTTP client's and Cognito's wire).
 * The proxy is decided per connection. HTTPS through a proxy is always a CONNECT tunnel with TLS
 * end to end to the target: the proxy sees the host name and port, never a header or a body
 * (axios's own proxy support would send https requests to the proxy in clear).
 */
/*
 * TLS contexts by the profile's extra CA text ('' for none). A context holds every trusted root,
 * parsed: given as `ca` to each connection, the few hundred roots would be parsed again every time,
 * and made per profile it cost ~45 ms of CPU each time a connector opens (a profile's first list,
 * and again after every edit of it). Made when the first https connection needs it (an http://
 * sandbox profile never does) and shared by the profiles that trust the same roots: the system
 * store is read once per process anyway (trustedCertificates.ts), and a context is never changed.
 */
const secureContexts = new Map<string, tls.SecureContext>()
/** A CA edited again and again leaves its old contexts behind: the oldest go past this many. */
const mostContextsKept = 8

function secureContextFor(extraCaPem: string | undefined): tls.SecureContext {
  const key = extraCaPem ?? ''
  let context = secureContexts.get(key)
  if (!context) {
    context = tls.createSecureContext({ ca: trustedCertificates(extraCaPem) })
    if (secureContexts.size >= mostContextsKept) secureContexts.delete(secureContexts.keys().next().value!)
    secureContexts.set(key, context)
  }
  return context
}

export function createNetworkAgents(options: NetworkOptions = {}): NetworkAgents {
  const lookup = options.lookup
  const environment = options.environment ?? process.env
  const resolver = () => (options.resolveProxy === undefined ? installedSystemProxyResolver() : options.resolveProxy)

  class ProxyAwareHttpsAgent extends HttpsAgent {
    // Node's agent accepts a connection given later through the callback when this returns nothing.
    override createConnection(connection: ConnectionOptions, callback?: ConnectionCallback): undefined {
      if (!callback) throw new Error('A proxy-aware connection is made through the callback')
      const host = connection.host ?? 'localhost'
      const port = connection.port ?? 443
      const target = new URL(`https://${host.includes(':') ? `[${host}]` : host}:${port}`)
      const fail = (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), undefined as unknown as Duplex)
      proxyRouteFor(target, resolver(), environment).then((route) => {
        let secureContext: tls.SecureContext
        try {
          secureContext = secureContextFor(options.extraCaPem)
        } catch (error: unknown) {
          // A CA text Node cannot read fails the connection (it used to fail the connector's opening).
          fail(error)
          return
        }
        if (route.kind === 'direct') callback(null, tls.connect({ ...connection, secureContext, ...(lookup ? { lookup } : {}) }))
        else tunnel(route.proxy, `${target.hostname.replace(/^\[|\]$/g, '')}:${port}`, { ...connection, secureContext }, callback)
      }, fail)
      return undefined
    }
  }

  function tunnel(proxy: URL, authority: string, connection: ConnectionOptions, callback: ConnectionCallback): void {
    const headers: Record<string, string> = { Host: authority }
    // The proxy's own credentials, from its URL: the only thing ever sent to it besides the authority.
    if (proxy.username !== '') {
      const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`
      headers['Proxy-Authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`
    }
    const connect = httpRequest({ host: proxy.hostname, port: proxy.port || 80, method: 'CONNECT', path: authority, headers, agent: false, ...(lookup ? { lookup } : {}) })
    let settled = false
    const settle = (error: Error | null, socket?: Duplex) => {
      if (settled) return
      settled = true
      callback(error, socket as Duplex)
    }
    connect.setTimeout(proxyAnswerMs, () => connect.destroy(new ProxyFailure('LANYARD_PROXY_TIMEOUT', proxy, null)))
    connect.once('connect', (response, socket) => {
      connect.setTimeout(0)
      if (response.statusCode !== 200) {
        socket.destroy()
        const code = response.statusCode === 407 ? 'LANYARD_PROXY_AUTH_REQUIRED' : 'LANYARD_PROXY_REFUSED'
        settle(new ProxyFailure(code, proxy, response.statusCode ?? null))
        return
      }
      settle(null, tls.connect({ ...connection, socket }))
    })
    connect.once('error', (error: Error & { code?: string }) => {
      settle(error instanceof ProxyFailure ? error : new ProxyFailure('LANYARD_PROXY_UNREACHABLE', proxy, null, error.code))
    })
    connect.end()
  }

  // The agent is the profile's own, so its pool needs no CA in its keys (Node would join every PEM into each request's key).
  return { httpAgent: new HttpAgent({ keepAlive: true }), httpsAgent: new ProxyAwareHttpsAgent({ keepAlive: true }) }
}

/** The proxy did not open the tunnel: its address, what it answered, never a credential. */
export class ProxyFailure extends Error {
  constructor(
    readonly code: 'LANYARD_PROXY_REFUSED' | 'LANYARD_PROXY_AUTH_REQUIRED' | 'LANYARD_PROXY_UNREACHABLE' | 'LANYARD_PROXY_TIMEOUT',
    proxy: URL,
    readonly status: number | null,
    readonly systemCode?: string,
  ) {
    super(`The proxy ${proxy.host} ${status === null ? `failed (${systemCode ?? code})` : `answered ${status} to CONNECT`}`)
  }
}
