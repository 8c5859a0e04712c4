import { EventEmitter } from 'node:events'

/**
 * A small fake of the parts of Electron the shell uses; the real binary cannot run here. Tests
 * route the module to it with `vi.mock('electron', () => import('../../support/electronStandIn'))`
 * and import it themselves to drive and inspect it. `resetElectronStandIn()` between tests.
 */

export class FakeFrame {
  constructor(
    public url: string,
    readonly parent: FakeFrame | null = null,
  ) {}
}

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void

export class FakeSession {
  headersListener: HeadersListener | null = null
  permissionRequestHandler: PermissionRequestHandler | null = null
  permissionCheckHandler: ((contents: unknown, permission: string) => boolean) | null = null
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => void (this.headersListener = listener),
  }
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void {
    this.permissionCheckHandler = handler
  }
  /** What `resolveProxy` answers (Chromium's PAC-style string), and the URLs it was asked about. */
  proxyAnswer = 'DIRECT'
  readonly proxyQueries: string[] = []
  resolveProxy(url: string): Promise<string> {
    this.proxyQueries.push(url)
    return Promise.resolve(this.proxyAnswer)
  }
}

/** An Electron-style event: `defaultPrevented` tells whether the guard stopped it. */
export class FakeEvent {
  defaultPrevented = false
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' }

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame
  readonly session = new FakeSession()
  readonly sent: { channel: string; args: unknown[] }[] = []
  windowOpenHandler: WindowOpenHandler | null = null
  destroyed = false

  constructor(url = 'about:blank') {
    super()
    this.mainFrame = new FakeFrame(url)
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  loadedUrl: string | null = null
  shown = false

  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super()
    BrowserWindow.created.push(this)
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    this.webContents.mainFrame.url = url
  }
  show(): void {
    this.shown = true
  }
  isDestroyed(): boolean {
    return false
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  },
}

class FakeIpcRenderer extends EventEmitter {
  readonly invoked: { channel: string; args: unknown[] }[] = []
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args })
    return { ok: true, value: 'from main' }
  }
}
/** Shared for the whole test file: the preload subscribes to it once, when it is imported. */
export const ipcRenderer = new FakeIpcRenderer()

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api)
  },
}

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    shell.opened.push(url)
  },
}

/** Records the error boxes shown, which tests read instead of a person. */
export const dialog = {
  errorBoxes: [] as { title: string; content: string }[],
  showErrorBox(title: string, content: string): void {
    dialog.errorBoxes.push({ title, content })
  },
}

type ProtocolHandler = (request: { url: string; method: string }) => Response | Promise<Response>
interface PrivilegedScheme {
  scheme: string
  privileges?: Record<string, boolean>
}

/** Like Electron: schemes are made privileged only before ready, and served only after it. */
export const protocol = {
  privileged: [] as PrivilegedScheme[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: PrivilegedScheme[]): void {
    if (app.ready) throw new Error('registerSchemesAsPrivileged must be called before the app is ready')
    protocol.privileged.push(...schemes)
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!app.ready) throw new Error('protocol.handle must be called after the app is ready')
    if (protocol.handlers.has(scheme)) throw new Error(`the ${scheme} scheme is already handled`)
    protocol.handlers.set(scheme, handler)
  },
}

export interface FakeMenuItem {
  role?: string
  label?: string
  type?: string
  submenu?: FakeMenuItem[]
}

/** Keeps the template as given, so tests can read which items the menu holds. */
export const Menu = {
  applicationMenu: null as { template: FakeMenuItem[] } | null,
  buildFromTemplate(template: FakeMenuItem[]): { template: FakeMenuItem[] } {
    return { template }
  },
  setApplicationMenu(menu: { template: FakeMenuItem[] } | null): void {
    Menu.applicationMenu = menu
  },
}

class FakeApp extends EventEmitter {
  isPackaged = true
  ready = false
  hasInstanceLock = true
  quitRequests = 0
  exitCode: number | null = null
  appPath = '/opt/Lanyard/resources/app.asar'
  userData = '/home/someone/.config/Lanyard'

  requestSingleInstanceLock(): boolean {
    return this.hasInstanceLock
  }
  async whenReady(): Promise<void> {
    this.ready = true
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`the stand-in only knows userData, not ${name}`)
    return this.userData
  }
  getAppPath(): string {
    return this.appPath
  }
  getVersion(): string {
    return '0.1.0-test'
  }
  /** Like Electron: asks to quit, and lets `will-quit` listeners hold it. */
  quit(): void {
    this.quitRequests += 1
    const event = new FakeEvent()
    this.emit('will-quit', event)
  }
  exit(code: number): void {
    this.exitCode = code
  }
}
export const app = new FakeApp()

/** The default session, which main asks for the system's proxy (a window has a FakeSession of its own). */
export const session = { defaultSession: new FakeSession() }

export function resetElectronStandIn(): void {
  session.defaultSession = new FakeSession()
  BrowserWindow.created.length = 0
  ipcMain.handlers.clear()
  ipcRenderer.invoked.length = 0
  contextBridge.exposed.clear()
  shell.opened.length = 0
  dialog.errorBoxes.length = 0
  protocol.privileged.length = 0
  protocol.handlers.clear()
  Menu.applicationMenu = null
  app.removeAllListeners()
  Object.assign(app, { isPackaged: true, ready: false, hasInstanceLock: true, quitRequests: 0, exitCode: null })
}

