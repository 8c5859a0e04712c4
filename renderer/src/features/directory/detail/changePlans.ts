import type { ConnectorDescriptor, ObjectTypeDescriptor } from '../../../../../shared/catalogue'
import type { DirectoryObject } from '../../../../../shared/directory'
import type { ProfileView } from '../../../../../shared/profiles'
import type { ConfirmationRequest } from '../../../stores/ui'
import { inSentence } from '../../profiles/profileSummary'

/**
 * What the person sees before a change from the detail panel goes to a target: the membership
 * added or removed, what a deprovision or a delete will do (the forms' own are in forms/formPlans.ts). Built here as plain
 * confirmation requests for `ui.confirm`, so every change is confirmed the same way and the
 * wording can be tested without a DOM. (Undo's lives in `features/journal/undoPlan.ts`: the
 * Activity view asks it too.)
 */

function noun(objectType: ObjectTypeDescriptor): string {
  return objectType.scimResource === 'User' ? 'user' : 'group'
}

/** `groupNoun` is the group-like type in words: "group", "role", "account group". */
export function membershipPlan(change: 'add' | 'remove', userName: string, groupName: string, groupNoun = 'group'): ConfirmationRequest {
  const adding = change === 'add'
  return {
    title: adding ? `Add to ${groupNoun}?` : `Remove from ${groupNoun}?`,
    message: adding ? `Add ${userName} to ${groupName}.` : `Remove ${userName} from ${groupName}.`,
    lines: [
      { label: 'User', text: userName },
      { label: capitalized(groupNoun), text: groupName },
    ],
    confirmLabel: adding ? `Add to ${groupNoun}` : `Remove from ${groupNoun}`,
    danger: !adding,
  }
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`
}

/** The profile's choice of how to deprovision (Okta: suspend or deactivate), as its descriptor option. */
function deprovisionMode(descriptor: ConnectorDescriptor, profile: ProfileView) {
  const parameter = descriptor.parameters.find((candidate) => candidate.key === 'deprovisionMode')
  const value = profile.values[parameter?.key ?? ''] || parameter?.defaultValue
  return parameter?.options?.find((option) => option.value === value) ?? null
}

/** One group-like type a deprovision records, as the panel counts it: "3", or "50+" while pages are unread. */
export interface RecordedMemberships {
  /** The type's label, e.g. "Groups", "Roles". */
  label: string
  count: string
}

/** "groups (3)"; "content groups (2), roles (1) and account groups (0)". */
function membershipWords(recorded: readonly RecordedMemberships[]): string {
  const words = recorded.map((memberships) => `${inSentence(memberships.label)} (${memberships.count})`)
  const last = words.pop()
  return words.length > 0 ? `${words.join(', ')} and ${last}` : (last ?? '')
}

export function deprovisionPlan(
  descriptor: ConnectorDescriptor,
  objectType: ObjectTypeDescriptor,
  profile: ProfileView,
  user: DirectoryObject,
  recorded: readonly RecordedMemberships[],
): ConfirmationRequest {
  const mode = deprovisionMode(descriptor, profile)?.label
  const how = mode ? ` by ${mode.charAt(0).toLowerCase()}${mode.slice(1)}` : ''
  // Where memberships cannot change (GoToMeeting) the deprovision takes other things (admin roles, licences): the
  // "What goes" line says which, in the catalogue's words, and the snapshot records them with the status.
  const kept = recorded.length > 0 ? `their ${membershipWords(recorded)} are` : 'their status and what the deprovision takes away are'
  const them = 'them'
  const effects = descriptor.deprovisionEffects[deprovisionMode(descriptor, profile)?.value ?? 'default'] ?? descriptor.deprovisionEffects.default ?? []
  const undo = objectType.operations.undoDeprovision
    ? `${kept} recorded so undo can bring ${them} back`
    : `${kept} recorded, but ${descriptor.label} has no undo for a deprovision`
  const real = profile.environment === 'real'
  // Destructive when it touches a real tenant, or when the chosen way loses what undo cannot restore.
  const typed = real || deprovisionMode(descriptor, profile)?.irreversible === true
  return {
    title: `Deprovision ${user.displayName}?`,
    message: `Deprovision ${user.displayName}${how}: they can't sign in; ${undo}.`,
    lines: [
      { label: 'Profile', text: `${profile.name} (${real ? 'real environment' : 'sandbox'})` },
      { label: 'Status now', text: user.status?.label ?? 'unknown' },
      ...(recorded.length === 0 && effects.length > 0 ? [{ label: 'What goes', text: effects.join(' ') }] : []),
    ],
    confirmLabel: 'Deprovision',
    danger: true,
    ...(typed ? { typeToConfirm: user.displayName } : {}),
  }
}

/** Delete is irreversible; where the target can also deprovision, say plainly that this is not that. */
export function deletePlan(
  descriptor: ConnectorDescriptor,
  objectType: ObjectTypeDescriptor,
  object: DirectoryObject,
): ConfirmationRequest {
  const notDeprovision = objectType.operations.deprovision
    ? ', not a deprovision. To block sign-in in a way undo can reverse, use Deprovision instead'
    : ''
  return {
    title: `Delete ${object.displayName}?`,
    message: `This is irreversible: it removes the ${noun(objectType)} from ${descriptor.label} for good${notDeprovision}.`,
    lines: [{ label: noun(objectType) === 'user' ? 'User' : 'Group', text: object.secondary ? `${object.displayName} — ${object.secondary}` : object.displayName }],
    confirmLabel: `Delete ${noun(objectType)}`,
    danger: true,
    typeToConfirm: object.displayName,
  }
}
