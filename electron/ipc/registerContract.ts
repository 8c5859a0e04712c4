import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import type { EventName, EventPayload, Handlers } from '../../shared/contract'
import { failure, type Result } from '../../shared/errors'
import type { Logger } from '../logging/Logger'
import { checkEvent } from '../services/contractEvents'
import { assertEveryCallHandled, invokeContract } from '../services/invokeContract'
import type { RendererLocation } from '../window/rendererLocation'
import { eventChannel, invokeChannel } from './channels'
import { refusalReason } from './senderGuard'

export interface ContractRegistrationOptions {
  handlers: Handlers
  logger: Logger
  location: RendererLocation
  /** The main window's webContents, or null while there is none (before it opens, after it closes). */
  ourContents: () => WebContents | null
}

export interface ContractRegistration {
  /** Pushes a contract event to our window, checked and stripped by `checkEvent`; anything else is dropped and logged. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  unregister(): void
}

/**
 * The one place `ipcMain` is used. Every call arrives on one channel, passes the sender guard,
 * then goes through `invokeContract` (name check, input validation, error mapping). The handler
 * table is checked for completeness first, so a call without a handler fails start-up instead of
 * failing later in front of a user.
 */
export function registerContract(options: ContractRegistrationOptions): ContractRegistration {
  const { handlers, logger, location } = options
  assertEveryCallHandled(handlers)

  ipcMain.handle(invokeChannel, async (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const reason = refusalReason(event, options.ourContents(), location)
    if (reason !== null) {
      logger.warn('IPC call refused', { call: String(name), reason, frameUrl: event.senderFrame?.url ?? null })
      return refused()
    }
    return invokeContract(handlers, name, input, logger)
  })

  return {
    emit(event, payload) {
      const checked = checkEvent(event, payload, logger)
      if (checked === null) return
      const contents = options.ourContents()
      if (contents === null || contents.isDestroyed()) return
      contents.send(eventChannel, checked.name, checked.payload)
    },
    unregister: () => ipcMain.removeHandler(invokeChannel),
  }
}

function refused(): Result<never> {
  return failure({
    code: 'auth_failed',
    message: 'This request did not come from the Lanyard window and was refused. Restart Lanyard if this keeps happening.',
  })
}
