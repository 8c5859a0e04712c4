import type { CallInput, CallName, CallOutput, EventName, EventPayload, Handlers, LanyardApi } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import type { Logger } from '../../electron/logging/Logger'
import { invokeContract } from '../../electron/services/invokeContract'
import { createEventListeners } from '../../renderer/src/api/eventListeners'

export interface ServicesApi {
  /** What the renderer is given as `window.lanyard`. */
  api: LanyardApi
  /** Pass to `createTestServices({ onEvent })`: main's events reach the renderer's listeners through it. */
  relay: (event: EventName, payload: EventPayload<EventName>) => void
  /** Once the services exist: calls go to their handlers from then on. */
  connect: (handlers: Handlers, logger: Logger) => void
  /** Resolves once no call or event is on its way and nothing new started for a few turns. */
  idle: () => Promise<void>
}

/**
 * A `window.lanyard` over the real services, as Electron's door would be: every call goes through
 * `invokeContract` (the contract's schema, errors as values) and answers a copy; every event main
 * emits reaches the listeners as a copy, after the call that emitted it has moved on but before its
 * answer arrives (Electron sends both down one channel, the event first).
 */
export function createServicesApi(): ServicesApi {
  let connected: { handlers: Handlers; logger: Logger } | null = null
  const listeners = createEventListeners()
  let inFlight = 0

  async function invoke<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
    if (!connected) throw new Error('The services api was used before connect().')
    inFlight++
    try {
      const result = await invokeContract(connected.handlers, name, structuredClone(input), connected.logger)
      return structuredClone(result) as Result<CallOutput<N>>
    } finally {
      inFlight--
    }
  }

  function relay(event: EventName, payload: EventPayload<EventName>): void {
    const copy = structuredClone(payload)
    inFlight++
    queueMicrotask(() => {
      inFlight--
      listeners.emit(event, copy)
    })
  }

  async function idle(): Promise<void> {
    // A store starts its next call from the answer of the last one: quiet for a few turns in a row means done.
    for (let quietTurns = 0; quietTurns < 3; ) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      quietTurns = inFlight === 0 ? quietTurns + 1 : 0
    }
  }

  return {
    api: Object.freeze({ invoke, on: listeners.on }),
    relay,
    connect: (handlers, logger) => {
      connected = { handlers, logger }
    },
    idle,
  }
}
