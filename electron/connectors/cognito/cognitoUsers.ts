import type { Attributes, DirectoryObject, DirectoryPage } from '../../../shared/directory'
import { fieldLabel, validateChanges } from '../../../shared/directoryValidation'
import { AppError, refuseProblems } from '../../errors/AppError'
import type { ChangeOptions, ListQuery } from '../Connector'
import { runSteps, type Step } from '../runSteps'
import { listedUser, userFromAdminGet, userFromListing, userToObject, type CognitoUser } from './cognitoMapping'
import { readTokenPage } from './cognitoPaging'
import { withPasswordPolicy } from './cognitoPasswordPolicy'
import { userFilter } from './cognitoSearch'
import type { CognitoContext } from './cognitoTypes'
import { userWrite } from './cognitoWrites'

export async function fetchUser(context: CognitoContext, id: string, signal?: AbortSignal): Promise<CognitoUser> {
  return userFromAdminGet(await context.api.getUser(id, { signal }))
}

export async function getUser(context: CognitoContext, id: string, signal?: AbortSignal): Promise<DirectoryObject> {
  return userToObject(context.users, await fetchUser(context, id, signal))
}

/** ListUsers with the search as its Filter; short and empty pages with a token are read past. */
export async function listUsers(context: CognitoContext, query: ListQuery, signal?: AbortSignal): Promise<DirectoryPage> {
  const filter = userFilter(query.search)
  const page = await readTokenPage(
    {
      key: `ListUsers ${filter ?? ''}`,
      read: async (token, limit, readSignal) => {
        const answer = await context.api.listUsers({ Filter: filter, Limit: limit, PaginationToken: token }, { signal: readSignal })
        return { rows: answer.Users ?? [], next: answer.PaginationToken }
      },
    },
    query,
    signal,
  )
  // Cognito reports no total count.
  return { items: page.rows.map((row) => listedUser(context.users, userFromListing(row), query)), nextCursor: page.nextCursor, total: null }
}

/** Attributes the "Set …" step writes: everything but the password, its flag and `active`, which have steps of their own. */
const ownSteps = new Set(['password', 'Extension.IsPasswordPermanent', 'active'])

/** What updateUser sends, or its refusal with no call: the directory runs it before journaling too. */
export function plannedUserUpdate(context: CognitoContext, changes: Attributes) {
  const password = typeof changes.password === 'string' ? changes.password : undefined
  const write = userWrite(context.users, changes)
  if (write.permanent !== undefined && password === undefined) {
    throw new AppError('invalid_input', 'Nothing was changed: "Password is permanent" is set together with a new password. Type the password too.', {
      fields: { password: 'Type the password that is (or is not) permanent.' },
    })
  }
  return { password, write }
}

/**
 * An update as named steps (set attributes, set the password, enable or disable): a failed step
 * leaves the earlier ones applied, and the journal can finish or roll back the rest. A new
 * password is temporary unless `Extension.IsPasswordPermanent` is true in the same change.
 */
export async function updateUser(context: CognitoContext, id: string, changes: Attributes, options: ChangeOptions = {}): Promise<DirectoryObject> {
  refuseProblems(validateChanges(context.users, changes), 'Nothing was changed')
  const { password, write } = plannedUserUpdate(context, changes)
  const user = await fetchUser(context, id)
  const name = user.username
  const steps: Step[] = []
  const attributePaths = Object.keys(changes).filter((path) => !ownSteps.has(path))
  if (write.attributes.length > 0) {
    steps.push({
      name: `Set ${attributePaths.map((path) => attributeLabel(context, path)).join(', ')}`,
      writes: attributePaths,
      run: async () => void (await context.api.updateUserAttributes({ Username: name, UserAttributes: write.attributes })),
    })
  }
  if (password !== undefined) {
    const permanent = write.permanent === true
    steps.push({
      name: permanent ? 'Set the permanent password' : 'Set a temporary password',
      writes: write.permanent === undefined ? ['password'] : ['password', 'Extension.IsPasswordPermanent'],
      run: async () => {
        try {
          await context.api.setUserPassword({ Username: name, Password: password, Permanent: permanent }, { secrets: [password] })
        } catch (error: unknown) {
          throw await withPasswordPolicy(context, error, 'The password was not changed.')
        }
        return permanent ? undefined : `${name} must choose a new password at the next sign-in.`
      },
    })
  }
  if (write.active !== undefined) steps.push(write.active ? enableStep(context, user) : disableStep(context, name))
  const reports = await runSteps(steps, {
    signal: context.signal,
    operation: `Change of ${name}`,
    advice: 'The steps that were applied stay applied: finish or roll back the change from the Activity view.',
    adviceWhenNothingApplied: 'Nothing was changed: correct what the failed step names and try again.',
  })
  if (reports.length > 1) options.onSteps?.(reports)
  return getUser(context, name)
}

/** Pool attributes by their Cognito name (`given_name`, `email_verified`), the rest by their field label. */
function attributeLabel(context: CognitoContext, path: string): string {
  const prefix = context.users.customAttributePrefix
  return prefix && path.startsWith(prefix) ? path.slice(prefix.length) : fieldLabel(path)
}

function enableStep(context: CognitoContext, user: CognitoUser): Step {
  return {
    name: `Enable ${user.username}`,
    writes: ['active'],
    run: async () => {
      await context.api.enableUser(user.username)
      // Enabled is not yet active for Cognito: the password must be set first (UserStatus CONFIRMED).
      return user.userStatus === 'CONFIRMED' ? undefined : `Enabled; ${user.username} stays ${user.userStatus} until a password is set.`
    },
  }
}

export function disableStep(context: CognitoContext, username: string): Step {
  return { name: `Disable ${username}`, writes: ['active'], run: async () => void (await context.api.disableUser(username)) }
}

export async function deleteUser(context: CognitoContext, id: string): Promise<void> {
  await context.api.deleteUser(id)
}
