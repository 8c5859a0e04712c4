import { goToErrors } from './goToErrors'
import { keyFromBody } from './goToKeys'
import type { GoToAdminRole, GoToUserRecord } from './goToRecords'
import { noContent, objectBody, requireAccount, requireUser, type GoToContext, type GoToReply } from './goToRouting'
import { checkAdminRoles, checkEmail, checkLicenseKeys, checkLocale, checkName, checkSeats, checkTimeZone } from './userFields'

/** A new user's locale and zone when the create gives none (GoTo's are not documented; it is a US service). */
const defaultLocale = 'en_US'
const defaultTimeZone = 'America/Los_Angeles'

interface NewUser {
  email: string
  firstName: string
  lastName: string
  locale: string
  timeZone: string
}

/**
 * `POST /accounts/{ak}/users` with `{"users":[…],"suppressEmail":true,"licenseKeys":[…],
 * "adminRoles":[…],"groupKey":"…"}` (B.3): licences, roles and group apply to every user of the
 * batch. Answers 201 with `[{key,email}]`, one per user sent, in order. Every field is checked
 * before anything changes, so a refused request creates nobody. Per user:
 * - an email already in the account: its EXISTING key is answered and nothing changes ("Existing
 *   (conflicting) users are returned in the response payload as well", G1; the reference
 *   connector's "answers 201, no duplicate error"). With `allOrNothing=true` the whole request
 *   is refused instead, 409 user.name.conflict [INFER];
 * - the email of a user deleted within 30 days: that OLD account comes back (same key, same names,
 *   its old group) with the request's licences and roles, instead of a new one;
 * - otherwise a new user, INVITED until they sign in (SUSPENDED if given no licence and no role).
 */
export function createUsers(context: GoToContext): GoToReply {
  requireAccount(context)
  const { directory } = context
  const body = objectBody(context)
  if (!Array.isArray(body.users) || body.users.length === 0) throw goToErrors.invalidRequest('users: give at least one user.')
  const requested = body.users.map(checkNewUser)
  const licenseKeys = body.licenseKeys === undefined ? [] : checkLicenseKeys(body.licenseKeys, directory)
  const adminRoles = body.adminRoles === undefined ? [] : checkAdminRoles(body.adminRoles)
  const groupKey = checkGroupKey(context, body.groupKey)
  const suppressEmail = body.suppressEmail === true
  const allOrNothing = /^true$/i.test(context.query.get('allOrNothing') ?? '')

  const seen = new Set<string>()
  const fresh = requested.filter((user) => {
    const email = user.email.toLowerCase()
    if (seen.has(email) || directory.userByEmail(email)) return false
    seen.add(email)
    return true
  })
  if (allOrNothing && fresh.length < requested.length) {
    const conflicting = requested.find((user) => !fresh.includes(user)) as NewUser
    throw goToErrors.userNameConflict(conflicting.email)
  }
  checkSeats(new Map(licenseKeys.map((key) => [key, fresh.length])), directory)

  const answered = requested.map((user) => {
    const existing = directory.userByEmail(user.email)
    if (existing) return { key: existing.key, email: existing.email }
    const deleted = directory.deletedUser(user.email)
    const created = deleted
      ? directory.restoreDeleted(deleted)
      : addNewUser(context, user, groupKey)
    created.licenseKeys = [...licenseKeys]
    created.adminRoles = [...adminRoles]
    if (!suppressEmail) created.inviteCount++
    return { key: created.key, email: created.email }
  })
  return { status: 201, body: answered }
}

function addNewUser(context: GoToContext, user: NewUser, groupKey: string | null): GoToUserRecord {
  const record: GoToUserRecord = { ...user, key: context.directory.newKey(), licenseKeys: [], adminRoles: [], roleSets: [], groupKey: null, signedIn: false, inviteCount: 0 }
  context.directory.addUser(record)
  context.directory.moveToGroup(record, groupKey)
  return record
}

function checkNewUser(value: unknown): NewUser {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw goToErrors.invalidRequest('users: each user is a JSON object.')
  const user = value as Record<string, unknown>
  return {
    email: checkEmail(user.email),
    firstName: checkName('firstName', user.firstName),
    lastName: checkName('lastName', user.lastName),
    locale: user.locale === undefined ? defaultLocale : checkLocale(user.locale),
    timeZone: user.timeZone === undefined ? defaultTimeZone : checkTimeZone(user.timeZone),
  }
}

function checkGroupKey(context: GoToContext, value: unknown): string | null {
  if (value === undefined || value === null) return null
  const key = keyFromBody(value)
  if (key === undefined || !context.directory.groupByKey(key)) throw goToErrors.groupNotFound(String(value), 400)
  return key
}

/**
 * `PUT /accounts/{ak}/users/{uk}`: a partial update, 204 No Content (GoTo does not document the
 * status; G5 expects no body). Writable: firstName, lastName, email, locale, timeZone,
 * licenseKeys and adminRoles (each list replaces the old one). `key` in the body is refused
 * ("cannot pass key value in update JSON", G5). Other fields — status, products, groupKey… — are
 * ignored like any unknown property: suspension is not a flag but follows from the licences and
 * roles (G11), and the group changes through the groups API.
 */
export function updateUser(context: GoToContext): GoToReply {
  const user = requireUser(context)
  const { directory } = context
  const body = objectBody(context)
  if ('key' in body) throw goToErrors.keyInBody('user', String(body.key))
  const changes: Partial<Pick<GoToUserRecord, 'email' | 'firstName' | 'lastName' | 'locale' | 'timeZone'>> & { licenseKeys?: string[]; adminRoles?: GoToAdminRole[] } = {}
  if (body.email !== undefined) {
    changes.email = checkEmail(body.email)
    const holder = directory.userByEmail(changes.email)
    if (holder && holder.key !== user.key) throw goToErrors.userNameConflict(changes.email)
  }
  if (body.firstName !== undefined) changes.firstName = checkName('firstName', body.firstName)
  if (body.lastName !== undefined) changes.lastName = checkName('lastName', body.lastName)
  if (body.locale !== undefined) changes.locale = checkLocale(body.locale)
  if (body.timeZone !== undefined) changes.timeZone = checkTimeZone(body.timeZone)
  if (body.licenseKeys !== undefined) changes.licenseKeys = checkLicenseKeys(body.licenseKeys, directory)
  if (body.adminRoles !== undefined) changes.adminRoles = checkAdminRoles(body.adminRoles)
  if (changes.licenseKeys) {
    checkSeats(new Map(changes.licenseKeys.filter((key) => !user.licenseKeys.includes(key)).map((key) => [key, 1])), directory)
  }

  const previousEmail = user.email
  Object.assign(user, changes)
  if (changes.email !== undefined) directory.emailChanged(user, previousEmail)
  return noContent()
}
