import { beforeEach, describe, expect, it, vi } from 'vitest'
import { contentSecurityPolicy } from '../../../electron/security/contentSecurityPolicy'
import { createMainWindow } from '../../../electron/window/createMainWindow'
import { appSchemeLocation } from '../../../electron/window/rendererLocation'
import { BrowserWindow, FakeEvent, resetElectronStandIn, shell } from '../../support/electronStandIn'
import { createRecordingLogger } from '../../support/recordingLogger'

vi.mock('electron', () => import('../../support/electronStandIn'))

const location = appSchemeLocation()

function openWindow({ developerTools = false } = {}) {
  const logger = createRecordingLogger()
  createMainWindow({ location, preloadPath: '/opt/Lanyard/out/electron/preload.cjs', logger, developerTools })
  const window = BrowserWindow.created.at(-1)
  if (!window) throw new Error('no window was created')
  return { window, contents: window.webContents, session: window.webContents.session, logger }
}

beforeEach(() => resetElectronStandIn())

describe('the main window', () => {
  it('runs the renderer isolated, sandboxed, without Node and with web security', () => {
    const { window } = openWindow()
    expect(window.options.webPreferences).toMatchObject({
      preload: '/opt/Lanyard/out/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('loads the built renderer and shows itself once painted', () => {
    const { window } = openWindow()
    expect(window.loadedUrl).toBe('app://lanyard/index.html')
    expect(window.shown).toBe(false)
    window.emit('ready-to-show')
    expect(window.shown).toBe(true)
  })
})

describe('the Content-Security-Policy header', () => {
  function respond(session: ReturnType<typeof openWindow>['session'], responseHeaders?: Record<string, string[]>) {
    const listener = session.headersListener
    if (!listener) throw new Error('no response-header listener')
    let answered: Record<string, string[]> | undefined
    listener({ url: 'http://localhost:5173/', responseHeaders }, (response) => (answered = response.responseHeaders))
    return answered
  }

  it('is added to every response, keeping the other headers', () => {
    const { session } = openWindow()
    const headers = respond(session, { 'Content-Type': ['text/html'] })
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy] })
  })

  it('replaces a weaker policy sent by the server, whatever its letter case', () => {
    const { session } = openWindow()
    const headers = respond(session, { 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"] })
    expect(headers).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy] })
  })

  it('is added to a response that had no headers', () => {
    const { session } = openWindow()
    expect(respond(session)).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy] })
  })

  it('is strict: only our own scripts, styles and connections; no objects, framing, base or forms', () => {
    const directives = new Map(contentSecurityPolicy.split('; ').map((part) => [part.split(' ')[0], part]))
    expect(directives.get('default-src')).toBe("default-src 'self'")
    expect(directives.get('script-src')).toBe("script-src 'self'")
    expect(directives.get('style-src')).toBe("style-src 'self'")
    expect(directives.get('img-src')).toBe("img-src 'self' data:")
    expect(directives.get('connect-src')).toBe("connect-src 'self'")
    expect(directives.get('object-src')).toBe("object-src 'none'")
    expect(directives.get('base-uri')).toBe("base-uri 'none'")
    expect(directives.get('frame-ancestors')).toBe("frame-ancestors 'none'")
    expect(directives.get('form-action')).toBe("form-action 'none'")
    expect(contentSecurityPolicy).not.toMatch(/unsafe-|\*/)
  })
})

