import { homedir } from 'node:os'
import { join } from 'node:path'

/** The environment variable that moves every piece of Lanyard state (tests, the CLI, a second copy). */
export const dataDirectoryVariable = 'LANYARD_HOME'

/**
 * Where Lanyard keeps its state: `LANYARD_HOME` when set (and not blank), else the platform's
 * default. Electron passes `app.getPath('userData')`; the preview server passes
 * `defaultDataDirectory()`.
 */
export function resolveDataDirectory(env: Readonly<Record<string, string | undefined>>, platformDefault: string): string {
  const override = env[dataDirectoryVariable]?.trim()
  return override ? override : platformDefault
}

/**
 * The folder Electron's `userData` would be for an app named Lanyard, for processes that run
 * without Electron (the preview bridge). Same rules as Electron, so both share one data folder.
 */
export function defaultDataDirectory(
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Lanyard')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Lanyard')
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Lanyard')
}

/** The lock file that makes one process at a time the writer of a data folder (electron/storage/dataFolderLock.ts). */
export function dataFolderLockFile(dataDirectory: string): string {
  return join(dataDirectory, 'lanyard.lock')
}
