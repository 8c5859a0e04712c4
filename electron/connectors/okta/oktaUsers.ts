import type { Attributes, DirectoryObject, DirectoryPage } from '../../../shared/directory'
import { validateChanges, validateNewObject } from '../../../shared/directoryValidation'
import type { CreateOptions, ListQuery, UsersWithEmails } from '../Connector'
import { everyPage, usersInBatches } from '../emailBatches'
import { refuseProblems } from '../../errors/AppError'
import { runSteps, type Step } from '../runSteps'
import { attributesToProfile, userDisplayName, listedUser, userRowFields, userToObject } from './oktaMapping'
import { readPage } from './oktaPaging'
import { emailsSearch, oktaEmailBatches, userSearch } from './oktaSearch'
import { oktaUserSchema, parseAnswer, parseUserRow, userPath, type OktaContext, type OktaUser } from './oktaTypes'

export async function fetchUser(context: OktaContext, id: string, signal?: AbortSignal): Promise<OktaUser> {
  const response = await context.http.request({ method: 'GET', path: userPath(id), signal })
  return parseAnswer(oktaUserSchema, response.data, 'a user')
}

/** Deactivated (DEPROVISIONED) users are still fetched by id, and shown with a danger badge. */
export async function getUser(context: OktaContext, id: string, signal?: AbortSignal): Promise<DirectoryObject> {
  return userToObject(context.users, await fetchUser(context, id, signal))
}

export async function listUsers(context: OktaContext, query: ListQuery, signal?: AbortSignal): Promise<DirectoryPage> {
  const page = await readPage(
    context.http,
    { path: '/api/v1/users', query: { search: userSearch(query.search) }, fields: query.rowsOnly ? userRowFields : undefined, sendsLimit: true },
    query,
    context.paging,
    signal,
  )
  const items = page.rows.map((row) => listedUser(context.users, parseUserRow(row, 'a user'), query))
  // Okta reports no total count.
  return { items, nextCursor: page.nextCursor, total: null }
}

/** Users whose email or login is one of `emails`: 20 to a search (oktaSearch.ts), every page read. */
export async function usersWithEmails(context: OktaContext, emails: readonly string[], signal?: AbortSignal): Promise<UsersWithEmails> {
  return usersInBatches(emails, oktaEmailBatches, (batch) =>
    everyPage(async (cursor) => {
      const list = { path: '/api/v1/users', query: { search: emailsSearch(batch) }, sendsLimit: true }
      const page = await readPage(context.http, list, { cursor, pageSize: context.paging.maxPageSize }, context.paging, signal)
      return { rows: page.rows.map((row) => userToObject(context.users, parseUserRow(row, 'a user'))), nextCursor: page.nextCursor }
    }),
  )
}

/** Creates and activates the user with its first password; the password is never logged nor returned. */
export async function createUser(context: OktaContext, attributes: Attributes, options: CreateOptions): Promise<DirectoryObject> {
  refuseProblems(validateNewObject(context.users, attributes, options.password), 'Nothing was sent')
  const password = options.password ?? ''
  const response = await context.http.request({
    method: 'POST',
    path: '/api/v1/users',
    query: { activate: true },
    body: { profile: attributesToProfile(context.users, attributes), credentials: { password: { value: password } } },
    secrets: [password],
  })
  return userToObject(context.users, parseAnswer(oktaUserSchema, response.data, 'the new user'))
}

/**
 * A partial update (`POST /api/v1/users/{id}`): only the changed fields, null clears. Okta keeps
 * the username and the email apart, but the connector's documented behaviour is that changing the
 * email changes the username too, unless the username is changed in the same edit.
 */
export async function updateUser(context: OktaContext, id: string, changes: Attributes): Promise<DirectoryObject> {
  refuseProblems(validateChanges(context.users, changes), 'Nothing was sent')
  const profile = attributesToProfile(context.users, changes)
  const email = changes['emails.value']
  if (typeof email === 'string' && !Object.hasOwn(changes, 'userName')) profile.login = email
  if (Object.keys(profile).length === 0) return getUser(context, id)
  const response = await context.http.request({ method: 'POST', path: userPath(id), body: { profile } })
  return userToObject(context.users, parseAnswer(oktaUserSchema, response.data, 'the updated user'))
}

/**
 * Deletes for good, in the two steps Okta needs (okta.md §3.6): deactivate a user that is not yet
 * DEPROVISIONED, then delete. Deactivating explicitly works with both the older "first DELETE
 * deactivates" and the newer "DELETE always removes" behaviour. Run as steps: a delete that fails
 * after the deactivation says the user is left deactivated.
 */
export async function deleteUser(context: OktaContext, id: string): Promise<void> {
  const user = await fetchUser(context, id)
  const name = userDisplayName(user)
  const steps: Step[] = []
  if (user.status !== 'DEPROVISIONED') {
    steps.push({
      name: `Deactivate ${name}`,
      run: async () => void (await context.http.request({ method: 'POST', path: `${userPath(user.id)}/lifecycle/deactivate` })),
    })
  }
  steps.push({ name: `Delete ${name} for good`, run: async () => void (await context.http.request({ method: 'DELETE', path: userPath(user.id) })) })
  await runSteps(steps, {
    signal: context.signal,
    operation: `Delete of ${name}`,
    advice: 'A step that was applied stays applied (a deactivated user stays deactivated); delete again to finish.',
  })
}
