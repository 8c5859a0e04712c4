import type { StepReport } from '../../../shared/errors'
import { AppError } from '../../errors/AppError'
import type { DeprovisionSnapshot, Deprovisions, SnapshotPart } from '../Connector'
import { askedOnce } from '../ownAccount'
import { runSteps, type DoneSteps, type Step } from '../runSteps'
import { groupKinds } from './coupaGroupKinds'
import { addMember, groupsIn } from './coupaMemberships'
import { readAllRows } from './coupaPaging'
import { coupaUserSchema, parseAnswer, text, userPath, type CoupaContext } from './coupaTypes'
import { userDisplayName, userStatus } from './coupaUserMapping'
import { fetchUser } from './coupaUsers'

/*
 * Coupa deprovisions with `PUT {"active": false}` and undoes with `{"active": true}` (A.4, Coupa's
 * user scenarios 1.4 and 1.5). The snapshot also keeps every role, content group, user group and
 * account group the user had, so an undo (after a restart too) gives back any of them that is
 * missing by then, whoever took it away.
 */

export async function readDeprovisionSnapshot(context: CoupaContext, userId: string, signal?: AbortSignal): Promise<DeprovisionSnapshot> {
  const user = await fetchUser(context, userId, signal)
  const active = user.active !== false
  const groups = groupKinds.flatMap((kind) =>
    groupsIn(user, kind).map((group) => ({ id: group.id, name: group.name ?? group.id, objectType: kind.objectType })),
  )
  return {
    userId: user.id,
    userName: text((user as Record<string, unknown>).login),
    displayName: userDisplayName(user),
    status: userStatus(active).label,
    active,
    groups,
    mode: 'deactivate',
    // Read with the user, so the own-account question asks nothing more (ownAccountOf below).
    extra: { apiUser: (user as Record<string, unknown>)['api-user'] === true },
  }
}

/**
 * Coupa has no "who am I": an API key or OAuth client acts as an API user (`api-user`, set by Coupa
 * and read-only), and Coupa does not say which one. Every API user is therefore treated as the
 * profile's own: deactivating it could stop the integration Lanyard signs in with. A deprovision's
 * snapshot read the user, flag included: no request. A plan's account comes from a list, without
 * the flag: the tenant's API users are asked for once for the connector's life (there are a few:
 * one page, ids only) and kept, as Okta's token owner and GoTo's administrator are.
 */
export function ownAccountOf(context: CoupaContext): Deprovisions['ownAccount'] {
  const apiUsers = askedOnce((signal) => apiUserIds(context, signal))
  return async (user, signal) => {
    const isApiUser = typeof user.extra.apiUser === 'boolean' ? user.extra.apiUser : (await apiUsers(signal)).has(user.userId)
    return isApiUser
      ? "is a Coupa API user, the kind of user this profile's API key or OAuth client acts as (Coupa does not say which one, so Lanyard treats every API user as its own)"
      : null
  }
}

/** `GET /api/users?api_user=true`, ids only, every page read (A.3's filter on any attribute). */
async function apiUserIds(context: CoupaContext, signal?: AbortSignal): Promise<Set<string>> {
  const list = { path: '/api/users', query: { api_user: true }, fields: JSON.stringify(['id']), what: 'API users' }
  return new Set(await readAllRows(context, list, (row) => parseAnswer(coupaUserSchema, row, 'an API user').id, signal))
}

/** `active=false` changes the status only: roles and groups stay on the user. */
export function deprovisionTakes(): SnapshotPart[] {
  return ['status']
}

function sameUser(userId: string, snapshot: DeprovisionSnapshot): void {
  if (snapshot.userId !== userId) {
    throw new AppError('invalid_input', `This snapshot belongs to another user (${snapshot.displayName}); nothing was changed.`)
  }
}

function setActive(context: CoupaContext, userId: string, active: boolean): Promise<unknown> {
  // Setting the flag to what it already is changes nothing: safe to send again.
  return context.http.request({ method: 'PUT', path: userPath(userId), body: { active }, idempotent: true })
}

export function deprovisionRefusal(snapshot: DeprovisionSnapshot): AppError | null {
  return snapshot.active ? null : new AppError('conflict', `${snapshot.displayName} is already inactive in Coupa. Nothing was changed.`)
}

export async function deprovision(context: CoupaContext, userId: string, snapshot: DeprovisionSnapshot, alreadyDone?: DoneSteps): Promise<StepReport[]> {
  sameUser(userId, snapshot)
  const refusal = deprovisionRefusal(snapshot)
  if (refusal) throw refusal
  const step: Step = { name: `Deactivate ${snapshot.displayName}`, run: async () => void (await setActive(context, userId, false)) }
  return runSteps([step], { signal: context.signal, alreadyDone, operation: `Deprovision of ${snapshot.displayName}`, advice: 'Nothing else was changed; try again.' })
}

const nouns: Record<string, string> = { groups: 'content group', roles: 'role', 'user-groups': 'approval group', 'account-groups': 'account group' }

function addBackStep(context: CoupaContext, snapshot: DeprovisionSnapshot, group: DeprovisionSnapshot['groups'][number]): Step {
  const type = group.objectType ?? 'groups'
  const noun = nouns[type] ?? 'group'
  return {
    name: type === 'roles' ? `Give back the role ${group.name}` : `Add back to the ${noun} ${group.name}`,
    run: async () => {
      try {
        await addMember(context, type, group.id, snapshot.userId)
      } catch (error: unknown) {
        // Coupa refuses a reference to a record that no longer exists (A.6): 404 on the add call, 400 on the array.
        if (error instanceof AppError && (error.code === 'not_found' || error.code === 'invalid_input')) {
          throw new AppError(error.code, `The ${noun} "${group.name}" could not be given back: ${error.message}`, { details: error.extra.details })
        }
        throw error
      }
    },
  }
}

export async function undoDeprovision(context: CoupaContext, userId: string, snapshot: DeprovisionSnapshot): Promise<StepReport[]> {
  sameUser(userId, snapshot)
  // Read first: if the read fails nothing has changed yet, and the error says why.
  const user = await fetchUser(context, userId)
  const active = user.active !== false
  const present = new Set(groupKinds.flatMap((kind) => groupsIn(user, kind).map((group) => `${kind.objectType}:${group.id}`)))
  const name = snapshot.displayName
  const status: Step =
    snapshot.active && !active
      ? { name: `Reactivate ${name}`, run: async () => void (await setActive(context, userId, true)) }
      : { name: `Bring back ${name}'s status (${snapshot.status})`, run: async () => `Already ${userStatus(active).label} in Coupa: nothing to change.` }
  const missing = snapshot.groups.filter((group) => !present.has(`${group.objectType ?? 'groups'}:${group.id}`))
  return runSteps([status, ...missing.map((group) => addBackStep(context, snapshot, group))], {
    signal: context.signal,
    operation: `Undo for ${name}`,
    advice: 'Run undo again to finish: what was already brought back is skipped.',
  })
}
