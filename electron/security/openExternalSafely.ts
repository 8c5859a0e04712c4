import { shell } from 'electron'
import type { Logger } from '../logging/Logger'
import { AppError } from '../errors/AppError'
import { requireWebAddress } from './webAddress'

/**
 * The one way Lanyard hands a URL to the operating system (lint bans `shell.openExternal`
 * elsewhere). Only what `requireWebAddress` accepts passes, and its normalised form is opened.
 *
 * Throws `AppError('invalid_input')` for a refused URL (after logging it).
 */
export async function openExternalSafely(url: string, logger: Logger): Promise<void> {
  let address: URL
  try {
    address = requireWebAddress(url)
  } catch (error) {
    const protocol = error instanceof AppError ? error.extra.details?.protocol : undefined
    logger.warn('refused to open a link that is not a web address', { protocol: protocol ?? 'unparseable' })
    throw error
  }
  await shell.openExternal(address.href)
}