describe('navigation and new windows', () => {
  it('blocks navigation and redirects away from the renderer', () => {
    const { contents } = openWindow()
    for (const eventName of ['will-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'app://evil/index.html', 'file:///etc/passwd', 'file:///opt/Lanyard/resources/app/out/renderer/index.html']) {
        const event = new FakeEvent(url)
        contents.emit(eventName, event)
        expect(event.defaultPrevented, `${eventName} ${url}`).toBe(true)
      }
    }
  })

  it('blocks a main-frame navigation away from the renderer seen by will-frame-navigate', () => {
    const { contents } = openWindow()
    for (const url of ['https://evil.example/', 'app://evil/index.html', 'file:///etc/passwd']) {
      const event = Object.assign(new FakeEvent(url), { isMainFrame: true })
      contents.emit('will-frame-navigate', event)
      expect(event.defaultPrevented, url).toBe(true)
    }
    const own = Object.assign(new FakeEvent(`${location.url}#/profiles`), { isMainFrame: true })
    contents.emit('will-frame-navigate', own)
    expect(own.defaultPrevented).toBe(false)
  })

  it('lets no subframe navigate anywhere, not even to our own origin', () => {
    const { contents, logger } = openWindow()
    for (const url of ['https://evil.example/', 'about:blank', location.url, `${location.url}#/profiles`]) {
      const event = Object.assign(new FakeEvent(url), { isMainFrame: false })
      contents.emit('will-frame-navigate', event)
      expect(event.defaultPrevented, url).toBe(true)
    }
    expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(4)
  })

  it('lets the renderer move within its own page', () => {
    const { contents } = openWindow()
    const event = new FakeEvent(`${location.url}#/profiles`)
    contents.emit('will-navigate', event)
    expect(event.defaultPrevented).toBe(false)
  })

  it('denies every new window and sends a web link to the default browser instead', async () => {
    const { contents } = openWindow()
    const decision = contents.windowOpenHandler?.({ url: 'https://help.okta.com/en' })
    expect(decision).toEqual({ action: 'deny' })
    await vi.waitFor(() => expect(shell.opened).toEqual(['https://help.okta.com/en']))
  })

  it('denies a new window for a local file and opens nothing', async () => {
    const { contents, logger } = openWindow()
    expect(contents.windowOpenHandler?.({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' })
    await vi.waitFor(() => expect(logger.lines.length).toBeGreaterThan(0))
    expect(shell.opened).toEqual([])
  })

  it('blocks <webview> tags', () => {
    const { contents } = openWindow()
    const event = new FakeEvent()
    contents.emit('will-attach-webview', event)
    expect(event.defaultPrevented).toBe(true)
  })
})

describe('permissions', () => {
  it('denies every permission request', () => {
    const { session } = openWindow()
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answer = vi.fn()
      session.permissionRequestHandler?.(null, permission, answer)
      expect(answer, permission).toHaveBeenCalledWith(false)
    }
  })

  it('answers every permission check with no', () => {
    const { session } = openWindow()
    expect(session.permissionCheckHandler).not.toBeNull()
    expect(session.permissionCheckHandler?.(null, 'media')).toBe(false)
    expect(session.permissionCheckHandler?.(null, 'clipboard-sanitized-write')).toBe(false)
  })
})

describe('developer tools', () => {
  type Keys = { key: string; code: string; control?: boolean; meta?: boolean; shift?: boolean; alt?: boolean }
  const developerKeys: Keys[] = [
    { key: 'F12', code: 'F12' },
    { key: 'I', code: 'KeyI', control: true, shift: true },
    { key: 'ˆ', code: 'KeyI', meta: true, alt: true },
    { key: 'J', code: 'KeyJ', control: true, shift: true },
    { key: 'C', code: 'KeyC', control: true, shift: true },
    { key: 'r', code: 'KeyR', control: true },
    { key: 'R', code: 'KeyR', control: true, shift: true },
    { key: 'r', code: 'KeyR', meta: true },
    { key: 'F5', code: 'F5' },
    { key: 'F5', code: 'F5', control: true },
  ]
  const ordinaryKeys: Keys[] = [
    { key: 'c', code: 'KeyC', control: true },
    { key: 'v', code: 'KeyV', meta: true },
    { key: 'r', code: 'KeyR' },
    { key: 'R', code: 'KeyR', shift: true },
    { key: '/', code: 'Slash' },
    { key: 'Escape', code: 'Escape' },
  ]

  function press(contents: ReturnType<typeof openWindow>['contents'], keys: Keys, type = 'keyDown') {
    const event = new FakeEvent()
    contents.emit('before-input-event', event, { type, control: false, meta: false, shift: false, alt: false, ...keys })
    return event.defaultPrevented
  }

  it('are off in a packaged build', () => {
    expect(openWindow().window.options.webPreferences?.devTools).toBe(false)
  })

  it('stay on in a development build', () => {
    expect(openWindow({ developerTools: true }).window.options.webPreferences?.devTools).toBe(true)
  })

  it('cannot be opened, nor the page reloaded, from the keyboard in a packaged build', () => {
    const { contents } = openWindow()
    for (const keys of developerKeys) expect(press(contents, keys), JSON.stringify(keys)).toBe(true)
  })

  it('leave every other key to the renderer', () => {
    const { contents } = openWindow()
    for (const keys of ordinaryKeys) expect(press(contents, keys), JSON.stringify(keys)).toBe(false)
    expect(press(contents, { key: 'F12', code: 'F12' }, 'keyUp')).toBe(false)
  })

  it('keep their shortcuts in a development build', () => {
    const { contents } = openWindow({ developerTools: true })
    for (const keys of developerKeys) expect(press(contents, keys), JSON.stringify(keys)).toBe(false)
  })
})
