/*
 * Dates as people read them, one format everywhere: the detail panel, Activity, People, the
 * confirmations and the exports (main writes the journal's CSV with it too). The computer's own
 * language and time zone, the date spelled out ("7 Dec 2026, 14:05" or "Dec 7, 2026, 2:05 PM").
 */

const momentFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
/** A calendar date has no time zone: shown as the day it names, wherever the computer is. */
const calendarDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })

const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/
const calendarDate = /^\d{4}-\d{2}-\d{2}$/

/** A moment (an ISO timestamp) in the local format; the text itself when it is not one (still worth showing). */
export function localDateTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : momentFormat.format(date)
}

/** An attribute's text as shown: a timestamp or a calendar date in the local format, anything else as it is. */
export function readableValue(text: string): string {
  if (timestamp.test(text)) return localDateTime(text)
  if (calendarDate.test(text)) {
    const date = new Date(`${text}T00:00:00Z`)
    return Number.isNaN(date.getTime()) ? text : calendarDateFormat.format(date)
  }
  return text
}
