import { z } from 'zod'
import type { Attributes, DirectoryObject, DirectoryPage } from '../../../shared/directory'
import { validateChanges, validateNewObject } from '../../../shared/directoryValidation'
import { AppError, refuseProblems } from '../../errors/AppError'
import type { ListQuery, UsersWithEmails } from '../Connector'
import { everyPage, usersInBatches } from '../emailBatches'
import { licenseForNewUsers, readLicenses } from './goToLicenses'
import { attributesToNative, listedUser, userDisplayName, userToObject } from './goToMapping'
import { largestPage, readPage } from './goToPaging'
import { emailsFilter, goToEmailBatches, userFilter } from './goToSearch'
import { checkUserFields } from './goToUserFields'
import { findDeletedUser, findUserByEmail } from './goToUserLookup'
import { accountPath, goToUserSchema, keySchema, parseAnswer, parseUserRow, userPath, type GoToContext, type GoToUser } from './goToTypes'

export async function fetchUser(context: GoToContext, key: string, signal?: AbortSignal): Promise<GoToUser> {
  const response = await context.api.request({ method: 'GET', path: userPath(context, key), signal })
  return parseAnswer(goToUserSchema, response.data, 'a user')
}

export async function getUser(context: GoToContext, key: string, signal?: AbortSignal): Promise<DirectoryObject> {
  return userToObject(context.users, await fetchUser(context, key, signal))
}

export async function listUsers(context: GoToContext, query: ListQuery, signal?: AbortSignal): Promise<DirectoryPage> {
  const page = await readPage(context, { path: `${accountPath(context)}/users`, filter: userFilter(query.search) }, query, signal)
  const items = page.rows.map((row) => listedUser(context.users, parseUserRow(row, 'a user'), query))
  return { items, nextCursor: page.nextCursor, total: page.total }
}

/** Users whose email is one of `emails`: 25 to a list (goToSearch.ts), every page read. */
export async function usersWithEmails(context: GoToContext, emails: readonly string[], signal?: AbortSignal): Promise<UsersWithEmails> {
  return usersInBatches(emails, goToEmailBatches, (batch) =>
    everyPage(async (cursor) => {
      const page = await readPage(context, { path: `${accountPath(context)}/users`, filter: emailsFilter(batch) }, { cursor, pageSize: largestPage }, signal)
      return { rows: page.rows.map((row) => userToObject(context.users, parseUserRow(row, 'a user'))), nextCursor: page.nextCursor }
    }),
  )
}

function alreadyExisted(email: string, existing: GoToUser): AppError {
  const name = userDisplayName(existing)
  return new AppError(
    'conflict',
    `${email} already existed in GoTo, as ${name}: no new account was created. GoTo answers a create for an existing email with that account instead of an error. Open ${name} instead.`,
    { details: { existingId: existing.key, existingName: name } },
  )
}

const createdSchema = z.array(z.looseObject({ key: keySchema, email: z.string().nullish() })).min(1)

/**
 * `POST …/users` answers 201 with `[{key,email}]` even for an email that already exists (the
 * reference's second limitation): the email is looked up first, and a user that exists is reported
 * as such with nothing sent. After the create, the answer is compared too: an account whose names
 * are not the ones sent existed already (created by someone else in between) — unless it is the
 * deleted account GoTo brings back for this email, which `checkCreate` warned about.
 * The new user gets a GoTo Meeting licence (see licenseForNewUsers) and GoTo's invitation email.
 */
export async function createUser(context: GoToContext, attributes: Attributes): Promise<DirectoryObject> {
  refuseProblems(validateNewObject(context.users, attributes, undefined), 'Nothing was sent')
  const native = attributesToNative(context.users, attributes)
  checkUserFields(context.users, native)
  const email = String(native.email)
  const existing = await findUserByEmail(context, email)
  if (existing) throw alreadyExisted(email, existing)
  const deleted = await findDeletedUser(context, email)
  const reactivatedKey = deleted !== null && deleted !== 'unknown' ? deleted.key : null
  const license = licenseForNewUsers(await readLicenses(context))
  const response = await context.api.request({
    method: 'POST',
    path: `${accountPath(context)}/users`,
    body: { users: [native], licenseKeys: [license.key], suppressEmail: false },
  })
  const answered = parseAnswer(createdSchema, response.data, 'the new user')
  const key = (answered.find((entry) => entry.email?.trim().toLowerCase() === email.toLowerCase()) ?? answered[0]!).key
  let created: GoToUser
  try {
    created = await fetchUser(context, key)
  } catch (error: unknown) {
    if (!(error instanceof AppError)) throw error
    throw new AppError(error.code, `The user was created in GoTo (key ${key}) but could not be read back: ${error.message} Refresh the list to see them.`, {
      details: { ...error.extra.details, objectId: key },
    })
  }
  const sameNames = ['firstName', 'lastName'].every((field) => String(created[field as keyof GoToUser] ?? '').trim() === native[field])
  if (!sameNames && key !== reactivatedKey) throw alreadyExisted(email, created)
  return userToObject(context.users, created)
}

/** A partial `PUT`: only the changed fields (B.3); GoTo answers 204, so the user is read back. */
export async function updateUser(context: GoToContext, key: string, changes: Attributes): Promise<DirectoryObject> {
  refuseProblems(validateChanges(context.users, changes), 'Nothing was sent')
  const native = attributesToNative(context.users, changes)
  checkUserFields(context.users, native)
  if (Object.keys(native).length === 0) return getUser(context, key)
  await context.api.request({ method: 'PUT', path: userPath(context, key), body: native })
  return getUser(context, key)
}

/** Removes the user from the account (not a suspension, B.3). GoTo remembers them 30 days. */
export async function deleteUser(context: GoToContext, key: string): Promise<void> {
  await context.api.request({ method: 'DELETE', path: userPath(context, key) })
}
