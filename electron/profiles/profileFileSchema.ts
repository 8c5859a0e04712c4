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
 * Keychain entries of deleted profiles that could not be removed at the time (keychain locked).
 * Kept so they are removed later instead of lingering as live credentials nobody knows about.
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
