import { join } from 'node:path'
import { app, type BrowserWindow } from 'electron'
import { registerContract, type ContractRegistration } from './ipc/registerContract'
import { createLogger } from './logging/createLogger'
import { resolveDataDirectory } from './paths'
import { openExternalSafely } from './security/openExternalSafely'
import { startAppServices } from './services/startAppServices'
import { installApplicationMenu } from './window/applicationMenu'
import { createMainWindow } from './window/createMainWindow'
import { resolveRendererLocation } from './window/rendererLocation'
import { registerRendererScheme, serveRenderer } from './window/rendererProtocol'

/**
 * The Electron entry: one instance, services, the contract on IPC, one window on app://lanyard.
 * Built to `out/electron/main.cjs`, next to `preload.cjs`. DevTools and the developer menu items
 * exist only when the app is not packaged.
 */
async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  // Only possible before ready: the scheme's privileges are fixed when Chromium starts.
  registerRendererScheme()
  await app.whenReady()
  const developerTools = !app.isPackaged
  serveRenderer(join(app.getAppPath(), 'out', 'renderer'))
  installApplicationMenu({ developerTools, platform: process.platform })

  const dataDirectory = resolveDataDirectory(process.env, app.getPath('userData'))
  const logger = createLogger({ directory: dataDirectory, console: !app.isPackaged })
  const location = resolveRendererLocation({ isPackaged: app.isPackaged, env: process.env })
  let mainWindow: BrowserWindow | null = null
  let contract: ContractRegistration | null = null

  const services = await startAppServices({
    env: process.env,
    dataDirectory,
    logger,
    appVersion: app.getVersion(),
    platform: process.platform,
    openExternal: (url) => openExternalSafely(url, logger),
    emit: (event, payload) => contract?.emit(event, payload),
  })

  contract = registerContract({
    handlers: services.handlers,
    logger,
    location,
    ourContents: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null),
  })

  const openWindow = () => {
    mainWindow = createMainWindow({ location, preloadPath: join(__dirname, 'preload.cjs'), logger, developerTools })
    mainWindow.on('closed', () => (mainWindow = null))
  }
  openWindow()

  app.on('second-instance', () => {
    if (!mainWindow) return openWindow()
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  // macOS keeps an app alive without windows and reopens one from the dock.
  app.on('activate', () => mainWindow ?? openWindow())
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  let closed = false
  const closeEverything = async () => {
    contract?.unregister()
    await services.close()
    logger.info('Lanyard stopped')
  }
  app.on('will-quit', (event) => {
    if (closed) return
    // Hold the quit until a change in progress (a profile save) has finished.
    event.preventDefault()
    closeEverything()
      .catch((error: unknown) => logger.error('shutdown did not finish cleanly', { error }))
      .finally(() => {
        closed = true
        app.quit()
      })
  })
  logger.info('Lanyard started', { version: app.getVersion(), dataDirectory })
}

start().catch((error: unknown) => {
  // Nothing else is set up to report this: print it and leave, rather than linger windowless.
  console.error('Lanyard could not start:', error)
  app.exit(1)
})
