import { protocol } from 'electron'
import { readStaticFile, staticFileHeaders } from '../preview/staticFiles'
import { appSchemeLocation, rendererScheme } from './rendererLocation'

/**
 * The built renderer is served from `app://lanyard/`, a scheme of our own, rather than `file://`:
 * a file:// page may read any other file:// URL and gets extra privileges (the
 * GrantFileProtocolExtraPrivileges fuse is off), while app://lanyard is one origin that holds
 * only out/renderer, that Chromium treats like https (`'self'` in the CSP means exactly it), and
 * whose responses carry our Content-Security-Policy header.
 */

/** The request fields the handler reads (Electron hands it a Fetch `Request`). */
export interface RendererRequest {
  url: string
  method: string
}

/**
 * Must run before the app is ready. `standard` gives the scheme real origins and relative URLs,
 * `secure` makes it a secure context like https, `supportFetchAPI` lets the page fetch its own
 * files. Nothing else: no CSP bypass, no CORS, no service workers.
 */
export function registerRendererScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: rendererScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** Must run after the app is ready: answers every app:// request from `directory` (out/renderer). */
export function serveRenderer(directory: string): void {
  protocol.handle(rendererScheme, rendererRequestHandler(directory))
}

/**
 * Only GET and HEAD, only the `lanyard` host (no user, no port), and only files inside
 * `directory`: readStaticFile decodes the path and refuses anything that resolves outside it
 * (`..%2f`, `%00`, a folder), after the URL parser has already removed plain dot segments.
 */
export function rendererRequestHandler(directory: string): (request: RendererRequest) => Promise<Response> {
  // The guards' own test of "is this our renderer?", so what is served and what may be shown cannot drift apart.
  const location = appSchemeLocation()
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'Only reading is allowed here.')
    if (!location.allows(request.url)) return plainResponse(404, 'Not found')
    const file = await readStaticFile(directory, new URL(request.url).pathname)
    if (!file) return plainResponse(404, 'Not found')
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: 200, headers: staticFileHeaders(file) })
  }
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } })
}
