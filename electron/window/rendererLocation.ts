/**
 * The built renderer's address: a scheme of our own (served by rendererProtocol.ts) and one host,
 * so one exact origin. Kept here, free of Electron, so the guards can be tested without it.
 */
export const rendererScheme = 'app'
export const rendererHost = 'lanyard'
export const rendererIndexUrl = `${rendererScheme}://${rendererHost}/index.html`

/**
 * Where the renderer comes from, and the one test of "is this URL our renderer?" that the sender
 * guard and the navigation guard share.
 */
export interface RendererLocation {
  /** The URL the main window loads. */
  readonly url: string
  /** True only for our renderer: the app://lanyard origin for the built files, the dev server's origin in dev. */
  allows(url: string): boolean
}

/** Set by the dev tooling to the Vite dev server; honoured only when the app is not packaged. */
export const rendererUrlVariable = 'ELECTRON_RENDERER_URL'

export interface RendererLocationOptions {
  isPackaged: boolean
  env: Readonly<Record<string, string | undefined>>
}

export function resolveRendererLocation(options: RendererLocationOptions): RendererLocation {
  const devServer = options.env[rendererUrlVariable]?.trim()
  // A packaged app never takes its page from the environment: anyone who can set a variable
  // could otherwise point Lanyard's privileged window at their own page.
  if (devServer && !options.isPackaged) return devServerLocation(devServer)
  return appSchemeLocation()
}

/**
 * The built renderer on app://lanyard (rendererProtocol.ts). The scheme serves nothing but
 * out/renderer, so the whole origin is ours; the host is compared exactly (Node's URL gives
 * custom schemes no `origin`), and a user or port makes it another address.
 */
export function appSchemeLocation(): RendererLocation {
  return {
    url: rendererIndexUrl,
    allows: (candidate) => {
      const parsed = parseUrl(candidate)
      if (!parsed || parsed.protocol !== `${rendererScheme}:`) return false
      return parsed.host === rendererHost && parsed.username === '' && parsed.password === ''
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
