import { join } from 'node:path'
import { app, dialog, session, utilityProcess, type BrowserWindow } from 'electron'
import { useSystemProxyResolver } from './http/network/proxySettings'
import { registerContract, type ContractRegistration } from './ipc/registerContract'
import { createLogger } from './logging/createLogger'
import { resolveDataDirectory } from './paths'
import { launchUtilitySandbox } from './sandbox/process/launchSandboxProcess'
import { openExternalSafely } from './security/openExternalSafely'
import { startAppServices } from './services/startAppServices'
import { acquireDataFolderLock, type DataFolderLock } from './storage/dataFolderLock'
import { installApplicationMenu } from './window/applicationMenu'
import { createMainWindow } from './window/createMainWindow'
import { resolveRendererLocation } from './window/rendererLocation'
import { registerRendererScheme, serveRenderer } from './window/rendererProtocol'

/**
 * The Electron entry: one instance, the data folder's lock, services, the contract on IPC, one window on app://lanyard.
 * Built to `out/electron/main.cjs`, next to `preload.cjs` and `sandbox.cjs` (the sandbox tenants'
 * utility process, started when a Sandbox profile is first used). DevTools and the developer menu items
 * exist only when the app is not packaged.
 */
async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  // Electron's own lock covers only another copy of the app; the preview or the command line may hold the folder.
  const dataDirectory = resolveDataDirectory(process.env, app.getPath('userData'))
  const folderLock = await lockDataFolder(dataDirectory)
  if (!folderLock) return
  // Only possible before ready: the scheme's privileges are fixed when Chromium starts.
  registerRendererScheme()
  await app.whenReady()
  // Main's own connections (the connectors') follow the system proxy as Chromium applies it: PAC, WPAD, OS settings.
  useSystemProxyResolver((url) => session.defaultSession.resolveProxy(url))
  const developerTools = !app.isPackaged
  serveRenderer(join(app.getAppPath(), 'out', 'renderer'))
  installApplicationMenu({ developerTools, platform: process.platform })

  const logger = createLogger({ directory: dataDirectory, console: !app.isPackaged })
  const location = resolveRendererLocation({ isPackaged: app.isPackaged, env: process.env })
  let mainWindow: BrowserWindow | null = null
  let contract: ContractRegistration | null = null

  const services = await startAppServices({
    env: process.env,
    dataDirectory,
    folderLock,
    logger,
    appVersion: app.getVersion(),
    platform: process.platform,
    openExternal: (url) => openExternalSafely(url, logger),
    emit: (event, payload) => contract?.emit(event, payload),
    launchSandbox: () => launchUtilitySandbox(utilityProcess, join(__dirname, 'sandbox.cjs')),
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
    // Last: after this another process may write to the folder, the log included.
    folderLock.release()
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

/**
 * Takes the data folder before anything is written to it (the log included). When another process
 * has it, says so in an error box and leaves with 1, having touched nothing.
 */
async function lockDataFolder(dataDirectory: string): Promise<DataFolderLock | undefined> {
  try {
    return acquireDataFolderLock({ directory: dataDirectory, door: 'app' })
  } catch (error) {
    // Before ready, Linux prints an error box to stderr instead of showing it.
    await app.whenReady()
    dialog.showErrorBox('Lanyard cannot open its data folder', error instanceof Error ? error.message : String(error))
    app.exit(1)
    return undefined
  }
}

start().catch((error: unknown) => {
  // Nothing else is set up to report this: print it and leave, rather than linger windowless.
  console.error('Lanyard could not start:', error)
  app.exit(1)
})
