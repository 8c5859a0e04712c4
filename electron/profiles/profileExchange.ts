import { getDescriptor, parameterApplies } from '../../shared/catalogue'
import { connectorIds } from '../../shared/catalogue/types'
import {
  exportFileExtension,
  exportFileSchema,
  exportedProfileSchema,
  type ExportFile,
  type ImportPreviewEntry,
} from '../../shared/profiles'
import { honestEnvironment, plainHttpProblems, plainParameters, secretParameters, trimProfileValues, validateProfileValues } from '../../shared/profileValidation'
import { AppError } from '../errors/AppError'
import type { StoredProfile } from './profileFileSchema'
import { describeFieldProblems, plainHttpImportRefusal } from './profileRules'
import { nameKey, profilesByName, TakenNames } from './takenNames'
import { certificateProblems } from './caCertificateCheck'

/**
 * Export and import of profile files for a team. Pure functions: the profile service does the
 * saving. Invariant: an export carries only plain (non-secret) values, whatever is stored.
 */

export function buildExportFile(profiles: readonly StoredProfile[], now: Date): { fileName: string; content: string } {
  const file: ExportFile = {
    format: 'lanyard-profiles',
    version: 1,
    exportedAt: now.toISOString(),
    profiles: profiles.map((profile) => {
      const plainKeys = new Set(plainParameters(getDescriptor(profile.connectorId)).map((parameter) => parameter.key))
      return {
        connectorId: profile.connectorId,
        name: profile.name,
        environment: profile.environment,
        values: Object.fromEntries(Object.entries(profile.values).filter(([key]) => plainKeys.has(key))),
      }
    }),
  }
  return { fileName: `lanyard-${now.toISOString().slice(0, 10)}${exportFileExtension}`, content: `${JSON.stringify(file, null, 2)}\n` }
}

const notAnExport = `Choose a file exported by Lanyard (its name ends in ${exportFileExtension}).`

/**
 * Far above any team's export (a profile is about 200 bytes; teams keep tens), and low enough that
 * reading, checking and previewing a file never holds up the main process noticeably.
 */
export const importLimits = { bytes: 1024 * 1024, profiles: 500 }

/** Reads an export file, or throws `invalid_input` saying exactly what is wrong with it. */
export function parseExportFile(content: string): ExportFile {
  const bytes = Buffer.byteLength(content, 'utf8')
  if (bytes > importLimits.bytes) {
    throw new AppError(
      'invalid_input',
      `This file is ${(bytes / importLimits.bytes).toFixed(2)} MB; a Lanyard profile export is at most 1 MB. Check that it is the right file, or export the profiles in smaller groups.`,
    )
  }
  let json: unknown
  try {
    json = JSON.parse(content)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new AppError('invalid_input', `This file is not a Lanyard profile export: it is not valid JSON (${reason}). ${notAnExport}`)
  }
  const header = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {}
  if (header.format !== 'lanyard-profiles') {
    throw new AppError('invalid_input', `This file is not a Lanyard profile export (it lacks the "lanyard-profiles" format marker). ${notAnExport}`)
  }
  if (typeof header.version === 'number' && header.version > 1) {
    throw new AppError('invalid_input', `This export was made by a newer version of Lanyard (file version ${header.version}). Update Lanyard, then import it again.`)
  }
  if (!Array.isArray(header.profiles)) {
    throw new AppError('invalid_input', `This Lanyard export has no list of profiles; it may have been edited by hand. ${notAnExport}`)
  }
  if (header.profiles.length === 0) {
    throw new AppError('invalid_input', 'This Lanyard export contains no profiles: there is nothing to import.')
  }
  if (header.profiles.length > importLimits.profiles) {
    throw new AppError(
      'invalid_input',
      `This file lists ${header.profiles.length} profiles; Lanyard imports at most ${importLimits.profiles} at a time. Export the profiles in smaller groups and import each file.`,
    )
  }
  const fields: Record<string, string> = {}
  header.profiles.forEach((entry: unknown, index) => {
    const problem = describeEntryProblem(entry)
    if (problem) fields[`profiles.${index}`] = `Profile #${index + 1}${entryNameOf(entry)} ${problem}`
  })
  const problems = Object.values(fields)
  if (problems.length > 0) {
    throw new AppError('invalid_input', `This export cannot be imported. ${problems.join(' ')} Fix the file or ask for a new export.`, { fields })
  }
  const parsed = exportFileSchema.safeParse(json)
  if (!parsed.success) {
    throw new AppError('invalid_input', `This Lanyard export is damaged (${parsed.error.issues[0]?.message ?? 'unknown problem'}). Ask for a new export.`)
  }
  // A "Sandbox" that is not a tenant on this computer comes in as what it is: Real.
  const profiles = parsed.data.profiles.map((entry) => {
    const values = trimProfileValues(entry.values)
    return { ...entry, values, environment: honestEnvironment(getDescriptor(entry.connectorId), values, entry.environment) }
  })
  return { ...parsed.data, profiles }
}

