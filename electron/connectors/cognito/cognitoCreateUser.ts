import type { AdminCreateUserCommandInput } from '@aws-sdk/client-cognito-identity-provider'
import type { Attributes, DirectoryObject } from '../../../shared/directory'
import { validateNewObject } from '../../../shared/directoryValidation'
import { AppError, refuseProblems } from '../../errors/AppError'
import type { CreateCarries, CreateOptions } from '../Connector'
import { runSteps, type Step, type StepsOutcome } from '../runSteps'
import { userFromListing, userToObject, type CognitoUser } from './cognitoMapping'
import { isPasswordRefusal, withPasswordPolicy } from './cognitoPasswordPolicy'
import { maximumGroupsPerUser, type CognitoContext } from './cognitoTypes'
import { disableStep, fetchUser } from './cognitoUsers'
import { userWrite, type UserWrite } from './cognitoWrites'

/*
 * A create runs as named steps (the connector reference's limitation: "create, set password, add
 * to groups…"): "Create user" (AdminCreateUser, with the temporary password), "Set the permanent
 * password" when the password is permanent, "Disable" when the new user is to start inactive, and
 * "Add to <group>" per group. Once the user exists, a failed step is a `partial_failure` naming
 * the user, so the journal can finish the remaining steps or roll the create back.
 *
 * Cognito creates the user even when it refuses the temporary password (reference: "a password
 * that breaks the pool's policy returns an error, yet the user is created"), so "Create user" is
 * then applied and the temporary password is its own failed step, with the pool's policy.
 */

function refuse(problem: string, field: string): never {
  throw new AppError('invalid_input', `The new user was not created: ${problem}`, { fields: { [field]: problem } })
}

/**
 * What a create refuses with no call, from the attributes, whether a password was given and the
 * groups: a create that cannot finish is refused rather than left half-done. The directory runs it
 * before the create is journaled (through refuseUnsendable); createUser runs it again.
 */
export function plannedCreate(context: CognitoContext, attributes: Attributes, carries: CreateCarries) {
  const write = userWrite(context.users, attributes)
  const username = write.username ?? ''
  const permanent = write.permanent === true
  if (permanent && !carries.hasPassword && !write.password) refuse('a permanent password needs the password itself. Type it, or untick "Password is permanent".', 'password')
  if (permanent && write.mediums) {
    refuse('an invitation carries a temporary password, and a permanent password leaves none to send. Leave the delivery mediums empty.', 'Extension.DesiredDeliveryMediums')
  }
  const groups = [...new Set(carries.groups)]
  if (groups.length > maximumGroupsPerUser) {
    refuse(`a Cognito user can be in at most ${maximumGroupsPerUser} groups, and ${groups.length} were chosen. Choose ${maximumGroupsPerUser} or fewer.`, 'groups')
  }
  return { write, username, permanent, groups }
}

function plan(context: CognitoContext, attributes: Attributes, options: CreateOptions) {
  refuseProblems(validateNewObject(context.users, attributes, options.password), 'The new user was not created')
  const planned = plannedCreate(context, attributes, { hasPassword: Boolean(options.password), groups: options.groups ?? [] })
  // The password given with the create wins over one among the attributes; an empty one is none.
  return { ...planned, password: options.password || planned.write.password }
}

/**
 * How the invitation goes out. A permanent password sends none (its generated temporary password
 * would stop working at once). Without a choice, Cognito's default is SMS, which fails for a user
 * without a phone number: Lanyard then asks for EMAIL, the one contact every new user has.
 */
function invitation(write: UserWrite, permanent: boolean): Pick<AdminCreateUserCommandInput, 'MessageAction' | 'DesiredDeliveryMediums'> {
  if (permanent) return { MessageAction: 'SUPPRESS' }
  if (write.mediums) return { DesiredDeliveryMediums: write.mediums }
  const hasPhone = write.attributes.some((attribute) => attribute.Name === 'phone_number' && attribute.Value)
  return hasPhone ? {} : { DesiredDeliveryMediums: ['EMAIL'] }
}

