import { answerParser, isNullishString, isRecord, rowParser } from '../answerParser'
import { z } from 'zod'
import type { ObjectTypeDescriptor, PagingFacts } from '../../../shared/catalogue/types'
import type { HttpClient, HttpResponse } from '../../http/types'

/**
 * The parts of Okta's answers the adapter relies on (okta.md §3.1, §4.1). Loose objects: Okta
 * adds fields over time, and custom profile attributes are whatever the org's schema says.
 */
const profileSchema = z.record(z.string(), z.unknown())

export const oktaUserSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  created: z.string().nullish(),
  lastUpdated: z.string().nullish(),
  profile: profileSchema,
})
export type OktaUser = z.infer<typeof oktaUserSchema>

export const oktaGroupSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  created: z.string().nullish(),
  lastUpdated: z.string().nullish(),
  profile: profileSchema,
})
export type OktaGroup = z.infer<typeof oktaGroupSchema>

export const oktaOrgSchema = z.looseObject({
  companyName: z.string().nullish(),
  subdomain: z.string().nullish(),
  status: z.string().nullish(),
  website: z.string().nullish(),
})

/** Everything an Okta operation needs: the profile's HTTP client and the descriptor's object types. */
export interface OktaContext {
  /** The signal of the one write this context serves (see `sendingUnder`); reads pass their own. */
  signal?: AbortSignal
  http: HttpClient
  users: ObjectTypeDescriptor
  groups: ObjectTypeDescriptor
  paging: PagingFacts
  /** The profile's `deprovisionMode` value, `suspend` when not set. */
  deprovisionMode: string
  /** The Target URL's host: names the organisation when its settings may not be read. */
  host: string
}

/** Parses one of Okta's answers, or says plainly that Okta answered something unexpected. */
export const parseAnswer = answerParser('Okta', "Check that the profile's Target URL is an Okta organisation.")

/** A user row of a list: as `parseAnswer(oktaUserSchema, …)` gives it, checking only the fields Lanyard reads. */
export const parseUserRow = rowParser(parseAnswer, oktaUserSchema, (data) =>
  isRecord(data) &&
  typeof data.id === 'string' &&
  typeof data.status === 'string' &&
  isNullishString(data.created) &&
  isNullishString(data.lastUpdated) &&
  isRecord(data.profile) &&
  // zod's copy of a profile with its own `__proto__` key sets the copy's prototype instead: such a row takes the schema's way.
  !Object.hasOwn(data.profile, '__proto__')
    ? (data as OktaUser)
    : undefined,
)

export function parseList<T>(schema: z.ZodType<T>, response: HttpResponse, what: string): T[] {
  return parseAnswer(z.array(schema), response.data, what)
}

export function userPath(id: string): string {
  return `/api/v1/users/${encodeURIComponent(id)}`
}

export function groupPath(id: string): string {
  return `/api/v1/groups/${encodeURIComponent(id)}`
}
