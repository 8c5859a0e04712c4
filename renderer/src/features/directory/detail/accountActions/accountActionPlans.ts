import { accountActionRefusal, fillAccountActionText, type AccountActionDescriptor } from '../../../../../../shared/accountActions'
import type { ObjectTypeDescriptor } from '../../../../../../shared/catalogue'
import type { DirectoryObject } from '../../../../../../shared/directory'
import type { ProfileView } from '../../../../../../shared/profiles'
import type { ChangeLine } from '../../../../components/changeLines'
import type { ConfirmationRequest } from '../../../../stores/ui'

/*
 * The everyday account actions as the panel offers them (shared/accountActions.ts): only those the
 * user's status allows, by the same rule main refuses the others with, and each one's confirmation
 * as a plain `ui.confirm` request, so the wording can be tested without a DOM.
 */

/** The type's actions the user's status allows now, in the descriptor's order. */
export function offeredAccountActions(objectType: ObjectTypeDescriptor, user: DirectoryObject): AccountActionDescriptor[] {
  if (user.readOnlyReason !== null) return []
  return (objectType.accountActions ?? []).filter((action) => accountActionRefusal(action, user.status?.label ?? null, user.displayName) === null)
}

/** Before → after where the action changes state; the profile always, as every confirmation names it. */
export function accountActionPlan(action: AccountActionDescriptor, profile: ProfileView, user: DirectoryObject): ConfirmationRequest {
  const fill = (text: string) => fillAccountActionText(text, { name: user.displayName, status: user.status?.label ?? 'unknown' })
  const { confirmation } = action
  const lines: ChangeLine[] = [
    { label: 'Profile', text: `${profile.name} (${profile.environment === 'real' ? 'real environment' : 'sandbox'})` },
    { label: 'User', text: user.secondary ? `${user.displayName} — ${user.secondary}` : user.displayName },
  ]
  if (action.changesState && confirmation.before && confirmation.after) {
    lines.push({ label: confirmation.before.label, before: fill(confirmation.before.value), after: fill(confirmation.after.value) })
  }
  return {
    title: `${fill(confirmation.title)}?`,
    message: fill(confirmation.words),
    lines,
    confirmLabel: confirmation.confirmLabel,
  }
}
