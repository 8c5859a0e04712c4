import { getDescriptor } from '../../shared/catalogue'
import type { ExportFile, ImportResolution } from '../../shared/profiles'
import { AppError } from '../errors/AppError'
import type { ProfileFile, StoredProfile } from './profileFileSchema'
import { plainHttpImportRefusal } from './profileRules'
import { secretKeysOf, withRemovals } from './secretCleanup'
import { nameKey, profilesByName, TakenNames } from './takenNames'

type ExportedProfile = ExportFile['profiles'][number]

/** What an import will do, decided entirely before anything is written. */
export interface ImportPlan {
  additions: { entry: ExportedProfile; name: string }[]
  replacements: { entry: ExportedProfile; target: StoredProfile }[]
  skipped: number
}

/**
 * Turns the chosen resolutions into a plan, or refuses the whole import with a message naming
 * the entry at fault: an import is all or nothing, so a mistake in entry #5 never leaves #1–#4
 * half-imported. An entry without a resolution is added.
 */
export function planImport(file: ExportFile, resolutions: readonly ImportResolution[], existing: readonly StoredProfile[]): ImportPlan {
  const byIndex = resolutionsByIndex(file, resolutions)
  const plan: ImportPlan = { additions: [], replacements: [], skipped: 0 }
  const existingByName = profilesByName(existing)
  const names = new TakenNames(existing)
  const replacedIds = new Set<string>()

  file.profiles.forEach((entry, index) => {
    const resolution = byIndex.get(index) ?? { index, action: 'add' }
    const label = `Profile #${index + 1} ("${entry.name}")`
    const connector = getDescriptor(entry.connectorId).label
    if (resolution.action === 'skip') {
      plan.skipped++
      return
    }
    // The preview flagged it; refused here too, for a caller that did not look.
    const refusal = plainHttpImportRefusal(getDescriptor(entry.connectorId), entry.values, entry.environment)
    if (refusal) throw new AppError('invalid_input', `${label} cannot be imported: ${refusal}`, { details: { index: String(index) } })
    if (resolution.action === 'replace') {
      const target = existingByName.get(nameKey(entry.connectorId, entry.name))
      if (!target) {
        throw new AppError('invalid_input', `${label} has no existing ${connector} profile of that name to replace. Choose "add" instead.`)
      }
      if (replacedIds.has(target.id)) {
        throw new AppError('conflict', `${label} would replace a profile another entry of this file already replaces. Skip or rename one of them.`)
      }
      replacedIds.add(target.id)
      plan.replacements.push({ entry, target })
      return
    }
    if (resolution.action === 'rename' && !resolution.name?.trim()) {
      throw new AppError('invalid_input', `${label}: give the new name to import it under.`)
    }
    const name = resolution.action === 'rename' ? (resolution.name ?? '').trim() : entry.name
    if (names.has(entry.connectorId, name)) {
      throw new AppError(
        'conflict',
        `${label} would be imported as "${name}", but a ${connector} profile with that name already exists. Rename, replace or skip it.`,
        { details: { index: String(index) } },
      )
    }
    names.add(entry.connectorId, name)
    plan.additions.push({ entry, name })
  })
  return plan
}

/**
 * `file` as the import leaves it, to be saved in one write: the new profiles added, the replaced
 * ones with their imported values (same id and creation time), and every old secret of a replaced
 * profile recorded for removal, so that from this write on none of them is read.
 */
export function importedFile(
  file: ProfileFile,
  plan: ImportPlan,
  at: string,
  newId: () => string,
): { file: ProfileFile; added: StoredProfile[]; replaced: StoredProfile[] } {
  const added = plan.additions.map(({ entry, name }) => ({ ...entry, name, id: newId(), createdAt: at, updatedAt: at }))
  const replaced = plan.replacements.map(({ entry, target }) => ({ ...target, ...entry, updatedAt: at }))
  const byId = new Map(replaced.map((profile) => [profile.id, profile]))
  const pendingSecretRemovals = plan.replacements.reduce(
    (pending, { target }) => withRemovals(pending, target.id, secretKeysOf(target.connectorId)),
    file.pendingSecretRemovals,
  )
  const profiles = [...file.profiles.map((profile) => byId.get(profile.id) ?? profile), ...added]
  return { file: { ...file, profiles, pendingSecretRemovals }, added, replaced }
}

function resolutionsByIndex(file: ExportFile, resolutions: readonly ImportResolution[]): Map<number, ImportResolution> {
  const byIndex = new Map<number, ImportResolution>()
  for (const resolution of resolutions) {
    if (resolution.index >= file.profiles.length) {
      throw new AppError('invalid_input', `The file has ${file.profiles.length} profiles; there is no profile #${resolution.index + 1} to resolve. Preview the file again.`)
    }
    if (byIndex.has(resolution.index)) {
      throw new AppError('invalid_input', `Profile #${resolution.index + 1} was given two resolutions; choose one.`)
    }
    byIndex.set(resolution.index, resolution)
  }
  return byIndex
}
