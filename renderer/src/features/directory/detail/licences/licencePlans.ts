import { licenceChangeWords, type LicenceView, type UserLicences } from '../../../../../../shared/licenses'
import type { DirectoryObject } from '../../../../../../shared/directory'
import type { ProfileView } from '../../../../../../shared/profiles'
import type { ConfirmationRequest } from '../../../../stores/ui'

/** The confirmation of a licence change: the user's licences before → after, and a suspension said first. */
export function licencePlan(change: 'assign' | 'remove', profile: ProfileView, user: DirectoryObject, licences: UserLicences, licence: LicenceView): ConfirmationRequest {
  const held = licences.held.map((view) => view.name)
  const after = change === 'assign' ? [...held, licence.name] : held.filter((name) => name !== licence.name)
  // GoTo shows a user with no licence and no admin role as Suspended (coupa-gotomeeting.md B.3, G11).
  const suspends = change === 'remove' && after.length === 0 && licences.adminRoles.length === 0
  const none = 'none'
  return {
    title: change === 'assign' ? 'Assign licence?' : 'Remove licence?',
    message: `${licenceChangeWords(change, user.displayName, licence.name, suspends)}.`,
    lines: [
      { label: 'Profile', text: `${profile.name} (${profile.environment === 'real' ? 'real environment' : 'sandbox'})` },
      { label: 'Licences', before: held.join(', ') || none, after: after.join(', ') || none },
    ],
    confirmLabel: change === 'assign' ? 'Assign licence' : 'Remove licence',
    danger: change === 'remove',
    ...(suspends ? { warnings: [`${user.displayName} will hold no licence and no admin role: GoTo then shows them Suspended and they cannot sign in.`] } : {}),
  }
}
