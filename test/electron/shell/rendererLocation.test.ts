import { describe, expect, it } from 'vitest'
import { builtFileLocation, devServerLocation, resolveRendererLocation } from '../../../electron/window/rendererLocation'

describe('the renderer location', () => {
  it('is the built index.html under the app root in a packaged app, whatever the environment says', () => {
    const location = resolveRendererLocation({
      appRoot: '/opt/Lanyard/resources/app.asar',
      isPackaged: true,
      env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' },
    })
    expect(location.url).toBe('file:///opt/Lanyard/resources/app.asar/out/renderer/index.html')
  })

  it('is the dev server during development', () => {
    const location = resolveRendererLocation({
      appRoot: '/home/dev/lanyard',
      isPackaged: false,
      env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' },
    })
    expect(location.url).toBe('http://localhost:5173/')
  })

  it('allows only the exact built file, with any route in its query or hash', () => {
    const location = builtFileLocation('/opt/Lanyard/out/renderer/index.html')
    expect(location.allows('file:///opt/Lanyard/out/renderer/index.html')).toBe(true)
    expect(location.allows('file:///opt/Lanyard/out/renderer/index.html#/profiles?x=1')).toBe(true)
    expect(location.allows('file:///opt/Lanyard/out/renderer/other.html')).toBe(false)
    expect(location.allows('file:///opt/Lanyard/out/renderer/../renderer/evil/index.html')).toBe(false)
    expect(location.allows('file://attacker-host/opt/Lanyard/out/renderer/index.html')).toBe(false)
    expect(location.allows('https://opt/Lanyard/out/renderer/index.html')).toBe(false)
    expect(location.allows('not a url')).toBe(false)
  })

  it('allows only the dev server origin in development', () => {
    const location = devServerLocation('http://localhost:5173/')
    expect(location.allows('http://localhost:5173/src/main.ts')).toBe(true)
    expect(location.allows('http://localhost:5174/')).toBe(false)
    expect(location.allows('http://127.0.0.1:5173/')).toBe(false)
    expect(location.allows('https://localhost:5173/')).toBe(false)
  })

  it('rejects a dev server address that is not http(s)', () => {
    expect(() => devServerLocation('file:///tmp/index.html')).toThrow(/ELECTRON_RENDERER_URL/)
    expect(() => devServerLocation('localhost:5173')).toThrow(/ELECTRON_RENDERER_URL/)
  })
})
