import { answerParser, isNullishArrayOf, isNullishString, isRecord, rowParser } from '../answerParser'
import { z } from 'zod'
import type { ObjectTypeDescriptor } from '../../../shared/catalogue/types'
import type { HttpRequest, HttpResponse } from '../../http/types'
import { AppError } from '../../errors/AppError'

/**
 * The parts of the GoTo Admin API's answers the adapter relies on (coupa-gotomeeting.md B.2–B.5).
 * Loose objects: GoTo answers many more fields than Lanyard reads. Keys arrive as strings (large
 * ones are turned into strings by `parseJsonLosslessly` before they could be rounded); a small key
 * sent as a JSON number (`"key": 0` in GoTo's licence example) is accepted and made a string.
 */
export const keySchema = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String)

export const goToUserSchema = z.looseObject({
  key: keySchema,
  email: z.string(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  locale: z.string().nullish(),
  timeZone: z.string().nullish(),
  /** INVITED, ACTIVE, SUSPENDED… (the enum is not documented: unknown words are shown as they come). */
  status: z.string().nullish(),
  licenseKeys: z.array(keySchema).nullish(),
  adminRoles: z.array(z.string()).nullish(),
  roleSets: z.array(keySchema).nullish(),
  groupKey: keySchema.nullish(),
  groupName: z.string().nullish(),
})
export type GoToUser = z.infer<typeof goToUserSchema>

export const goToGroupSchema = z.looseObject({
  key: keySchema,
  name: z.string(),
  userKeys: z.array(keySchema).nullish(),
  totalMemberCount: z.number().nullish(),
})
export type GoToGroup = z.infer<typeof goToGroupSchema>

export const goToLicenseSchema = z.looseObject({
  key: keySchema,
  description: z.string().nullish(),
  products: z.array(z.string()).nullish(),
  seats: z.number().nullish(),
  userCount: z.number().nullish(),
  enabled: z.boolean().nullish(),
})
export type GoToLicense = z.infer<typeof goToLicenseSchema>

/** `{results, fromIndex, toIndex, total}`: every list of the Admin API (B.2). */
export const listEnvelopeSchema = z.looseObject({
  results: z.array(z.unknown()),
  toIndex: z.number().nullish(),
  total: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).nullish(),
})

/** The operations' way to the Admin API: the profile's client, with sign-in and one retry after a 401. */
export interface GoToApi {
  request(request: HttpRequest): Promise<HttpResponse>
}

/** Everything a GoTo operation needs. */
export interface GoToContext {
  /** The signal of the one write this context serves (see `sendingUnder`); reads pass their own. */
  signal?: AbortSignal
  api: GoToApi
  users: ObjectTypeDescriptor
  groups: ObjectTypeDescriptor
  /** The profile's account key: every Admin path is per account (B.1). */
  accountKey: string
  /** Where Lanyard signs in (the token endpoint's host), for the connection report. */
  signInHost: string
}

/** Parses one of GoTo's answers, or says plainly that GoTo answered something unexpected. */
export const parseAnswer = answerParser('GoTo', "Check that the profile's Target URL is the GoTo Admin API (https://api.getgo.com/admin/rest/v1/).")

/** A key as `keySchema` gives it, unchanged: a non-empty string (a number is turned into one by the schema). */
function isKeyText(value: unknown): boolean {
  return typeof value === 'string' && value !== ''
}

const optionalTexts = ['firstName', 'lastName', 'locale', 'timeZone', 'status', 'groupName'] as const

/** A user row of a list: as `parseAnswer(goToUserSchema, …)` gives it, checking only the fields Lanyard reads. */
export const parseUserRow = rowParser(parseAnswer, goToUserSchema, (data) =>
  isRecord(data) &&
  isKeyText(data.key) &&
  typeof data.email === 'string' &&
  optionalTexts.every((name) => isNullishString(data[name])) &&
  isNullishArrayOf(data.licenseKeys, isKeyText) &&
  isNullishArrayOf(data.roleSets, isKeyText) &&
  isNullishArrayOf(data.adminRoles, (role) => typeof role === 'string') &&
  (data.groupKey === undefined || data.groupKey === null || isKeyText(data.groupKey))
    ? (data as GoToUser)
    : undefined,
)

/** GoTo keys are decimal numbers (B.2). */
export function isWellFormedKey(key: string): boolean {
  return /^\d+$/.test(key)
}

/**
 * Refuses, before any request, an id that is not a number: GoTo answers 502 instead of 404 for
 * one (the reference's known limitation), which the HTTP client would take for an outage and
 * retry. The limitation says to treat it as "not found", and that is what this says.
 */
export function requireKey(key: string, what: 'user' | 'group'): string {
  if (isWellFormedKey(key)) return key
  throw new AppError(
    'not_found',
    `GoTo has no ${what} with the id "${key.slice(0, 80)}": GoTo ids are numbers. Refresh the list and choose the ${what} again.`,
    { details: { id: key.slice(0, 80), reason: 'GoTo answers 502 for an id that is not a number; treated as not found.' } },
  )
}

export function accountPath(context: GoToContext): string {
  return `/accounts/${context.accountKey}`
}

export function userPath(context: GoToContext, key: string): string {
  return `${accountPath(context)}/users/${requireKey(key, 'user')}`
}

export function groupPath(context: GoToContext, key: string): string {
  return `${accountPath(context)}/groups/${requireKey(key, 'group')}`
}

/**
 * A path with its query written out here rather than through the HTTP client's `query`: that one
 * encodes spaces as `+`, and GoTo rejects a `+` in a filter ("encode spaces with + signs instead
 * of %20. The GoTo API doesn't accept this.", B.2). `encodeURIComponent` writes `%20`.
 */
export function withQuery(path: string, query: Readonly<Record<string, string | number | undefined>>): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
  return parts.length === 0 ? path : `${path}?${parts.join('&')}`
}
