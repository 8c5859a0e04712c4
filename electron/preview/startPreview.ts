import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { EventName, EventPayload } from '../../shared/contract'
import { createLogger } from '../logging/createLogger'
import { defaultDataDirectory, resolveDataDirectory } from '../paths'
import { startAppServices } from '../services/startAppServices'
import { acquireDataFolderLock } from '../storage/dataFolderLock'
import { startPreviewServer, type PreviewServer } from './previewServer'

/**
 * `npm run preview`: the whole app in an ordinary browser. The same services as the Electron main
 * process (profiles on disk, secrets in the OS keychain, the sandbox tenants) behind the HTTP
 * bridge. Prints the URL once and runs until interrupted.
 */
async function main(): Promise<void> {
  const dataDirectory = resolveDataDirectory(process.env, defaultDataDirectory())
  // First, before anything reads or writes the folder: another window (or the app) may be its writer.
  // Released at exit, also by the process.exit calls below.
  const folderLock = acquireDataFolderLock({ directory: dataDirectory, door: 'preview' })
  const staticDirectory = fileURLToPath(new URL('../../out/renderer', import.meta.url))
  if (!existsSync(`${staticDirectory}/index.html`)) {
    console.error('The renderer is not built yet. Run `npm run preview` (it builds first), or `npm run build:renderer`.')
    process.exit(1)
  }
  const logger = createLogger({ directory: dataDirectory, console: false })
  // Services emit events before the server exists to carry them; the relay gets its target later.
  const eventRelay: { server?: PreviewServer } = {}
  const services = await startAppServices({
    env: process.env,
    dataDirectory,
    folderLock,
    logger,
    appVersion: process.env.npm_package_version ?? '0.0.0',
    platform: process.platform,
    // A browser tab cannot be handed a link by the server; the preview only records the request.
    openExternal: async (url) => logger.info('preview: external link requested', { url }),
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => eventRelay.server?.emit(event, payload),
  })
  const server = await startPreviewServer({ handlers: services.handlers, logger, staticDirectory })
  eventRelay.server = server
  console.log(`Lanyard preview: ${server.url}`)
  console.log(`Data folder: ${dataDirectory}`)

  const stop = async () => {
    await server.close()
    await services.close()
    folderLock.release()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error('Lanyard preview could not start:', error instanceof Error ? error.message : error)
  process.exit(1)
})
