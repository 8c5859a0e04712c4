import { cognitoBudgetFamily, cognitoQuotaOf } from '../../electron/connectors/cognito/cognitoBudget'
import { oktaBudgetFamily } from '../../electron/connectors/okta/oktaBudget'
import type { HttpMethod } from '../../electron/http/types'
import type { ConnectorId } from '../../shared/catalogue/types'
import type { RecordedLine } from '../support/recordingLogger'

/**
 * The targets' documented limits as the sandbox tenants enforce them (`--rate-limits documented`),
 * per budget family, and the least time they let a number of requests take: the "limits' bound"
 * the budget and jobs benchmarks measure against.
 */
export interface TargetLimit {
  perSecond: number
  /** How many may arrive at once when nothing has been sent (a window's whole limit, Coupa's burst of 20). */
  atOnce: number
  /** A window counted from its first request (Okta): the next opens only when it ends. */
  windowMs?: number
  source: string
}

/** The sandbox Okta's per-minute buckets (okta.md §6.2, its Enterprise column): one user's read 1,000, the rest 600. */
function oktaLimit(family: string): TargetLimit {
  const perMinute = family === 'user:read' ? 1000 : 600
  return { perSecond: perMinute / 60, atOnce: perMinute, windowMs: 60_000, source: `${perMinute.toLocaleString('en')} a minute (okta.md §6.2)` }
}

export function targetLimitOf(connectorId: ConnectorId, family: string): TargetLimit | null {
  if (connectorId === 'okta') return oktaLimit(family)
  if (connectorId === 'cognito') {
    const { limit } = cognitoQuotaOf(family)
    return { perSecond: limit, atOnce: limit, source: `${family} ${limit}/s (cognito.md §4)` }
  }
  if (connectorId === 'coupa') return { perSecond: 25, atOnce: 20, source: '25/s, burst 20 (coupa-gotomeeting.md A.2)' }
  return family === 'sign-in' ? null : { perSecond: 10, atOnce: 10, source: '10/s (GoTo "Rate Limiting")' }
}

/** The least time the target's limit lets `count` requests of one family take (from the first arrival to the last). */
export function boundMs(limit: TargetLimit, count: number): number {
  if (limit.windowMs) return Math.max(0, Math.ceil(count / limit.atOnce) - 1) * limit.windowMs
  return (Math.max(0, count - limit.atOnce) * 1000) / limit.perSecond
}

/** The budget family of a request the HTTP client (or Cognito's transport) logged. */
export function familyOfLine(connectorId: ConnectorId, line: RecordedLine): string {
  const fields = line.fields ?? {}
  if (connectorId === 'cognito') return cognitoBudgetFamily(String(fields.operation))
  const path = String(fields.path).split('?')[0] ?? ''
  if (connectorId === 'okta') return oktaBudgetFamily(String(fields.method) as HttpMethod, path)
  if (connectorId === 'gotomeeting') return path.endsWith('/oauth/token') ? 'sign-in' : 'admin'
  return 'api'
}

/** A logged request attempt (not the client's other lines). */
export function isRequestLine(line: RecordedLine): boolean {
  return typeof line.fields?.attempt === 'number'
}

/** A request the target refused for its rate: HTTP 429, or Cognito's TooManyRequestsException. */
export function isRateRefusal(line: RecordedLine): boolean {
  return line.fields?.status === 429 || line.fields?.outcome === 'TooManyRequestsException'
}

/** A profile's requests per family, and the bound of the family its limit holds up longest. */
export function profileBound(connectorId: ConnectorId, lines: readonly RecordedLine[]): { requests: number; refused: number; boundMs: number; families: Map<string, number> } {
  const families = new Map<string, number>()
  for (const line of lines) families.set(familyOfLine(connectorId, line), (families.get(familyOfLine(connectorId, line)) ?? 0) + 1)
  const bounds = [...families].map(([family, count]) => {
    const limit = targetLimitOf(connectorId, family)
    return limit ? boundMs(limit, count) : 0
  })
  return { requests: lines.length, refused: lines.filter(isRateRefusal).length, boundMs: Math.max(0, ...bounds), families }
}
