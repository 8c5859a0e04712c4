import type { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import okta from '@okta/okta-sdk-nodejs'
import axios from 'axios'
import { getDescriptor } from '../../shared/catalogue'
import { createHttpClient } from '../../electron/http/createHttpClient'
import { createNetworkAgents } from '../../electron/http/network/networkAgents'
import { nodeTransport } from '../../electron/http/network/nodeTransport'
import { userRowFields } from '../../electron/connectors/coupa/coupaUserFields'
import { burstOf, minimumJitterMs, steadyRate, type Quota } from '../../electron/http/RequestBudget'
import { nextAfter } from '../../electron/connectors/okta/oktaPaging'
import { everyUser } from '../../electron/connectors/okta/oktaSearch'
import { userRowFields as oktaRowFields } from '../../electron/connectors/okta/oktaMapping'
import { parseOnly, type BareWork } from './bareRowWork'
import { createRecordingLogger } from '../support/recordingLogger'
import type { Target } from './listerProcess'
import type { Lister } from './rowCpuBench'

/*
 * The loops rowCpuBench.ts measures Lanyard beside: bare fetch loops over each tenant (parsing only,
 * or making Lanyard's rows), at Lanyard's pace or unpaced, the same paging through bare axios and
 * through Lanyard's HTTP client, and Okta's Node SDK.
 */

/** A loop whose listings share one pace. */
export function withPace(quota: Quota, list: (paced: Pace) => Promise<number>): () => Promise<number> {
  const paced = pace(quota)
  return () => list(paced)
}

/** Waits before each request as Lanyard's budget spaces a documented quota: a burst, then evenly at its rate (RequestBudget.ts). */
export type Pace = () => Promise<void>
export const unpaced: Pace = () => Promise.resolve()

function pace(quota: Quota): Pace {
  // The jitter the budget allows for once it has timed a few answers on this computer: its least.
  const intervalMs = 1000 / steadyRate(quota, minimumJitterMs)
  const burst = burstOf(quota)
  let dueAt = -Infinity
  return async () => {
    const now = performance.now()
    const at = Math.max(now, dueAt - (burst - 1) * intervalMs)
    dueAt = Math.max(dueAt, now) + intervalMs
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now))
  }
}

/** One GET of a bare loop: the body as text (or parsed already, by Lanyard's client) and the Link header. */
type Get = (url: URL, headers: Record<string, string>) => Promise<({ text: string } | { parsed: unknown }) & { link: string | null }>

const fetchGet: Get = async (url, headers) => {
  const response = await fetch(url, { headers })
  if (!response.ok) throw new Error(`${String(url)} answered ${response.status}`)
  return { text: await response.text(), link: response.headers.get('link') }
}

/**
 * axios as Lanyard's client makes it: over Lanyard's node:http transport and the profile's agents
 * (nodeTransport.ts), the body read as text to parse as the loop parses. axios's own http adapter, which
 * the client used before, cost ~1.2× this on Okta's listing.
 */
function axiosGet(): Get {
  const instance = axios.create({ adapter: nodeTransport(createNetworkAgents()) })
  return async (url, headers) => {
    const response = await instance.get<Readable>(url.toString(), { headers, responseType: 'stream' })
    return { text: await text(response.data), link: typeof response.headers.link === 'string' ? response.headers.link : null }
  }
}

/** Lanyard's HTTP client (createHttpClient) without the connector: its answer is parsed already, so the loop's parse is skipped. */
function lanyardClientGet(target: Target, tenant: Record<string, string>): Get {
  const secret = target === 'okta' ? tenant.token! : tenant.apiKey!
  const credentials: Record<string, string> = target === 'okta' ? { Authorization: `SSWS ${secret}` } : { 'X-COUPA-API-KEY': secret }
  const client = createHttpClient({
    targetName: getDescriptor(target).label,
    baseUrl: tenant.url!,
    environment: 'sandbox',
    authenticate: () => credentials,
    secrets: [secret],
    logger: createRecordingLogger(),
    // As many in flight as the loop keeps (Coupa's four workers); no budget, so no pace.
    concurrency: 4,
  })
  const caller = new AbortController()
  return async (url) => {
    const response = await client.request({ method: 'GET', path: url.toString(), signal: caller.signal, onHeaders: () => undefined })
    return { parsed: response.data, link: response.headers.link ?? null }
  }
}

async function getJson(url: URL, headers: Record<string, string>, work: BareWork, get: Get = fetchGet): Promise<{ body: unknown; link: string | null }> {
  const answer = await get(url, headers)
  return { body: 'parsed' in answer ? answer.parsed : work.parse(answer.text), link: answer.link }
}

function countRows(rows: unknown[], work: BareWork): number {
  for (const row of rows) work.mapRow(row)
  return rows.length
}

