import { getDescriptor } from '../../shared/catalogue'
import type { ProfileMadeReal } from '../../shared/profiles'
import { honestEnvironment } from '../../shared/profileValidation'
import type { ProfileFile } from './profileFileSchema'

/**
 * Profiles saved before a Sandbox had to be a tenant on this computer may call a real tenant
 * "Sandbox" (the form once defaulted to it), and a Sandbox skips the typed confirmations. Such a
 * profile is Real from now on: the file with every one corrected, and which were, to tell the person.
 */
export function withHonestEnvironments(file: ProfileFile): { file: ProfileFile; madeReal: ProfileMadeReal[] } {
  const madeReal: ProfileMadeReal[] = []
  const profiles = file.profiles.map((profile) => {
    if (honestEnvironment(getDescriptor(profile.connectorId), profile.values, profile.environment) === profile.environment) return profile
    madeReal.push({ profileId: profile.id, name: profile.name, connectorId: profile.connectorId })
    return { ...profile, environment: 'real' as const }
  })
  return { file: { ...file, profiles }, madeReal }
}
