import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import viteConfig from '../../../vite.config'
import { contentSecurityPolicy } from '../../../electron/security/contentSecurityPolicy'
import { rendererIndexUrl } from '../../../electron/window/rendererLocation'
import { registerRendererScheme, rendererRequestHandler, serveRenderer } from '../../../electron/window/rendererProtocol'
import { app, protocol, resetElectronStandIn } from '../../support/electronStandIn'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

vi.mock('electron', () => import('../../support/electronStandIn'))

const temporaryDirectory = useTemporaryDirectories()
const secret = 'the contents of a file outside the renderer'

/** A folder shaped like out/renderer, with a file next to it that must never be served. */
function builtRenderer() {
  const root = temporaryDirectory()
  const directory = join(root, 'renderer')
  mkdirSync(join(directory, 'assets'), { recursive: true })
  writeFileSync(join(directory, 'index.html'), '<!doctype html><script type="module" src="./assets/index-4f2a.js"></script>')
  writeFileSync(join(directory, 'assets', 'index-4f2a.js'), 'console.log("renderer")')
  writeFileSync(join(directory, 'assets', 'index-9c1b.css'), 'body { margin: 0 }')
  writeFileSync(join(directory, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  writeFileSync(join(root, 'secret.txt'), secret)
  return directory
}

function requestsTo(directory: string) {
  const handler = rendererRequestHandler(directory)
  return (url: string, method = 'GET') => handler({ url, method })
}

beforeEach(() => resetElectronStandIn())

describe('the app:// scheme', () => {
  it('is made standard, secure and fetch-capable before the app is ready, and nothing more', () => {
    registerRendererScheme()
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])
  })

  it('is served after ready from the given folder', async () => {
    const directory = builtRenderer()
    await app.whenReady()
    serveRenderer(directory)
    const handler = protocol.handlers.get('app')
    expect([...protocol.handlers.keys()]).toEqual(['app'])
    expect((await handler?.({ url: 'app://lanyard/favicon.svg', method: 'GET' }))?.status).toBe(200)
  })

  it('names one exact origin for the window to load', () => {
    expect(rendererIndexUrl).toBe('app://lanyard/index.html')
  })
})

describe('the app:// handler', () => {
  it('serves index.html at the root and by name, with the Content-Security-Policy header', async () => {
    const request = requestsTo(builtRenderer())
    for (const url of ['app://lanyard/', 'app://lanyard/index.html', 'app://lanyard/index.html#/profiles']) {
      const response = await request(url)
      expect(response.status, url).toBe(200)
      expect(response.headers.get('content-type'), url).toBe('text/html; charset=utf-8')
      expect(response.headers.get('content-security-policy'), url).toBe(contentSecurityPolicy)
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff')
      expect(await response.text(), url).toContain('./assets/index-4f2a.js')
    }
  })

  it('gives each asset its content type', async () => {
    const request = requestsTo(builtRenderer())
    const types = {
      'app://lanyard/assets/index-4f2a.js': 'text/javascript; charset=utf-8',
      'app://lanyard/assets/index-9c1b.css': 'text/css; charset=utf-8',
      'app://lanyard/favicon.svg': 'image/svg+xml',
    }
    for (const [url, type] of Object.entries(types)) {
      const response = await request(url)
      expect(response.status, url).toBe(200)
      expect(response.headers.get('content-type'), url).toBe(type)
      expect(response.headers.get('content-security-policy'), url).toBe(contentSecurityPolicy)
    }
  })

  it('answers 404 for a file that is not there, or a folder', async () => {
    const request = requestsTo(builtRenderer())
    expect((await request('app://lanyard/missing.js')).status).toBe(404)
    expect((await request('app://lanyard/assets')).status).toBe(404)
    expect((await request('app://lanyard/assets/')).status).toBe(404)
  })

  it('never leaves the folder, however the path is written', async () => {
    const request = requestsTo(builtRenderer())
    const attempts = [
      'app://lanyard/../secret.txt',
      'app://lanyard/../../etc/passwd',
      'app://lanyard/%2e%2e/secret.txt',
      'app://lanyard/%2E%2E/%2e%2e/etc/passwd',
      'app://lanyard/..%2fsecret.txt',
      'app://lanyard/..%2F..%2F..%2Fetc%2Fpasswd',
      'app://lanyard/assets/..%2f..%2fsecret.txt',
      'app://lanyard/%2e%2e%2fsecret.txt',
      'app://lanyard/..%5csecret.txt',
      'app://lanyard/%2fetc%2fpasswd',
      'app://lanyard/index.html%00.js',
      'app://lanyard/%E0%A4%A',
    ]
    for (const url of attempts) {
      const response = await request(url)
      expect(response.status, url).toBe(404)
      expect(await response.text(), url).not.toContain(secret)
    }
  })

  it('serves only the lanyard host', async () => {
    const request = requestsTo(builtRenderer())
    for (const url of ['app://evil/index.html', 'app://lanyard.evil/index.html', 'app://lanyard:8080/index.html', 'app://x@lanyard/index.html']) {
      expect((await request(url)).status, url).toBe(404)
    }
  })

  it('only reads: HEAD answers without a body, anything else is refused', async () => {
    const request = requestsTo(builtRenderer())
    const head = await request('app://lanyard/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    expect((await request('app://lanyard/index.html', 'POST')).status).toBe(405)
  })
})

describe('the built renderer', () => {
  it('refers to its assets by paths that stay inside app://lanyard and inside the preview origin', () => {
    const asset = `${viteConfig.base ?? '/'}assets/index-4f2a.js`
    expect(new URL(asset, rendererIndexUrl).href).toBe('app://lanyard/assets/index-4f2a.js')
    expect(new URL(asset, 'http://127.0.0.1:41234/?token=t').href).toBe('http://127.0.0.1:41234/assets/index-4f2a.js')
  })
})
