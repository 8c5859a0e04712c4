import type { EventName, EventPayload, LanyardApi } from '../../../shared/contract'

/** Who listens to which of main's events: the `on` half of a `LanyardApi`, and the hand that delivers. */
export interface EventListeners {
  on: LanyardApi['on']
  /** Calls the event's listeners as they were when it arrived: one that subscribes meanwhile waits for the next. */
  emit(event: EventName, payload: unknown): void
}

export function createEventListeners(): EventListeners {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  return {
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const forEvent = listeners.get(event) ?? new Set()
      listeners.set(event, forEvent)
      // Each subscription gets its own wrapper, so subscribing one function twice unsubscribes once each.
      const wrapper = (payload: unknown) => listener(payload as EventPayload<E>)
      forEvent.add(wrapper)
      return () => {
        forEvent.delete(wrapper)
      }
    },
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) listener(payload)
    },
  }
}
