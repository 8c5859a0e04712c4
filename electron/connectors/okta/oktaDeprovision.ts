import type { StepReport } from '../../../shared/errors'
import { AppError } from '../../errors/AppError'
import type { DeprovisionSnapshot, SnapshotPart } from '../Connector'
import { askedOnce } from '../ownAccount'
import { restoreToGroup, runSteps, type DoneSteps, type Step } from '../runSteps'
import { userDisplayName } from './oktaMapping'
import { addMember, allGroupsOf } from './oktaMemberships'
import { userPath, type OktaContext } from './oktaTypes'
import { fetchUser } from './oktaUsers'

/*
 * Okta has no deprovision operation: it is built on the lifecycle (okta.md §3.7). Suspend keeps
 * group and app assignments and is fully undone by unsuspend; deactivate also removes app
 * assignments, which undo cannot bring back. Undo also re-adds every group of the snapshot the user
 * is no longer in.
 */

const deprovisionModes = ['suspend', 'deactivate'] as const

function modeOf(context: OktaContext): string {
  const mode = context.deprovisionMode
  if ((deprovisionModes as readonly string[]).includes(mode)) return mode
  throw new AppError(
    'invalid_input',
    `The profile's "Deprovision by" setting holds "${mode}", which Lanyard does not know. Edit the profile and choose Suspending or Deactivating.`,
    { fields: { deprovisionMode: 'Choose Suspending or Deactivating.' } },
  )
}

export async function readDeprovisionSnapshot(context: OktaContext, userId: string, signal?: AbortSignal): Promise<DeprovisionSnapshot> {
  const mode = modeOf(context)
  const user = await fetchUser(context, userId, signal)
  // Everyone (BUILT_IN) is implicit: every user is in it and nobody can add or remove them.
  const groups = (await allGroupsOf(context, user.id, signal)).filter((group) => group.type !== 'BUILT_IN')
  return {
    userId: user.id,
    userName: typeof user.profile.login === 'string' ? user.profile.login : '',
    displayName: userDisplayName(user),
    status: user.status,
    active: user.status === 'ACTIVE',
    groups: groups.map((group) => ({ id: group.id, name: typeof group.profile.name === 'string' ? group.profile.name : group.id })),
    mode,
    extra: { groupTypes: Object.fromEntries(groups.map((group) => [group.id, group.type])) },
  }
}

/** Suspend and deactivate both change the status only: Okta keeps the groups (okta.md §3.7). */
export function deprovisionTakes(): SnapshotPart[] {
  return ['status']
}

function sameUser(userId: string, snapshot: DeprovisionSnapshot): void {
  if (snapshot.userId !== userId) {
    throw new AppError('invalid_input', `This snapshot belongs to another user (${snapshot.displayName}); nothing was changed.`)
  }
}

function lifecycle(context: OktaContext, userId: string, operation: string, query?: Record<string, boolean>): Promise<unknown> {
  return context.http.request({ method: 'POST', path: `${userPath(userId)}/lifecycle/${operation}`, query })
}

/** Okta suspends only ACTIVE users (and answers 400 otherwise) and deactivates anyone not DEPROVISIONED yet. */
export function deprovisionRefusal(snapshot: DeprovisionSnapshot): AppError | null {
  const name = snapshot.displayName
  if (snapshot.mode === 'suspend' && snapshot.status !== 'ACTIVE') {
    return new AppError(
      'conflict',
      `Okta can only suspend an ACTIVE user, and ${name} is ${snapshot.status}. Nothing was changed. ` +
        (snapshot.status === 'SUSPENDED'
          ? 'They are already suspended.'
          : 'To block this user, set the profile\'s "Deprovision by" to Deactivating, or use the Okta admin console.'),
    )
  }
  if (snapshot.mode === 'deactivate' && snapshot.status === 'DEPROVISIONED') {
    return new AppError('conflict', `${name} is already deactivated (DEPROVISIONED) in Okta. Nothing was changed.`)
  }
  return null
}

