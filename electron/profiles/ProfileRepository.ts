import { existsSync } from 'node:fs'
import { mkdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from '../logging/Logger'
import { AppError } from '../errors/AppError'
import {
  currentSchemaVersion,
  emptyProfileFile,
  profileFileSchema,
  type ProfileFile,
  type StoredProfile,
} from './profileFileSchema'
import { removeStaleTemporaryFiles, writeFileAtomically } from './writeFileAtomically'
import type { ProfileMadeReal } from '../../shared/profiles'
import { withHonestEnvironments } from './honestEnvironments'

/** A profiles file that could not be used at start-up: where it went and why, for `app.info`. */
export interface StorageProblem {
  movedTo: string
  reason: string
}

export const profilesFileName = 'profiles.json'

/**
 * `profiles.json` in the data folder: `{ schemaVersion, profiles, pendingSecretRemovals }`, read
 * once at start-up (after removing the temp files of a save a crash interrupted) and kept in
 * memory, written atomically after every change.
 *
 * Invariant: a file Lanyard cannot understand is never overwritten. It is moved aside to
 * `profiles.corrupt-<timestamp>.json` and reported; if even that fails, the repository refuses
 * every save rather than replace it.
 */
export class ProfileRepository {
  readonly filePath: string

  private constructor(
    private readonly directory: string,
    private state: ProfileFile,
    readonly storageProblem: StorageProblem | null,
    private readonly blockedReason: string | null,
    /** Sandbox profiles this start made Real (see honestEnvironments.ts); empty at every later start. */
    readonly profilesMadeReal: readonly ProfileMadeReal[] = [],
  ) {
    this.filePath = join(directory, profilesFileName)
  }

  static async open(directory: string, logger: Logger, now: () => Date = () => new Date()): Promise<ProfileRepository> {
    const filePath = join(directory, profilesFileName)
    const removed = await removeStaleTemporaryFiles(filePath, (error) => logger.warn('could not remove a temp file left by a crash', { error }))
    if (removed.length > 0) logger.info('removed temp files left by an interrupted save', { files: removed })
    const outcome = await readProfileFile(filePath)
    if (outcome.ok) {
      const repository = new ProfileRepository(directory, outcome.file, null, null)
      const { file, madeReal } = withHonestEnvironments(outcome.file)
      if (madeReal.length === 0) return repository
      await repository.save(file)
      logger.warn('sandbox profiles whose address is not on this computer are now real', { profileIds: madeReal.map((profile) => profile.profileId) })
      return new ProfileRepository(directory, file, null, null, madeReal)
    }

    const movedTo = corruptFilePath(directory, now())
    try {
      await rename(filePath, movedTo)
    } catch (error) {
      const blockedReason = `${outcome.reason} It could not be moved aside either (${describe(error)}).`
      logger.error('profiles file unusable and not movable; saving is disabled', { filePath, reason: blockedReason })
      return new ProfileRepository(directory, emptyProfileFile(), { movedTo: filePath, reason: blockedReason }, blockedReason)
    }
    logger.warn('profiles file unusable; moved aside', { movedTo, reason: outcome.reason })
    return new ProfileRepository(directory, emptyProfileFile(), { movedTo, reason: outcome.reason }, null)
  }

  list(): readonly StoredProfile[] {
    return this.state.profiles
  }

  find(id: string): StoredProfile | undefined {
    return this.state.profiles.find((profile) => profile.id === id)
  }

  /** Whether this keychain entry is recorded for removal: it is no profile's secret any more, whatever the keychain still holds. */
  awaitsRemoval(profileId: string, key: string): boolean {
    return this.state.pendingSecretRemovals.some((pending) => pending.profileId === profileId && pending.keys.includes(key))
  }

  current(): ProfileFile {
    return structuredClone(this.state)
  }

  /** Writes the whole file, then makes it the in-memory state: memory never runs ahead of disk. */
  async save(next: ProfileFile): Promise<void> {
    if (this.blockedReason) {
      throw new AppError(
        'internal',
        `Lanyard will not change its profiles file ${this.filePath}, because it could not read it: ${this.blockedReason} ` +
          'Check the file and its permissions, then restart Lanyard.',
      )
    }
    const validated = profileFileSchema.parse(next)
    await mkdir(this.directory, { recursive: true })
    await writeFileAtomically(this.filePath, `${JSON.stringify(validated, null, 2)}\n`)
    this.state = validated
  }
}

type ReadOutcome = { ok: true; file: ProfileFile } | { ok: false; reason: string }

async function readProfileFile(filePath: string): Promise<ReadOutcome> {
  let text: string
  try {
    text = await readFile(filePath, 'utf8')
  } catch (error) {
    if (isMissingFile(error)) return { ok: true, file: emptyProfileFile() }
    return { ok: false, reason: `The profiles file could not be read (${describe(error)}).` }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, reason: `The profiles file is not valid JSON (${describe(error)}).` }
  }
  const version = typeof json === 'object' && json !== null ? (json as { schemaVersion?: unknown }).schemaVersion : undefined
  if (typeof version === 'number' && version > currentSchemaVersion) {
    return {
      ok: false,
      reason: `The profiles file was written by a newer version of Lanyard (schema version ${version}; this version reads ${currentSchemaVersion}). Update Lanyard to use it.`,
    }
  }
  const parsed = profileFileSchema.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`)
      .join('; ')
    return { ok: false, reason: `The profiles file does not have the expected shape (${problems}).` }
  }
  return { ok: true, file: parsed.data }
}

function corruptFilePath(directory: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-')
  let candidate = join(directory, `profiles.corrupt-${stamp}.json`)
  for (let attempt = 2; existsSync(candidate); attempt++) {
    candidate = join(directory, `profiles.corrupt-${stamp}-${attempt}.json`)
  }
  return candidate
}

function isMissingFile(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
