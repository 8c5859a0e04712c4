import type { EventName, EventPayload } from '../../../shared/contract'
import { useApi } from './lanyardApi'

export interface EventSubscription {
  /** Subscribes; a second call while subscribed does nothing. */
  start(): void
  stop(): void
}

/** One event a store listens to from when its view appears until it goes, at most once at a time. */
export function eventSubscription<E extends EventName>(event: E, onEvent: (payload: EventPayload<E>) => void): EventSubscription {
  let unsubscribe: (() => void) | null = null
  return {
    start() {
      unsubscribe ??= useApi().on(event, onEvent)
    },
    stop() {
      unsubscribe?.()
      unsubscribe = null
    },
  }
}
