import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { callNames, type Handlers } from '../../../shared/contract'
import { invokeChannel } from '../../../electron/ipc/channels'
import { dataFolderLockFile } from '../../../electron/paths'
import type * as StandIn from '../../support/electronStandIn'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

vi.mock('electron', () => import('../../support/electronStandIn'))

const services = vi.hoisted(() => ({ started: 0, closed: 0, options: [] as unknown[], order: [] as string[] }))
vi.mock('../../../electron/services/createServices', () => ({
  createServices: async (options: { sandboxes?: { ensureProfiles(handlers: unknown): Promise<void> } }) => {
    services.started += 1
    services.order.push('services')
    services.options.push(options)
    await options.sandboxes?.ensureProfiles({})
    const handlers = Object.fromEntries(callNames.map((name) => [name, async () => null])) as unknown as Handlers
    return { handlers, close: async () => void (services.closed += 1) }
  },
}))

// The real tenants are tested on their own; here only when main opens, provisions and stops them.
vi.mock('../../../electron/services/appSandboxes', () => ({
  openAppSandboxes: async () => {
    services.order.push('sandboxes')
    return {
      ensureProfiles: async () => void services.order.push('sandbox profiles'),
      close: async () => void services.order.push('sandboxes closed'),
    }
  },
}))

const temporaryDirectory = useTemporaryDirectories()

/** Loads main.ts afresh (it starts on import) against a fresh stand-in, and waits for start-up. */
async function startMain(prepare: (electron: typeof StandIn) => void = () => undefined) {
  vi.resetModules()
  const electron = (await import('electron')) as unknown as typeof StandIn
  electron.resetElectronStandIn()
  prepare(electron)
  await import('../../../electron/main')
  await vi.waitFor(() => expect(electron.BrowserWindow.created.length + electron.app.quitRequests + (electron.app.exitCode ?? 0)).toBeGreaterThan(0))
  return electron
}

beforeEach(() => {
  Object.assign(services, { started: 0, closed: 0, options: [], order: [] })
  vi.stubEnv('LANYARD_HOME', temporaryDirectory())
})
afterEach(() => vi.unstubAllEnvs())

