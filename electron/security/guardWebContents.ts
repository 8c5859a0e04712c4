import type { WebContents } from 'electron'
import type { Logger } from '../logging/Logger'
import type { RendererLocation } from '../window/rendererLocation'
import { openExternalSafely } from './openExternalSafely'

/**
 * Keeps a webContents on our renderer: no navigation or redirect away from it, no subframe
 * navigating at all (the renderer has no frames, and a frame is where a foreign page would sit),
 * no new windows (a web link goes to the default browser through the safe opener instead), no
 * <webview>. `will-navigate` covers the main frame only; `will-frame-navigate` sees every frame.
 */
export function guardWebContents(contents: WebContents, location: RendererLocation, logger: Logger): void {
  const stayOnRenderer = (event: { preventDefault(): void }, url: string) => {
    if (location.allows(url)) return
    event.preventDefault()
    logger.warn('navigation away from the renderer blocked', { url })
  }
  contents.on('will-navigate', (event) => stayOnRenderer(event, event.url))
  contents.on('will-redirect', (event) => stayOnRenderer(event, event.url))
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return stayOnRenderer(event, event.url)
    event.preventDefault()
    logger.warn('a subframe navigation was blocked', { url: event.url })
  })

  contents.setWindowOpenHandler(({ url }) => {
    // Refusals are logged by the opener; a failure to start the browser must not crash main.
    openExternalSafely(url, logger).catch((error: unknown) => {
      logger.warn('a link from the renderer was not opened', { error })
    })
    return { action: 'deny' }
  })

  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    logger.warn('a <webview> was blocked')
  })
}
