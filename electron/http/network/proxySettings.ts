/**
 * Which proxy a request goes through. The system's own setting first, as Chromium applies it (in
 * Electron `session.resolveProxy`, which knows PAC files, WPAD and the OS settings): main installs
 * it with `useSystemProxyResolver` once the app is ready. Without one (tests, the preview, a
 * resolver that fails) the environment decides, as curl and most tools read it.
 */

/** Chromium's answer for a URL, PAC style: "PROXY proxy.corp:8080; DIRECT". */
export type ProxyResolver = (url: string) => Promise<string>

export type ProxyRoute = { kind: 'direct' } | { kind: 'proxy'; proxy: URL }

export type ProxyEnvironment = Readonly<Record<string, string | undefined>>

let systemResolver: ProxyResolver | null = null

/** Main's seam: `useSystemProxyResolver((url) => session.defaultSession.resolveProxy(url))`. */
export function useSystemProxyResolver(resolver: ProxyResolver | null): void {
  systemResolver = resolver
}

export function installedSystemProxyResolver(): ProxyResolver | null {
  return systemResolver
}

/**
 * The route to `url`. This computer's own addresses never go through a proxy (Chromium's implicit
 * `<-loopback>` rule: a corporate proxy cannot reach them anyway).
 */
export async function proxyRouteFor(url: URL, resolver: ProxyResolver | null, environment: ProxyEnvironment): Promise<ProxyRoute> {
  if (isLoopback(url.hostname)) return { kind: 'direct' }
  if (resolver) {
    let answer: string | null = null
    try {
      answer = await resolver(url.href)
    } catch {
      // A resolver that fails (no session yet, a PAC script error) leaves the environment to decide.
    }
    if (answer !== null) return routeFromPacAnswer(answer)
  }
  return routeFromEnvironment(url, environment)
}

/**
 * The first entry of a PAC answer that Lanyard can use: `DIRECT` or an HTTP proxy (`PROXY h:p`),
 * through which HTTPS is tunnelled with CONNECT. SOCKS and HTTPS proxies are skipped; when nothing
 * usable is left the request fails with a message saying so rather than going around the proxy.
 */
export function routeFromPacAnswer(answer: string): ProxyRoute {
  const entries = answer.split(';').map((entry) => entry.trim()).filter((entry) => entry !== '')
  if (entries.length === 0) return { kind: 'direct' }
  for (const entry of entries) {
    const [scheme = '', address = ''] = entry.split(/\s+/)
    if (scheme.toUpperCase() === 'DIRECT') return { kind: 'direct' }
    if (scheme.toUpperCase() === 'PROXY' && address !== '') return { kind: 'proxy', proxy: new URL(`http://${address}`) }
  }
  throw new UnusableProxyError(entries.join('; '))
}

/** HTTPS_PROXY (then HTTP_PROXY) unless NO_PROXY names the host; lower-case names win, as in curl. */
export function routeFromEnvironment(url: URL, environment: ProxyEnvironment): ProxyRoute {
  const read = (name: string) => (environment[name.toLowerCase()] ?? environment[name.toUpperCase()] ?? '').trim()
  const proxy = url.protocol === 'https:' ? read('https_proxy') || read('http_proxy') : read('http_proxy')
  if (proxy === '' || bypasses(url, read('no_proxy'))) return { kind: 'direct' }
  const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`)
  if (parsed.protocol !== 'http:') throw new UnusableProxyError(proxy)
  return { kind: 'proxy', proxy: parsed }
}

/**
 * NO_PROXY as curl reads it: `*` for every host; otherwise names separated by commas or spaces,
 * each matching the host and its subdomains (a leading dot or `*.` changes nothing), optionally
 * with a port; an IP address matches itself.
 */
export function bypasses(url: URL, noProxy: string): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const port = url.port || (url.protocol === 'https:' ? '443' : '80')
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase()
    if (entry === '') continue
    if (entry === '*') return true
    const [, name = '', entryPort] = /^\[?(.*?)\]?(?::(\d+))?$/.exec(entry) ?? []
    if (entryPort && entryPort !== port) continue
    const domain = name.replace(/^\*?\./, '')
    if (host === domain || host.endsWith(`.${domain}`)) return true
  }
  return false
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

/** The proxy setting names only proxies Lanyard cannot speak to (SOCKS, HTTPS proxies). */
export class UnusableProxyError extends Error {
  readonly code = 'LANYARD_PROXY_UNUSABLE'
  constructor(readonly setting: string) {
    super(`The proxy setting "${setting}" names no HTTP proxy`)
  }
}
