import { join } from 'node:path'
import type { Logger } from '../logging/Logger'
import { writeFileAtomically } from '../profiles/writeFileAtomically'
import { readJsonObject } from '../storage/readJsonObject'

/** The person's settings for this installation, beside `profiles.json` in the data folder. */
export const settingsFileName = 'settings.json'

export interface AppSettings {
  /** Whether Lanyard's own Sandbox profiles (and so their tenants) may be used. */
  sandboxProfiles: 'on' | 'off'
}

const defaultSettings: AppSettings = { sandboxProfiles: 'on' }

/**
 * The saved settings, each one that is missing or not understood at its default. An unreadable
 * file is logged and left as it is (it is only replaced when the person changes a setting).
 */
export async function readSettings(dataDirectory: string, logger: Logger): Promise<AppSettings> {
  const saved = await readSettingsFile(dataDirectory, logger)
  return { sandboxProfiles: saved.sandboxProfiles === 'off' ? 'off' : defaultSettings.sandboxProfiles }
}

/** Changes some settings and keeps the others, including ones a newer version wrote; atomically, so a crash leaves the old file or the new one. */
export async function saveSettings(dataDirectory: string, changes: Partial<AppSettings>, logger: Logger): Promise<void> {
  const saved = await readSettingsFile(dataDirectory, logger)
  await writeFileAtomically(join(dataDirectory, settingsFileName), `${JSON.stringify({ ...saved, ...changes }, null, 2)}\n`)
}

function readSettingsFile(dataDirectory: string, logger: Logger): Promise<Record<string, unknown>> {
  return readJsonObject(join(dataDirectory, settingsFileName), logger, 'the settings file could not be read; the default settings apply')
}
