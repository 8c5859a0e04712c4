import { z } from 'zod'
import { connectorIds } from '../../shared/catalogue/types'
import { environments } from '../../shared/profiles'

/** The version of `profiles.json` this build writes. A file with a higher one is from a newer Lanyard. */
export const currentSchemaVersion = 1

/** One profile as stored: no secrets, ever — those live in the OS keychain. */
export const storedProfileSchema = z.object({
  id: z.string().uuid(),
  connectorId: z.enum(connectorIds),
  name: z.string().min(1),
  environment: z.enum(environments),
  values: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type StoredProfile = z.infer<typeof storedProfileSchema>

/**
 * Keychain entries that are no profile's secret any more and are to be removed: of a deleted
 * profile, a new profile whose save a crash interrupted, a profile an import replaced, or an update
 * moving a profile to another address. Recorded before or with the change that retires them, so a
 * refusal or crash never leaves a live credential nobody knows about; never read while recorded.
 */
export const pendingSecretRemovalSchema = z.object({
  profileId: z.string().uuid(),
  keys: z.array(z.string()),
})
export type PendingSecretRemoval = z.infer<typeof pendingSecretRemovalSchema>

export const profileFileSchema = z.object({
  schemaVersion: z.literal(currentSchemaVersion),
  profiles: z.array(storedProfileSchema),
  pendingSecretRemovals: z.array(pendingSecretRemovalSchema).default([]),
})
export type ProfileFile = z.infer<typeof profileFileSchema>

export function emptyProfileFile(): ProfileFile {
  return { schemaVersion: currentSchemaVersion, profiles: [], pendingSecretRemovals: [] }
}
