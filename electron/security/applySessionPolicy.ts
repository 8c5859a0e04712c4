import type { Session } from 'electron'
import type { Logger } from '../logging/Logger'
import { contentSecurityPolicy } from './contentSecurityPolicy'

/**
 * Session-wide rules for the main window:
 * - every response carries our Content-Security-Policy, replacing whatever a server sent (in any
 *   letter case). The app:// handler sends the header itself (rendererProtocol.ts) and index.html
 *   repeats it in a `<meta>`; this covers the dev server and anything else loaded over the network.
 * - every permission (camera, notifications, clipboard, geolocation, …) is denied, both the
 *   request and the silent check: an account admin tool needs none.
 */
export function applySessionPolicy(session: Session, logger: Logger): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string[]> = {}
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value
    }
    responseHeaders['Content-Security-Policy'] = [contentSecurityPolicy]
    callback({ responseHeaders })
  })

  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('permission request denied', { permission })
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
}
