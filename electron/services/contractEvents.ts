import { events, isEventName, type EventName, type EventPayload } from '../../shared/contract'
import type { Logger } from '../logging/Logger'

export interface CheckedEvent {
  name: EventName
  payload: EventPayload<EventName>
}

/**
 * The one check an event passes before it leaves main, by either door (IPC to the Electron window,
 * the preview bridge's event stream): its name must be in the contract and its payload must match
 * the contract's schema. Parsing strips every field the schema does not declare, so nothing a
 * service added by mistake (a spread that picked up a secret) rides along to the page.
 *
 * An event that fails is a bug in main, not something the page did: it is logged once, naming the
 * event and where its payload was wrong but never the values (they could be anything), and it is
 * not sent. Returns what to send, or null.
 */
export function checkEvent(name: unknown, payload: unknown, logger: Logger): CheckedEvent | null {
  if (!isEventName(name)) {
    logger.error('bug: dropped an event that is not in the contract', { event: typeof name === 'string' ? name : typeof name })
    return null
  }
  const parsed = events[name].safeParse(payload)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(payload)'}: ${issue.code}`)
    logger.error('bug: dropped an event whose payload does not match the contract', { event: name, problems })
    return null
  }
  return { name, payload: parsed.data }
}
