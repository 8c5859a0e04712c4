import type { ConnectorId } from '../../shared/catalogue/types'

/**
 * The sandbox tenants' public face: what `npm run sandbox`, the app's start-up, the integration
 * tests and the benchmark use. Each tenant is a loopback HTTP server speaking its target's real
 * wire format, written from the target's documentation (not from Lanyard's adapters).
 */

/** Faults a tenant can answer with instead of serving a request. */
export type FaultKind =
  | 'rate_limit' // 429 with the target's rate-limit headers
  | 'server_error' // 500
  | 'bad_gateway' // 502
  | 'unavailable' // 503
  | 'reset' // the connection is destroyed without an answer
  | 'timeout' // the request is held without an answer until the client gives up
  // The tenant carries the request out, then its answer is lost on the way back: the client
  // cannot tell a write that happened from one that did not (what retries must not repeat).
  | 'lost_answer' // applied, then the connection is destroyed without an answer
  | 'lost_answer_5xx' // applied, then answered with the target's 500 instead of its real answer

export interface ScriptedFault {
  kind: FaultKind
  /** Only requests with this method (GET, POST…); any when absent. */
  method?: string
  /** Only requests whose path (without the query) matches; any when absent. */
  path?: string | RegExp
  /** Matching requests to let through before the fault strikes. Default 0. */
  after?: number
  /** How many matching requests get the fault. Default 1. */
  times?: number
}

/** `documented`: the target's published limits; `off`: none; a number: that many requests a second in every bucket. */
export type RateLimitMode = 'documented' | 'off' | number

export interface SandboxOptions {
  /** The company's headcount, 0 to 100,000 (default 200): each tenant seeds those with an account in it (people/companyAccounts.ts). */
  users?: number
  /** Same seed, same people and groups. Default `lanyard`. */
  seed?: string
  /** Added before every answer. Default 0. */
  latencyMs?: number
  /** Share of requests (0–1) answered with a random fault of `faultKinds`. Default 0. */
  faultRate?: number
  faultKinds?: FaultKind[]
  /** Requests per minute per rate-limit bucket before 429s (Okta). Default 600. `rateLimits`, when given, wins. */
  rateLimitPerMinute?: number
  /**
   * How every tenant enforces its target's rate limits, with the target's own headers and error
   * shapes: `documented` (Okta's per-minute buckets, Cognito's per-category rates, Coupa's 25 a
   * second with bursts of 20, GoTo's 10 a second), `off`, or N requests a second in every bucket
   * (Okta then in windows of one second). When absent, Okta counts `rateLimitPerMinute` and the
   * others do not limit (tests opt in: a limit of their own would slow every other test down).
   */
  rateLimits?: RateLimitMode
  /**
   * When set, the tenant's data, credentials and port live in this folder and survive a restart
   * (the app's own sandbox). Without it everything is in memory (tests, benchmark, CLI).
   */
  stateDirectory?: string
  /** Preferred port; a random free one when absent or taken. */
  port?: number
}

export interface FaultControl {
  script(faults: ScriptedFault[]): void
  setRate(rate: number, kinds?: FaultKind[]): void
  clear(): void
  /** Faults delivered since start, by kind (what an audit reports beside its findings). */
  delivered(): Partial<Record<FaultKind, number>>
}

export interface RunningSandbox {
  connectorId: ConnectorId
  /** e.g. `http://127.0.0.1:41234` — what a profile's Target URL is set to. */
  url: string
  /** Keyed exactly as the connector's profile parameters (Okta: `token`). */
  credentials: Record<string, string>
  faults: FaultControl
  setLatency(ms: number): void
  /** Requests served since start (the benchmark counts pages with it). */
  requestCount(): number
  close(): Promise<void>
}