describe('the Electron main process', () => {
  it('leaves at once when another Lanyard is already running', async () => {
    const electron = await startMain((stub) => (stub.app.hasInstanceLock = false))
    expect(electron.app.quitRequests).toBe(1)
    expect(electron.BrowserWindow.created).toEqual([])
    expect(services.started).toBe(0)
  })

  it('leaves with an error box naming the holder when another process has the data folder, touching nothing in it', async () => {
    const home = process.env.LANYARD_HOME ?? ''
    // This very process stands in for a running preview: a live pid on this computer.
    const holder = { pid: process.pid, door: 'preview', startedAt: new Date().toISOString(), host: hostname() }
    writeFileSync(dataFolderLockFile(home), JSON.stringify(holder))
    const electron = await startMain()
    expect(electron.app.exitCode).toBe(1)
    expect(electron.dialog.errorBoxes).toEqual([
      {
        title: 'Lanyard cannot open its data folder',
        content: `Lanyard is already open in another window (pid ${process.pid}, preview) — close it or use another LANYARD_HOME`,
      },
    ])
    expect(services.started).toBe(0)
    expect(services.order).toEqual([])
    expect(electron.BrowserWindow.created).toEqual([])
    expect(readdirSync(home)).toEqual(['lanyard.lock'])
    expect(JSON.parse(readFileSync(dataFolderLockFile(home), 'utf8'))).toEqual(holder)
  })

  it('holds the data folder while it runs and lets go of it when it quits', async () => {
    const lockFile = dataFolderLockFile(process.env.LANYARD_HOME ?? '')
    const electron = await startMain()
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, door: 'app', host: hostname() })
    electron.app.quit()
    await vi.waitFor(() => expect(electron.app.quitRequests).toBe(2))
    expect(existsSync(lockFile)).toBe(false)
  })

  it('starts the services, registers the contract and opens one window on the built renderer', async () => {
    const electron = await startMain()
    expect(services.started).toBe(1)
    expect(services.options[0]).toMatchObject({ dataDirectory: process.env.LANYARD_HOME, appVersion: '0.1.0-test' })
    expect(electron.ipcMain.handlers.has(invokeChannel)).toBe(true)
    const [window] = electron.BrowserWindow.created
    expect(electron.BrowserWindow.created).toHaveLength(1)
    expect(window?.loadedUrl).toBe('app://lanyard/index.html')
    expect(window?.options.webPreferences?.preload).toMatch(/preload\.cjs$/)
  })

  it('makes app:// privileged before ready and serves it from out/renderer under the app root', async () => {
    const appRoot = temporaryDirectory()
    mkdirSync(join(appRoot, 'out', 'renderer'), { recursive: true })
    writeFileSync(join(appRoot, 'out', 'renderer', 'index.html'), '<!doctype html>')
    const electron = await startMain((stub) => (stub.app.appPath = appRoot))
    expect(electron.protocol.privileged.map((entry) => entry.scheme)).toEqual(['app'])
    const response = await electron.protocol.handlers.get('app')?.({ url: 'app://lanyard/index.html', method: 'GET' })
    expect(response?.status).toBe(200)
    expect(await response?.text()).toBe('<!doctype html>')
  })

  it('in a packaged build: DevTools off and a menu without developer items', async () => {
    const electron = await startMain()
    expect(electron.BrowserWindow.created[0]?.options.webPreferences?.devTools).toBe(false)
    const roles = JSON.stringify(electron.Menu.applicationMenu?.template ?? null).toLowerCase()
    expect(roles).toContain('editmenu')
    expect(roles).not.toMatch(/reload|toggledevtools|viewmenu/)
  })

  it('in a development build: DevTools and their menu items stay', async () => {
    const electron = await startMain((stub) => (stub.app.isPackaged = false))
    expect(electron.BrowserWindow.created[0]?.options.webPreferences?.devTools).toBe(true)
    expect(JSON.stringify(electron.Menu.applicationMenu?.template ?? null).toLowerCase()).toContain('toggledevtools')
  })

  it('hands the sandbox tenants to the services, which make their profiles', async () => {
    await startMain()
    expect(services.order).toEqual(['sandboxes', 'services', 'sandbox profiles'])
  })

  it('ignores the dev server variable in a packaged app', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://attacker.example/')
    const electron = await startMain()
    expect(electron.BrowserWindow.created[0]?.loadedUrl).toBe('app://lanyard/index.html')
  })

  it('focuses the existing window when a second copy is launched', async () => {
    const electron = await startMain()
    const window = electron.BrowserWindow.created[0]
    const focus = vi.fn()
    Object.assign(window ?? {}, { isMinimized: () => false, focus })
    electron.app.emit('second-instance')
    expect(focus).toHaveBeenCalledOnce()
    expect(electron.BrowserWindow.created).toHaveLength(1)
  })

  it('closes the services and the IPC handler before the app quits', async () => {
    const electron = await startMain()
    electron.app.quit()
    await vi.waitFor(() => expect(electron.app.quitRequests).toBe(2))
    expect(services.closed).toBe(1)
    expect(services.order.at(-1)).toBe('sandboxes closed')
    expect(electron.ipcMain.handlers.has(invokeChannel)).toBe(false)
  })

  it.runIf(process.platform !== 'darwin')('quits when its last window is closed', async () => {
    const electron = await startMain()
    electron.app.emit('window-all-closed')
    expect(electron.app.quitRequests).toBe(1)
  })

  it("hands main's connections the system proxy as Chromium resolves it for the default session", async () => {
    const electron = await startMain((stub) => (stub.session.defaultSession.proxyAnswer = 'PROXY proxy.corp:3128; DIRECT'))
    const { installedSystemProxyResolver } = await import('../../../electron/http/network/proxySettings')
    expect(await installedSystemProxyResolver()?.('https://acme.okta.com/')).toBe('PROXY proxy.corp:3128; DIRECT')
    expect(electron.session.defaultSession.proxyQueries).toEqual(['https://acme.okta.com/'])
  })
})