export async function deprovision(context: OktaContext, userId: string, snapshot: DeprovisionSnapshot, alreadyDone?: DoneSteps): Promise<StepReport[]> {
  sameUser(userId, snapshot)
  const name = snapshot.displayName
  const refusal = deprovisionRefusal(snapshot)
  if (refusal) throw refusal
  let step: Step
  if (snapshot.mode === 'suspend') {
    step = { name: `Suspend ${name}`, run: async () => void (await lifecycle(context, userId, 'suspend')) }
  } else if (snapshot.mode === 'deactivate') {
    step = { name: `Deactivate ${name}`, run: async () => void (await lifecycle(context, userId, 'deactivate')) }
  } else {
    throw new AppError('invalid_input', `This deprovision was recorded with the mode "${snapshot.mode}", which Lanyard does not know.`)
  }
  return runSteps([step], { signal: context.signal, alreadyDone, operation: `Deprovision of ${name}`, advice: 'Nothing else was changed; try again.' })
}

/**
 * The steps that bring the snapshot's status back, chosen from the status the user has now. A user
 * who was SUSPENDED before a deactivation is activated, then suspended again: undo must not leave
 * them able to sign in when they could not before (DEPROVISIONED → ACTIVE → SUSPENDED, okta.md §3.7).
 */
function statusSteps(context: OktaContext, snapshot: DeprovisionSnapshot, current: string): Step[] {
  const name = snapshot.displayName
  const suspendAgain: Step = { name: `Suspend ${name} again`, run: async () => void (await lifecycle(context, snapshot.userId, 'suspend')) }
  if (current === snapshot.status) {
    return [{ name: `Bring back ${name}'s status (${snapshot.status})`, run: async () => `Already ${current} in Okta: nothing to change.` }]
  }
  if (current === 'SUSPENDED') {
    return [{ name: `Unsuspend ${name}`, run: async () => void (await lifecycle(context, snapshot.userId, 'unsuspend')) }]
  }
  if (current === 'DEPROVISIONED') {
    // activate (not reactivate) is the way out of DEPROVISIONED; sendEmail=false sends the person nothing.
    const activate: Step = {
      name: `Activate ${name} again`,
      run: async () => void (await lifecycle(context, snapshot.userId, 'activate', { sendEmail: false })),
    }
    return snapshot.status === 'SUSPENDED' ? [activate, suspendAgain] : [activate]
  }
  // A second undo after "Suspend again" failed: the activation is done, the suspension is not.
  if (current === 'ACTIVE' && snapshot.status === 'SUSPENDED') return [suspendAgain]
  return [
    {
      name: `Bring back ${name}'s status (${snapshot.status})`,
      run: async () => {
        throw new AppError(
          'conflict',
          `${name} is now ${current} in Okta, not ${snapshot.status}; Lanyard does not change that status. Use the Okta admin console if needed.`,
        )
      },
    },
  ]
}

function addBackStep(context: OktaContext, snapshot: DeprovisionSnapshot, group: { id: string; name: string }): Step {
  return {
    name: `Add back to ${group.name}`,
    run: async () => {
      await restoreToGroup('Okta', group, snapshot.displayName, () => addMember(context, group.id, snapshot.userId))
    },
  }
}

export async function undoDeprovision(context: OktaContext, userId: string, snapshot: DeprovisionSnapshot): Promise<StepReport[]> {
  sameUser(userId, snapshot)
  // Read first: if a read fails nothing has changed yet, and the error says why.
  const current = await fetchUser(context, userId)
  const memberOf = new Set((await allGroupsOf(context, current.id)).map((group) => group.id))
  const steps = [
    ...statusSteps(context, snapshot, current.status),
    ...snapshot.groups.filter((group) => !memberOf.has(group.id)).map((group) => addBackStep(context, snapshot, group)),
  ]
  return runSteps(steps, {
    signal: context.signal,
    operation: `Undo for ${snapshot.displayName}`,
    advice: 'Run undo again to finish: what was already brought back is skipped.',
  })
}

/** The user the API token belongs to (`GET /api/v1/users/me`), asked once per connector: a deprovision never suspends it unasked. */
export function ownAccountCheck(context: OktaContext): (user: Pick<DeprovisionSnapshot, 'userId'>, signal?: AbortSignal) => Promise<string | null> {
  const tokenOwner = askedOnce(async (signal) => (await fetchUser(context, 'me', signal)).id)
  return async (user, signal) =>
    (await tokenOwner(signal)) === user.userId ? "is the user this profile's API token belongs to (Okta's GET /api/v1/users/me)" : null
}
