import type { StepReport } from '../../../shared/errors'
import { AppError } from '../../errors/AppError'
import type { DeprovisionSnapshot, SnapshotPart } from '../Connector'
import { restoreToGroup, runSteps, type DoneSteps, type Step } from '../runSteps'
import { groupNameOf, isActive, userStatusLabel } from './cognitoMapping'
import { allGroupsOf, groupLimitReached } from './cognitoMemberships'
import { maximumGroupsPerUser, type CognitoContext } from './cognitoTypes'
import { fetchUser } from './cognitoUsers'

/*
 * Deprovision on Cognito is disable, then a global sign-out (DESIGN §3; cognito.md §3: disabling
 * stops new sign-ins, the sign-out revokes the refresh tokens already handed out). Disabling keeps
 * the user's groups, but undo still puts the user back in every snapshot group they are no longer
 * in, whoever removed them since.
 */

export async function readDeprovisionSnapshot(context: CognitoContext, userId: string, signal?: AbortSignal): Promise<DeprovisionSnapshot> {
  const user = await fetchUser(context, userId, signal)
  const groups = (await allGroupsOf(context, user.username, signal)).map(groupNameOf)
  return {
    userId: user.username,
    userName: user.username,
    displayName: user.username,
    status: userStatusLabel(user),
    active: isActive(user),
    groups: groups.map((name) => ({ id: name, name })),
    mode: 'disable',
    // Plain facts for undo after a restart: whether the user was enabled, and its UserStatus.
    extra: { enabled: user.enabled, userStatus: user.userStatus },
  }
}

/** Disabling changes the status ("Disabled (…)"); the sign-out leaves nothing to read, and the groups stay. */
export function deprovisionTakes(): SnapshotPart[] {
  return ['status']
}

function sameUser(userId: string, snapshot: DeprovisionSnapshot): void {
  if (snapshot.userId.toLowerCase() !== userId.toLowerCase()) {
    throw new AppError('invalid_input', `This snapshot belongs to another user (${snapshot.displayName}); nothing was changed.`)
  }
}

/**
 * The global sign-out leaves nothing Cognito shows afterwards (AdminGetUser has no "signed out"), and
 * sending it again to a disabled user is harmless: a deprovision found disabled by settling sends it again.
 */
export function resendableSteps(snapshot: DeprovisionSnapshot): string[] {
  return [signOutStep(snapshot.displayName)]
}

const signOutStep = (name: string) => `Sign ${name} out everywhere`

/** A disabled user is already deprovisioned; any enabled one (CONFIRMED or not) can be disabled. */
export function deprovisionRefusal(snapshot: DeprovisionSnapshot): AppError | null {
  return snapshot.extra.enabled === false ? new AppError('conflict', `${snapshot.displayName} is already disabled in Cognito. Nothing was changed.`) : null
}

/** IAM credentials are not pool users (see cognitoOwnAccountNote): no pool user is the profile's own account. */
export async function ownAccount(): Promise<string | null> {
  return null
}

export async function deprovision(context: CognitoContext, userId: string, snapshot: DeprovisionSnapshot, alreadyDone?: DoneSteps): Promise<StepReport[]> {
  sameUser(userId, snapshot)
  const name = snapshot.displayName
  const refusal = deprovisionRefusal(snapshot)
  if (refusal) throw refusal
  const steps: Step[] = [
    { name: `Disable ${name}`, run: async () => void (await context.api.disableUser(snapshot.userId)) },
    { name: signOutStep(name), run: async () => void (await context.api.globalSignOut(snapshot.userId)) },
  ]
  return runSteps(steps, {
    signal: context.signal,
    alreadyDone,
    operation: `Deprovision of ${name}`,
    advice: 'What was applied stays applied; deprovision again or undo it from the Activity view.',
  })
}

export async function undoDeprovision(context: CognitoContext, userId: string, snapshot: DeprovisionSnapshot): Promise<StepReport[]> {
  sameUser(userId, snapshot)
  const name = snapshot.displayName
  // Read first: if a read fails nothing has changed yet, and the error says why.
  const current = await fetchUser(context, userId)
  const memberOf = new Set((await allGroupsOf(context, current.username)).map(groupNameOf))
  let groupCount = memberOf.size
  const steps: Step[] = []
  if (snapshot.extra.enabled !== false) {
    steps.push({
      name: `Enable ${name}`,
      run: async () => {
        if (current.enabled) return `${name} is already enabled: nothing to change.`
        await context.api.enableUser(current.username)
      },
    })
  }
  for (const group of snapshot.groups.filter((candidate) => !memberOf.has(candidate.id))) {
    steps.push({
      name: `Add back to ${group.name}`,
      run: async () => {
        if (groupCount >= maximumGroupsPerUser) throw groupLimitReached(current.username, group.name)
        await restoreToGroup('the user pool', group, name, async () => {
          await context.api.addUserToGroup({ Username: current.username, GroupName: group.id })
        })
        groupCount++
      },
    })
  }
  return runSteps(steps, {
    signal: context.signal,
    operation: `Undo for ${name}`,
    advice: 'Run undo again to finish: what was already brought back is skipped.',
  })
}
