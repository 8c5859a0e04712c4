import { AppError } from '../errors/AppError'

const webProtocols: ReadonlySet<string> = new Set(['http:', 'https:'])

/**
 * Parses a link that is about to leave the app and returns it normalised, or throws
 * `AppError('invalid_input')`. Only http(s) passes: `file:`, `smb:`, `javascript:` or a custom
 * scheme handed to the OS can run programs or leak credentials. Parsed, never pattern-matched.
 */
export function requireWebAddress(url: string): URL {
  let parsed: URL | null = null
  try {
    parsed = new URL(url)
  } catch {
    // Unparseable: refused below like any other non-web address.
  }
  if (!parsed || !webProtocols.has(parsed.protocol)) {
    const message = 'Only web links (http or https) can be opened from Lanyard.'
    throw new AppError('invalid_input', message, {
      fields: { url: message },
      details: { protocol: parsed?.protocol ?? 'unparseable' },
    })
  }
  return parsed
}
