import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Where the renderer comes from, and the one test of "is this URL our renderer?" that the sender
 * guard and the navigation guard share.
 */
export interface RendererLocation {
  /** The URL the main window loads. */
  readonly url: string
  /** True only for our renderer: the exact index file in production, the dev server's origin in dev. */
  allows(url: string): boolean
}

/** Set by the dev tooling to the Vite dev server; honoured only when the app is not packaged. */
export const rendererUrlVariable = 'ELECTRON_RENDERER_URL'

export interface RendererLocationOptions {
  /** The application root (Electron's `app.getAppPath()`): the folder holding `out/`. */
  appRoot: string
  isPackaged: boolean
  env: Readonly<Record<string, string | undefined>>
}

export function resolveRendererLocation(options: RendererLocationOptions): RendererLocation {
  const devServer = options.env[rendererUrlVariable]?.trim()
  // A packaged app never takes its page from the environment: anyone who can set a variable
  // could otherwise point Lanyard's privileged window at their own page.
  if (devServer && !options.isPackaged) return devServerLocation(devServer)
  return builtFileLocation(join(options.appRoot, 'out', 'renderer', 'index.html'))
}

export function builtFileLocation(indexFile: string): RendererLocation {
  const url = pathToFileURL(indexFile).href
  return {
    url,
    // Query and hash are the renderer's own routing state; the file itself must be exactly ours.
    allows: (candidate) => {
      const parsed = parseUrl(candidate)
      if (!parsed || parsed.protocol !== 'file:') return false
      parsed.search = ''
      parsed.hash = ''
      return parsed.href === url
    },
  }
}

export function devServerLocation(devServerUrl: string): RendererLocation {
  const parsed = parseUrl(devServerUrl)
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new Error(`${rendererUrlVariable} must be an http(s) address of the dev server, got "${devServerUrl}".`)
  }
  const origin = parsed.origin
  return {
    url: parsed.href,
    allows: (candidate) => parseUrl(candidate)?.origin === origin,
  }
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}
