import { BrowserWindow, type WebPreferences } from 'electron'
import type { Logger } from '../logging/Logger'
import { applySessionPolicy } from '../security/applySessionPolicy'
import { blockDeveloperShortcuts } from '../security/blockDeveloperShortcuts'
import { guardWebContents } from '../security/guardWebContents'
import type { RendererLocation } from './rendererLocation'

export interface MainWindowOptions {
  location: RendererLocation
  /** The bundled preload (`out/electron/preload.cjs`). */
  preloadPath: string
  logger: Logger
  /** DevTools and their shortcuts: only in development (`!app.isPackaged`). */
  developerTools: boolean
}

/**
 * The renderer runs as an untrusted web page: isolated from the preload, sandboxed, no Node,
 * same-origin rules on, no <webview>, and no DevTools in a packaged build. Its only way out is
 * `window.lanyard`.
 */
export function secureWebPreferences(preloadPath: string, developerTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    devTools: developerTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  }
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Lanyard',
    // Shown once painted, so the user never sees an empty white frame.
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath, options.developerTools),
  })
  applySessionPolicy(window.webContents.session, options.logger)
  guardWebContents(window.webContents, options.location, options.logger)
  if (!options.developerTools) blockDeveloperShortcuts(window.webContents)
  window.once('ready-to-show', () => window.show())

  window.loadURL(options.location.url).catch((error: unknown) => {
    options.logger.error('the renderer could not be loaded', { url: options.location.url, error })
  })
  return window
}
