import { answerParser, isRecord, rowParser } from '../answerParser'
import { z } from 'zod'
import type { CustomProperty } from '../../../shared/catalogue/customProperties'
import type { ObjectTypeDescriptor } from '../../../shared/catalogue/types'
import type { HttpClient } from '../../http/types'
import { AppError } from '../../errors/AppError'

/**
 * The parts of Coupa's answers the adapter relies on (coupa-gotomeeting.md A.4, A.5). Loose
 * objects: Coupa answers many more attributes (and instance-specific custom fields), and ids are
 * integers that Lanyard handles as strings.
 */
const coupaId = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String)

export const coupaUserSchema = z.looseObject({ id: coupaId, active: z.boolean().nullish() })
export type CoupaUser = z.infer<typeof coupaUserSchema>

/** A role, content group, user group or account group, as listed or embedded in a user. */
export const coupaGroupSchema = z.looseObject({ id: coupaId, name: z.string().nullish() })
export type CoupaGroup = z.infer<typeof coupaGroupSchema>

/** Everything a Coupa operation needs: the profile's HTTP client and what the profile says. */
export interface CoupaContext {
  /** The signal of the one write this context serves (see `sendingUnder`); reads pass their own. */
  signal?: AbortSignal
  http: HttpClient
  users: ObjectTypeDescriptor
  /** The group-like object types by id: `groups`, `roles`, `user-groups`, `account-groups`. */
  objectTypes: ReadonlyMap<string, ObjectTypeDescriptor>
  /** The profile's version-1 custom properties, parsed. */
  customProperties: readonly CustomProperty[]
  /** 50-row pages a long list may have in flight at once (the profile's "Pages fetched at once"). */
  pagesAtOnce: number
  /** The instance's host, for the connection report. */
  host: string
  /** What the connection report says about the sign-in (method, scopes granted, what a missing one turns off). */
  signInFacts?: () => { label: string; value: string }[]
}

/** Parses one of Coupa's answers, or says plainly that Coupa answered something unexpected. */
export const parseAnswer = answerParser('Coupa', "Check that the profile's Target URL is your Coupa instance.")

/** A user row of a list: as `parseAnswer(coupaUserSchema, …)` gives it, checking only the fields Lanyard reads. */
export const parseUserRow = rowParser(parseAnswer, coupaUserSchema, (data) => {
  if (!isRecord(data)) return undefined
  const { id, active } = data
  const wholeId = (typeof id === 'number' && Number.isSafeInteger(id)) || (typeof id === 'string' && /^\d+$/.test(id))
  if (!wholeId || !(active === undefined || active === null || typeof active === 'boolean')) return undefined
  // Ids come as numbers: the row is copied to hold the id as the schema gives it, a string.
  return typeof id === 'string' ? (data as CoupaUser) : { ...data, id: String(id), active }
})

/** Coupa's JSON lists are bare arrays (A.1). */
export function parseRows(data: unknown, what: string): unknown[] {
  if (Array.isArray(data)) return data
  throw new AppError('network', `Coupa answered a list of ${what} without a list. Check that the profile's Target URL is your Coupa instance.`)
}

/**
 * Coupa ids are whole numbers. Anything else cannot name an object, so it is `not_found` before
 * any request (and can never reach a URL path).
 */
export function coupaIdOf(id: string, what: string): string {
  if (/^\d{1,18}$/.test(id)) return id
  throw new AppError('not_found', `Coupa has no ${what} with the id "${id.slice(0, 40)}": Coupa ids are numbers. Refresh the list.`)
}

export function userPath(id: string): string {
  return `/api/users/${coupaIdOf(id, 'user')}`
}

export function objectRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : ''
}