async function requireGroups(context: CognitoContext, groups: readonly string[]): Promise<void> {
  for (const group of groups) {
    try {
      await context.api.getGroup(group)
    } catch (error: unknown) {
      if (error instanceof AppError && error.code === 'not_found') refuse(`the group "${group}" does not exist in the user pool. Choose another group.`, 'groups')
      throw error
    }
  }
}

export async function createUser(context: CognitoContext, attributes: Attributes, options: CreateOptions): Promise<DirectoryObject> {
  const { write, username, password, permanent, groups } = plan(context, attributes, options)
  await requireGroups(context, groups)
  const secrets = password ? [password] : []
  let created: CognitoUser | null = null
  let refusedPassword: unknown = null
  // A create call cancelled on its way may have landed: nobody can say "nothing was created". (A
  // network failure leaves the outcome unknown: the journal says so and checks it, runSteps adds nothing.)
  let createMayHaveLanded = false
  const existsAnyway = `The user ${username} was created anyway: finish the change with a password that meets the policy, or roll the create back.`

  const steps: Step[] = [
    {
      name: `Create user ${username}`,
      required: true,
      run: async () => {
        try {
          const answer = await context.api.createUser(
            {
              Username: username,
              UserAttributes: write.attributes.filter((attribute) => attribute.Value !== ''),
              ...(password && !permanent ? { TemporaryPassword: password } : {}),
              ...invitation(write, permanent),
            },
            { secrets },
          )
          created = answer.User ? userFromListing(answer.User) : await fetchUser(context, username)
        } catch (error: unknown) {
          if (!(error instanceof AppError && isPasswordRefusal(error))) {
            createMayHaveLanded = error instanceof AppError && error.code === 'cancelled'
            throw error
          }
          created = await fetchUser(context, username).catch(() => null)
          if (!created) throw await withPasswordPolicy(context, error, 'Nothing was created.')
          refusedPassword = error
          return 'Created, but Cognito refused the temporary password (see the next step).'
        }
      },
    },
  ]
  if (password && !permanent) {
    steps.push({
      name: 'Set the temporary password',
      writes: ['password'],
      run: async () => {
        if (refusedPassword) throw await withPasswordPolicy(context, refusedPassword, existsAnyway)
        return 'Sent with the create.'
      },
    })
  }
  if (permanent && password) {
    steps.push({
      name: 'Set the permanent password',
      writes: ['password', 'Extension.IsPasswordPermanent'],
      run: async () => {
        try {
          await context.api.setUserPassword({ Username: created?.username ?? username, Password: password, Permanent: true }, { secrets })
        } catch (error: unknown) {
          throw await withPasswordPolicy(context, error, existsAnyway)
        }
      },
    })
  }
  if (write.active === false) steps.push(disableStep(context, username))
  for (const group of groups) {
    steps.push({ name: `Add to ${group}`, run: async () => void (await context.api.addUserToGroup({ Username: created?.username ?? username, GroupName: group })) })
  }

  const outcome: StepsOutcome = {
    signal: context.signal,
    operation: `Create of ${username}`,
    // Read when a step failed, so it can say whether the user exists by then.
    get advice() {
      if (created) return `The user ${created.username} exists: finish the remaining steps or roll the create back from the Activity view.`
      return createMayHaveLanded
        ? `Whether the user was created is not known: search for ${username} before creating it again.`
        : 'Nothing was created: correct the values and try again.'
    },
    details: (): Record<string, string> => (created ? { objectId: created.username, objectName: created.username } : {}),
  }
  // Run first: an optional call would skip evaluating its argument when nobody listens.
  const reports = await runSteps(steps, outcome)
  options.onSteps?.(reports)
  const made = created as CognitoUser | null
  const id = made?.username ?? username
  // The create is done; a failed read-back must not make it look failed.
  return fetchUser(context, id)
    .then((user) => userToObject(context.users, user))
    .catch(() => userToObject(context.users, made ?? { username: id, attributes: {}, enabled: true, userStatus: 'UNKNOWN', created: undefined, lastModified: undefined }))
}
