import { shell } from 'electron'
import type { Logger } from '../logging/Logger'
import { AppError } from '../services/AppError'

const webProtocols: ReadonlySet<string> = new Set(['http:', 'https:'])

/**
 * The one way Lanyard hands a URL to the operating system (lint bans `shell.openExternal`
 * elsewhere). Only http(s) passes: `file:`, `smb:`, `javascript:` or a custom scheme handed to
 * the OS can run programs or leak credentials. The URL is parsed, never pattern-matched, and the
 * normalised form is what gets opened.
 *
 * Throws `AppError('invalid_input')` for a refused URL (after logging it).
 */
export async function openExternalSafely(url: string, logger: Logger): Promise<void> {
  const parsed = parseUrl(url)
  if (!parsed || !webProtocols.has(parsed.protocol)) {
    logger.warn('refused to open a link that is not a web address', { protocol: parsed?.protocol ?? 'unparseable' })
    const message = 'Only web links (http or https) can be opened from Lanyard.'
    throw new AppError('invalid_input', message, { fields: { url: message } })
  }
  await shell.openExternal(parsed.href)
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}