/**
 * Okta: 200 a page of every user (Lanyard's `status pr`: deactivated ones too), each with the
 * fields a table's row reads (Lanyard's `fields` projection), the next page from the Link header
 * once the answer is read.
 */
export async function bareOkta(tenant: Record<string, string>, work = parseOnly, get: Get = fetchGet): Promise<number> {
  const headers = { Authorization: `SSWS ${tenant.token}`, Accept: 'application/json' }
  let rows = 0
  const page = (after: string | null) =>
    new URL(`/api/v1/users?${new URLSearchParams({ search: everyUser, fields: oktaRowFields, limit: '200', ...(after === null ? {} : { after }) }).toString()}`, tenant.url)
  let next: URL | null = page(null)
  while (next) {
    const { body, link } = await getJson(next, headers, work, get)
    rows += countRows(body as unknown[], work)
    const after = nextAfter({ headers: { link: link ?? '' } })
    next = after === null ? null : page(after)
  }
  return rows
}

export function oktaSdk(tenant: Record<string, string>): () => Promise<number> {
  // The SDK takes an http:// orgUrl as it is (8.1 checks none): no TLS set-up is needed for the loopback tenant.
  const client = madeOnFirstUse(() => new okta.Client({ orgUrl: tenant.url, token: tenant.token }))
  return async () => {
    let rows = 0
    for await (const user of await client().userApi.listUsers({ search: everyUser, fields: oktaRowFields, limit: 200 })) if (user) rows++
    return rows
  }
}

/** A bare loop over one tenant: what it does with each answer, and at what pace. */
export type BareLoop = (work?: BareWork, paced?: Pace) => Promise<number>

/** GoTo: a password-grant token on the first listing, then 1,000 a page by offset until the total. */
export function bareGoTo(tenant: Record<string, string>): BareLoop {
  const base = new URL(tenant.url!)
  const token = madeOnFirstUse(async () => {
    const answer = await fetch(new URL('/oauth/token', base.origin), {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${tenant.clientId}:${tenant.clientSecret}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', username: tenant.username!, password: tenant.password! }).toString(),
    })
    return ((await answer.json()) as { access_token: string }).access_token
  })
  return async (work = parseOnly, paced = unpaced) => {
    const headers = { Authorization: `Bearer ${await token()}`, Accept: 'application/json' }
    let rows = 0
    for (let offset = 0; ; offset += 1000) {
      await paced()
      const { body } = await getJson(new URL(`accounts/${tenant.accountKey}/users?offset=${offset}&pageSize=1000`, base), headers, work)
      const { results, total } = body as { results: unknown[]; total: number }
      rows += countRows(results, work)
      if (results.length === 0 || offset + results.length >= total) return rows
    }
  }
}

/** Coupa: 50 a page by offset, four in flight (the profile's default), the same `fields` as Lanyard asks for a table's rows. */
export async function bareCoupa(tenant: Record<string, string>, work = parseOnly, paced: Pace = unpaced, get: Get = fetchGet): Promise<number> {
  const headers = { 'X-COUPA-API-KEY': tenant.apiKey!, Accept: 'application/json' }
  let rows = 0
  let nextOffset = 0
  let ended = false
  async function worker(): Promise<void> {
    while (!ended) {
      const offset = nextOffset
      nextOffset += 50
      const url = new URL('/api/users', tenant.url)
      url.search = new URLSearchParams({ fields: userRowFields, limit: '50', offset: String(offset) }).toString()
      await paced()
      const { body } = await getJson(url, headers, work, get)
      rows += countRows(body as unknown[], work)
      if ((body as unknown[]).length < 50) ended = true
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()])
  return rows
}

/**
 * The way there in two steps, unpaced, with Lanyard's rows: axios over Lanyard's transport instead
 * of fetch, then Lanyard's HTTP client instead of bare axios. Whatever Lanyard costs beyond the last is the connector's. Each
 * client is made on its first listing and kept, as a connector keeps its own, so the measured
 * listing reuses the connections of the uncounted one; the parent, which only reads the names, makes none.
 */
export function wayThere(target: 'okta' | 'coupa', tenant: Record<string, string>, loop: (get: Get) => Promise<number>): Lister[] {
  const bareAxios = madeOnFirstUse(axiosGet)
  const lanyardClient = madeOnFirstUse(() => lanyardClientGet(target, tenant))
  return [
    { name: "bare axios + Lanyard's rows", list: () => loop(bareAxios()) },
    { name: "Lanyard's HTTP client + rows", list: () => loop(lanyardClient()) },
  ]
}

export function madeOnFirstUse<T>(make: () => T): () => T {
  let made: T | undefined
  return () => (made ??= make())
}