function describeEntryProblem(entry: unknown): string | null {
  const connectorId = (entry as { connectorId?: unknown } | null)?.connectorId
  if (typeof connectorId !== 'string' || !(connectorIds as readonly string[]).includes(connectorId)) {
    return `has an unknown connector ${JSON.stringify(connectorId ?? null)} (Lanyard knows ${connectorIds.join(', ')}).`
  }
  const parsed = exportedProfileSchema.safeParse(entry)
  if (!parsed.success) {
    const list = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`).join('; ')
    return `is incomplete or malformed — ${list}.`
  }
  const descriptor = getDescriptor(parsed.data.connectorId)
  const values = trimProfileValues(parsed.data.values)
  const environment = honestEnvironment(descriptor, values, parsed.data.environment)
  // An http:// address is flagged on its entry in the preview (see previewImport), not refused with the file.
  const insecure = plainHttpProblems(descriptor, values, environment)
  const formProblems = { ...certificateProblems(descriptor, values), ...validateProfileValues(descriptor, values, environment) }
  const valueProblems = Object.fromEntries(Object.entries(formProblems).filter(([key]) => !(key in insecure)))
  if (Object.keys(valueProblems).length > 0) {
    return `has values Lanyard cannot accept — ${describeFieldProblems(descriptor, valueProblems)}.`
  }
  return null
}

function entryNameOf(entry: unknown): string {
  const name = (entry as { name?: unknown } | null)?.name
  return typeof name === 'string' && name.trim() ? ` ("${name.trim()}")` : ''
}

/** One line per entry of the file: which existing profile it clashes with and a free name. Linear in the entries. */
export function previewImport(file: ExportFile, existing: readonly StoredProfile[]): ImportPreviewEntry[] {
  const existingByName = profilesByName(existing)
  const taken = new TakenNames(existing)
  return file.profiles.map((entry, index) => {
    const clash = existingByName.get(nameKey(entry.connectorId, entry.name))
    const suggestedName = taken.has(entry.connectorId, entry.name) ? taken.freeName(entry.connectorId, entry.name) : entry.name
    taken.add(entry.connectorId, suggestedName)
    return {
      index,
      connectorId: entry.connectorId,
      name: entry.name,
      environment: entry.environment,
      clashesWith: clash?.id ?? null,
      suggestedName,
      // Only the secrets of the sign-in method the profile uses (a GoTo password-grant profile needs no token).
      secretsNeeded: secretParameters(getDescriptor(entry.connectorId))
        .filter((parameter) => parameterApplies(getDescriptor(entry.connectorId), parameter, entry.values))
        .map((parameter) => parameter.key),
      refusal: plainHttpImportRefusal(getDescriptor(entry.connectorId), entry.values, entry.environment),
    }
  })
}
