import { z } from 'zod'
import { caCertificateParameter } from './catalogue/networkParameters'
import { connectorIds } from './catalogue/types'
import { freeText, lineText, textRecord } from './text'

export const environments = ['sandbox', 'real'] as const
export type Environment = (typeof environments)[number]

const profileName = lineText().trim().min(1, 'Give the profile a name').max(120, 'Keep the name under 120 characters')
/**
 * A setting's value is one line (it may end up in a URL or a header), except the CA certificate,
 * whose PEM text spans lines and may hold a chain of a few certificates.
 */
const oneLineValue = lineText().max(4000)
const pemValue = freeText().max(32_000, 'Keep the certificates under 32,000 characters')
const parameterValues = textRecord(z.string()).superRefine((values, context) => {
  for (const [key, value] of Object.entries(values)) {
    const checked = (key === caCertificateParameter.key ? pemValue : oneLineValue).safeParse(value)
    for (const issue of checked.error?.issues ?? []) context.addIssue({ code: 'custom', message: issue.message, path: [key], input: value })
  }
})
/** A token, password or key as typed: one line, since it travels in a header or a form field. */
const secretValue = lineText().max(8000)

/**
 * A profile as the renderer sees it: non-secret values plus, for each secret parameter, only
 * whether the keychain holds it. The secret itself never leaves the main process.
 */
export interface ProfileView {
  id: string
  connectorId: (typeof connectorIds)[number]
  name: string
  environment: Environment
  values: Record<string, string>
  secrets: Record<string, 'stored' | 'missing'>
  createdAt: string
  updatedAt: string
}

/** A profile saved as Sandbox though its address is not a tenant on this computer, which start-up made Real. */
export interface ProfileMadeReal {
  profileId: string
  name: string
  connectorId: ProfileView['connectorId']
}

/** Every call input that names a profile calls it `profileId`, as journal calls and events do. */
export const profileIdSchema = z.object({ profileId: z.string().uuid('Not a profile id') })

export const createProfileSchema = z.object({
  connectorId: z.enum(connectorIds),
  name: profileName,
  environment: z.enum(environments),
  values: parameterValues,
  /** Secret parameters typed by the user; empty strings are ignored. */
  secrets: textRecord(secretValue).default({}),
})
export type CreateProfileInput = z.infer<typeof createProfileSchema>

export const updateProfileSchema = profileIdSchema.extend({
  name: profileName.optional(),
  environment: z.enum(environments).optional(),
  values: parameterValues.optional(),
  /** Per secret parameter: a new value replaces it, `null` clears it, absent keeps it. */
  secrets: textRecord(secretValue.nullable()).default({}),
})
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>

export const duplicateProfileSchema = profileIdSchema.extend({
  name: profileName.optional(),
})

export const exportProfilesSchema = z.object({
  profileIds: z.array(z.string().uuid('Not a profile id')).min(1, 'Choose at least one profile to export'),
})

/** What an export file holds: never a secret, only which secrets the profile needs. */
export const exportedProfileSchema = z.object({
  connectorId: z.enum(connectorIds),
  name: profileName,
  environment: z.enum(environments),
  values: parameterValues,
})
export const exportFileSchema = z.object({
  format: z.literal('lanyard-profiles'),
  version: z.literal(1),
  exportedAt: z.string(),
  profiles: z.array(exportedProfileSchema),
})
export type ExportFile = z.infer<typeof exportFileSchema>
export const exportFileExtension = '.lanyard-profiles.json'

export const importPreviewSchema = z.object({
  content: freeText().max(5_000_000, 'The file is too large to be a profile export'),
})

export const importResolutionSchema = z.object({
  index: z.number().int().min(0),
  action: z.enum(['add', 'rename', 'replace', 'skip']),
  /** The new name, for `rename`. */
  name: profileName.optional(),
})
/** The person's choice for one entry of an import file. */
export type ImportResolution = z.infer<typeof importResolutionSchema>
export const importProfilesSchema = z.object({
  content: importPreviewSchema.shape.content,
  resolutions: z.array(importResolutionSchema),
})

export interface ImportPreviewEntry {
  index: number
  connectorId: ProfileView['connectorId']
  name: string
  environment: Environment
  /** Id of an existing profile with the same connector and name, if any. */
  clashesWith: string | null
  suggestedName: string
  secretsNeeded: string[]
  /**
   * Why the entry cannot be imported as it is, or null: an address that would carry credentials
   * over plain http:// (a real profile, or a sandbox off this computer). Such an entry can only be skipped.
   */
  refusal: string | null
}

export interface ImportResult {
  added: ProfileView[]
  replaced: ProfileView[]
  skipped: number
}
