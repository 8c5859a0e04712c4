import { readFile } from 'node:fs/promises'
import type { Logger } from '../logging/Logger'

/**
 * A small JSON file holding one object (settings, a record Lanyard keeps for itself): absent is
 * `{}`, and so is unreadable, with `warning` logged — such a file only ever holds what defaults
 * or a fresh start can rebuild, so it never stops the app.
 */
export async function readJsonObject(path: string, logger: Logger, warning: string): Promise<Record<string, unknown>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return {}
  }
  try {
    const parsed: unknown = JSON.parse(text)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>
  } catch {
    // Fall through to the warning.
  }
  logger.warn(warning, { path })
  return {}
}
