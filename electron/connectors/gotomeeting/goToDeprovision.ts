import { z } from 'zod'
import type { StepReport } from '../../../shared/errors'
import { AppError } from '../../errors/AppError'
import type { DeprovisionSnapshot, SnapshotPart } from '../Connector'
import { askedOnce } from '../ownAccount'
import { restoreToGroup, runSteps, type DoneSteps, type Step } from '../runSteps'
import { licenseName, readLicenses } from './goToLicenses'
import { isActiveStatus, statusWord, userDisplayName } from './goToMapping'
import { moveUserToGroup } from './goToMemberships'
import { emailFilter } from './goToSearch'
import { accountPath, keySchema, parseAnswer, userPath, withQuery, type GoToContext } from './goToTypes'
import { fetchUser } from './goToUsers'

/*
 * GoTo has no suspend flag (B.3): a user shows as SUSPENDED when they hold no licence and only the
 * Member role (G11). So a deprovision takes away their admin roles, custom roles (role sets) and
 * licences, each a named step, and the snapshot remembers exactly which, with the licences' names,
 * so undo can give them back after a restart. The group placement is kept (suspension does not
 * need it), but undo puts the user back in the snapshot's group if they were moved meanwhile.
 */

const suspensionSchema = z.object({
  licenses: z.array(z.object({ key: z.string(), name: z.string() })),
  adminRoles: z.array(z.string()),
  roleSets: z.array(z.string()),
})
type Suspension = z.infer<typeof suspensionSchema>

function suspensionOf(snapshot: DeprovisionSnapshot): Suspension {
  const parsed = suspensionSchema.safeParse(snapshot.extra)
  if (parsed.success) return parsed.data
  throw new AppError('invalid_input', `This deprovision's record of ${snapshot.displayName}'s licences and roles is incomplete; nothing was changed.`)
}

function sameUser(userKey: string, snapshot: DeprovisionSnapshot): void {
  if (snapshot.userId !== userKey) {
    throw new AppError('invalid_input', `This snapshot belongs to another user (${snapshot.displayName}); nothing was changed.`)
  }
}

export async function readDeprovisionSnapshot(context: GoToContext, userKey: string, signal?: AbortSignal): Promise<DeprovisionSnapshot> {
  const user = await fetchUser(context, userKey, signal)
  const licenseKeys = user.licenseKeys ?? []
  const names = licenseKeys.length > 0 ? new Map((await readLicenses(context, signal)).map((license) => [license.key, licenseName(license)])) : new Map()
  const status = statusWord(user)
  const suspension: Suspension = {
    licenses: licenseKeys.map((key) => ({ key, name: names.get(key) ?? `licence ${key}` })),
    adminRoles: user.adminRoles ?? [],
    roleSets: user.roleSets ?? [],
  }
  return {
    userId: user.key,
    userName: user.email,
    displayName: userDisplayName(user),
    status,
    active: isActiveStatus(status),
    groups: user.groupKey ? [{ id: user.groupKey, name: user.groupName ?? user.groupKey }] : [],
    mode: 'suspend',
    extra: suspension,
  }
}

/**
 * What a deprovision takes away: the admin roles, custom roles and licences, each its own step.
 * The status is only their consequence (SUSPENDED once all are gone), and the group stays.
 */
export function deprovisionTakes(): SnapshotPart[] {
  return ['extra.adminRoles', 'extra.roleSets', 'extra.licenses']
}

function put(context: GoToContext, userKey: string, body: Record<string, unknown>): Promise<void> {
  return context.api.request({ method: 'PUT', path: userPath(context, userKey), body }).then(() => undefined)
}

const listed = (items: readonly string[]) => items.join(', ')

/** A user who is not ACTIVE or INVITED holds nothing a deprovision could take; one with nothing to take is refused too. */
export function deprovisionRefusal(snapshot: DeprovisionSnapshot): AppError | null {
  const name = snapshot.displayName
  if (!isActiveStatus(snapshot.status)) {
    return new AppError('conflict', `${name} is already ${snapshot.status} in GoTo: they hold no licence and no admin role. Nothing was changed.`)
  }
  const { licenses, adminRoles, roleSets } = suspensionOf(snapshot)
  if (licenses.length + adminRoles.length + roleSets.length === 0) {
    return new AppError('conflict', `${name} holds no licence and no role in GoTo: there is nothing to take away. Nothing was changed.`)
  }
  return null
}

