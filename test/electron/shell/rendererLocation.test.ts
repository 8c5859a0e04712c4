import { describe, expect, it } from 'vitest'
import { appSchemeLocation, devServerLocation, resolveRendererLocation } from '../../../electron/window/rendererLocation'

describe('the renderer location', () => {
  it('is app://lanyard in a packaged app, whatever the environment says', () => {
    const location = resolveRendererLocation({ isPackaged: true, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } })
    expect(location.url).toBe('app://lanyard/index.html')
  })

  it('is app://lanyard in a development run without a dev server', () => {
    expect(resolveRendererLocation({ isPackaged: false, env: {} }).url).toBe('app://lanyard/index.html')
  })

  it('is the dev server during development', () => {
    const location = resolveRendererLocation({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } })
    expect(location.url).toBe('http://localhost:5173/')
  })

  it('allows only the exact app://lanyard origin, with any path, route or query', () => {
    const location = appSchemeLocation()
    expect(location.allows('app://lanyard/index.html')).toBe(true)
    expect(location.allows('app://lanyard/index.html#/profiles?x=1')).toBe(true)
    expect(location.allows('app://lanyard/')).toBe(true)
    expect(location.allows('app://evil/index.html')).toBe(false)
    expect(location.allows('app://lanyard.evil/index.html')).toBe(false)
    expect(location.allows('app://evil.lanyard/index.html')).toBe(false)
    expect(location.allows('app://lanyard:8080/index.html')).toBe(false)
    expect(location.allows('app://someone@lanyard/index.html')).toBe(false)
    expect(location.allows('file:///opt/Lanyard/resources/app.asar/out/renderer/index.html')).toBe(false)
    expect(location.allows('https://lanyard/index.html')).toBe(false)
    expect(location.allows('lanyard://lanyard/index.html')).toBe(false)
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
