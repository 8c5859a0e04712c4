import { getDescriptor } from '../../shared/catalogue'
import type { ImportResult } from '../../shared/profiles'
import { AppError } from '../errors/AppError'
import type { StoredProfile } from './profileFileSchema'
import type { SecretOutcome } from './ProfileSecrets'
import { inWords, secretLabels } from './profileRules'

/**
 * The answer to an import that is done but whose replaced profiles' old secrets the keychain
 * refused to remove: every step that happened, by name, since the import itself is not undone and
 * the person must know which profiles now need their secrets, and that the old ones linger (unused).
 */
export function importedWithOldSecretsLeft(result: ImportResult, refused: readonly { profile: StoredProfile; outcome: SecretOutcome }[]): AppError {
  const quoted = (profiles: readonly { name: string }[]) => inWords(profiles.map((profile) => `"${profile.name}"`))
  const done = [
    ...(result.added.length > 0 ? [`added ${quoted(result.added)}`] : []),
    `replaced ${quoted(result.replaced)}, whose secrets must now be entered again`,
    ...(result.skipped > 0 ? [`skipped ${result.skipped}`] : []),
  ]
  const lingering = inWords(refused.map(({ profile, outcome }) => `${secretLabels(getDescriptor(profile.connectorId), outcome.failedKeys)} of "${profile.name}"`))
  const reason = refused[0]?.outcome.error?.message ?? ''
  return new AppError(
    'keychain_unavailable',
    `The import is done: ${done.join('; ')}. The old ${lingering} could not be removed from the keychain. ${reason} ` +
      'They will never be used, and Lanyard removes them the next time the keychain is available.',
    { details: { profileIds: refused.map(({ profile }) => profile.id).join(',') } },
  )
}