export async function deprovision(context: GoToContext, userKey: string, snapshot: DeprovisionSnapshot, alreadyDone?: DoneSteps): Promise<StepReport[]> {
  sameUser(userKey, snapshot)
  const name = snapshot.displayName
  const refusal = deprovisionRefusal(snapshot)
  if (refusal) throw refusal
  const { licenses, adminRoles, roleSets } = suspensionOf(snapshot)
  const steps: Step[] = []
  if (adminRoles.length > 0) {
    steps.push({ name: `Remove ${name}'s admin roles (${listed(adminRoles)})`, run: () => put(context, userKey, { adminRoles: [] }) })
  }
  if (roleSets.length > 0) {
    // G7's call: it removes the custom role of the user named by the filter.
    const path = withQuery(`${accountPath(context)}/users/rolesets`, { filter: emailFilter(snapshot.userName) })
    steps.push({ name: `Remove ${name}'s custom roles`, run: async () => void (await context.api.request({ method: 'DELETE', path })) })
  }
  if (licenses.length > 0) {
    steps.push({ name: `Remove ${name}'s licences (${listed(licenses.map((license) => license.name))})`, run: () => put(context, userKey, { licenseKeys: [] }) })
  }
  return runSteps(steps, {
    signal: context.signal,
    alreadyDone,
    operation: `Deprovision of ${name}`,
    advice: 'What was removed stays removed: undo this deprovision to give it back, or run it again to finish.',
  })
}

export async function undoDeprovision(context: GoToContext, userKey: string, snapshot: DeprovisionSnapshot): Promise<StepReport[]> {
  sameUser(userKey, snapshot)
  const suspension = suspensionOf(snapshot)
  // Read first: if the read fails nothing has changed yet, and the error says why.
  const current = await fetchUser(context, userKey)
  const name = snapshot.displayName
  const holds = { licenses: current.licenseKeys ?? [], adminRoles: current.adminRoles ?? [], roleSets: current.roleSets ?? [] }
  const missingLicenses = suspension.licenses.filter((license) => !holds.licenses.includes(license.key))
  const missingRoles = suspension.adminRoles.filter((role) => !holds.adminRoles.includes(role))
  const missingRoleSets = suspension.roleSets.filter((roleSet) => !holds.roleSets.includes(roleSet))
  const steps: Step[] = []
  if (missingLicenses.length > 0) {
    // GoTo's licence list replaces the old one: what the user was given since is kept.
    const licenseKeys = [...holds.licenses, ...missingLicenses.map((license) => license.key)]
    steps.push({ name: `Give ${name} back their licences (${listed(missingLicenses.map((license) => license.name))})`, run: () => put(context, userKey, { licenseKeys }) })
  }
  if (missingRoles.length > 0) {
    steps.push({ name: `Give ${name} back their admin roles (${listed(missingRoles)})`, run: () => put(context, userKey, { adminRoles: [...holds.adminRoles, ...missingRoles] }) })
  }
  for (const roleSet of missingRoleSets) {
    const path = withQuery(`${accountPath(context)}/rolesets/${encodeURIComponent(roleSet)}/users`, { filter: emailFilter(current.email) })
    steps.push({ name: `Give ${name} back the custom role ${roleSet}`, run: async () => void (await context.api.request({ method: 'PUT', path, idempotent: true })) })
  }
  const group = snapshot.groups[0]
  if (group && current.groupKey !== group.id) steps.push(backInGroupStep(context, snapshot, group))
  if (steps.length === 0) {
    steps.push({ name: `Bring back ${name}'s status (${snapshot.status})`, run: async () => `Already holds everything the deprovision took away (GoTo status ${statusWord(current)}): nothing to change.` })
  }
  return runSteps(steps, {
    signal: context.signal,
    operation: `Undo for ${name}`,
    advice: 'Run undo again to finish: what was already brought back is skipped.',
  })
}

function backInGroupStep(context: GoToContext, snapshot: DeprovisionSnapshot, group: { id: string; name: string }): Step {
  return {
    name: `Put ${snapshot.displayName} back in ${group.name}`,
    run: async () => {
      await restoreToGroup('GoTo', group, snapshot.displayName, () => moveUserToGroup(context, snapshot.userId, group.id))
    },
  }
}

const administratorSchema = z.looseObject({ key: keySchema })

/** The administrator the profile signs in as (`GET /me`, B.7), asked once per connector: a deprovision never takes their roles unasked. */
export function ownAccountCheck(context: GoToContext): (user: Pick<DeprovisionSnapshot, 'userId'>, signal?: AbortSignal) => Promise<string | null> {
  const administrator = askedOnce(async (signal) => {
    const answer = await context.api.request({ method: 'GET', path: '/me', signal })
    return parseAnswer(administratorSchema, answer.data, 'the signed-in administrator').key
  })
  return async (user, signal) =>
    (await administrator(signal)) === user.userId ? "is the administrator this profile signs in as (GoTo's GET /me)" : null
}
