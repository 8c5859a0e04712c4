import { randomUUID } from 'node:crypto'
import { getDescriptor } from '../../shared/catalogue'
import type { ExportedFile } from '../../shared/contract'
import type {
  CreateProfileInput,
  ImportPreviewEntry,
  ImportResolution,
  ImportResult,
  ProfileView,
  UpdateProfileInput,
} from '../../shared/profiles'
import { secretParameters, trimProfileValues } from '../../shared/profileValidation'
import type { Logger } from '../logging/Logger'
import { AppError } from '../errors/AppError'
import { importedFile, planImport } from './importPlan'
import type { StoredProfile } from './profileFileSchema'
import { buildExportFile, parseExportFile, previewImport } from './profileExchange'
import type { ProfileRepository } from './ProfileRepository'
import { assertSecretKeys, assertValidValues, freeName, sameName, secretLabels } from './profileRules'
import type { ProfileSecrets, SecretOutcome } from './ProfileSecrets'
import { importedWithOldSecretsLeft } from './importOutcome'
import { removePendingSecrets, secretKeysOf, withoutRemovals, withRemovals } from './secretCleanup'

export interface ProfileServiceOptions {
  repository: ProfileRepository
  secrets: ProfileSecrets
  logger: Logger
  /** Called with the ids of the profiles that changed, after every change is on disk. */
  onChanged: (ids: string[]) => void
  now?: () => Date
  newId?: () => string
}

/**
 * Connector profiles: values in `profiles.json`, secrets in the OS keychain. Changes run one at a
 * time (each reads, changes and writes the whole file), and each is on disk before its
 * `profiles.changed` event goes out.
 *
 * Keychain failures never lose the rest of a change: the profile is saved, then the call fails
 * with `keychain_unavailable` saying what was saved and what to do.
 *
 * A change touching both stores is ordered so that a crash between any two steps leaves a state
 * the next start repairs (with `removePendingSecrets` and the repository's own clean-up), never
 * a profile whose secrets were lost or a secret nobody knows about:
 * - a new profile (create, duplicate): its keychain entries are recorded for removal, written,
 *   then the profile is saved and the record dropped in one write; a crash before that write
 *   leaves recorded entries that start-up removes, so the profile is there whole or not at all;
 * - update: see `update`: never a secret with an address it was not entered for;
 * - delete: the profile is removed and its entries recorded in one write, then removed;
 * - import: see `import`: all or nothing, and no replaced profile's old secret is ever used.
 * A recorded entry is never read (`ProfileSecrets`), so what a refusal or crash leaves is inert.
 */
export class ProfileService {
  private queue: Promise<unknown> = Promise.resolve()
  private readonly now: () => Date
  private readonly newId: () => string

  constructor(private readonly options: ProfileServiceOptions) {
    this.now = options.now ?? (() => new Date())
    this.newId = options.newId ?? randomUUID
  }

  async list(): Promise<ProfileView[]> {
    const views: ProfileView[] = []
    for (const profile of this.repository.list()) views.push(await this.view(profile))
    return views
  }

  async get(id: string): Promise<ProfileView> {
    return this.view(this.require(id))
  }

  create(input: CreateProfileInput): Promise<ProfileView> {
    return this.exclusive(async () => {
      const descriptor = getDescriptor(input.connectorId)
      const values = trimProfileValues(input.values)
      assertValidValues(descriptor, values, input.environment)
      const secrets = givenSecrets(input.secrets)
      assertSecretKeys(descriptor, Object.keys(secrets))
      this.assertNameFree(input.connectorId, input.name)
      const at = this.now().toISOString()
      const profile: StoredProfile = {
        id: this.newId(),
        connectorId: input.connectorId,
        name: input.name,
        environment: input.environment,
        values,
        createdAt: at,
        updatedAt: at,
      }
      const outcome = await this.addProfile(profile, Object.keys(secrets), () => this.options.secrets.apply(profile.id, secrets))
      this.options.onChanged([profile.id])
      this.throwIfSecretsFailed(profile, outcome, 'stored in')
      return this.view(profile)
    })
  }

  update(input: UpdateProfileInput): Promise<ProfileView> {
    return this.exclusive(async () => {
      const existing = this.require(input.profileId)
      const descriptor = getDescriptor(existing.connectorId)
      const values = input.values && trimProfileValues(input.values)
      // A change of environment judges the values again: a sandbox on http:// may not become real.
      if (values || input.environment) assertValidValues(descriptor, values ?? existing.values, input.environment ?? existing.environment)
      const secrets = givenSecrets(input.secrets)
      assertSecretKeys(descriptor, Object.keys(secrets))
      if (input.name !== undefined) this.assertNameFree(existing.connectorId, input.name, existing.id)
      const profile: StoredProfile = {
        ...existing,
        // `values` is the whole new set, as the form shows it: a field left out is cleared.
        ...(values && { values }),
        ...(input.name !== undefined && { name: input.name }),
        ...(input.environment && { environment: input.environment }),
        updatedAt: this.now().toISOString(),
      }
      // The two writes go in the order that never pairs a secret with an address (URL, domain,
      // region, key id…) it was not entered for, because that pair would be sent:
      // - the secret alone, or with a name or environment: the secret first, then the rest; a crash
      //   in between leaves the new secret with the address it was entered for;
      // - the values and a secret together: either half alone is a wrong pair (the old token sent to
      //   the new tenant, or the new token, perhaps another organisation's, to the old one). So the
      //   keys are first recorded for removal, which stops any use of them and makes the next start
      //   remove what a crash leaves; then the secret is written; then the values are saved in the
      //   write that drops the record of every key written. A crash or refusal in between costs the
      //   secret, and the form asks for it again: a missing secret shows, a mismatched one would not.
      const keys = Object.keys(secrets)
      const movesSecrets = keys.length > 0 && values !== undefined && !sameValues(values, existing.values)
      if (movesSecrets) await this.recordRemovals(profile.id, keys)
      const outcome = await this.options.secrets.apply(profile.id, secrets)
      const written = keys.filter((key) => !outcome.failedKeys.includes(key))
      const file = this.repository.current()
      await this.repository.save({
        ...file,
        profiles: file.profiles.map((other) => (other.id === profile.id ? profile : other)),
        // A key written is the profile's own again, even one an import's refused removal left recorded.
        pendingSecretRemovals: withoutRemovals(file.pendingSecretRemovals, profile.id, written),
      })
      this.options.onChanged([profile.id])
      this.throwIfSecretsFailed(profile, outcome, 'stored in')
      return this.view(profile)
    })
  }

  duplicate(input: { profileId: string; name?: string }): Promise<ProfileView> {
    return this.exclusive(async () => {
      const source = this.require(input.profileId)
      const name = input.name ?? freeName(source.name, (candidate) => this.nameTaken(source.connectorId, candidate), 'copy')
      this.assertNameFree(source.connectorId, name)
      const at = this.now().toISOString()
      const profile: StoredProfile = { ...structuredClone(source), id: this.newId(), name, createdAt: at, updatedAt: at }
      const keys = secretKeysOf(source.connectorId)
      const outcome = await this.addProfile(profile, keys, () => this.options.secrets.copy(source.id, profile.id, keys))
      this.options.onChanged([profile.id])
      this.throwIfSecretsFailed(profile, outcome, 'copied in')
      return this.view(profile)
    })
  }

  /**
   * Deletes the profile even when the keychain is locked: the person asked for it gone, and a
   * profile that cannot be deleted until some keychain is repaired helps nobody. The profile
   * leaves `profiles.json` in the same write that records its keychain entries for removal; they
   * are removed next, and what the keychain refuses (or a crash interrupts) is removed at the next
   * start-up or delete, so no credential lingers unknown. A refusal is reported as `keychain_unavailable`.
   */
  delete(id: string): Promise<null> {
    return this.exclusive(async () => {
      const profile = this.require(id)
      const file = this.repository.current()
      file.profiles = file.profiles.filter((other) => other.id !== profile.id)
      file.pendingSecretRemovals = withRemovals(file.pendingSecretRemovals, profile.id, secretKeysOf(profile.connectorId))
      await this.repository.save(file)
      this.options.onChanged([profile.id])
      const outcome = (await removePendingSecrets(this.repository, this.options.secrets, this.options.logger)).get(profile.id)
      if (outcome?.error) {
        throw new AppError(
          'keychain_unavailable',
          `Profile "${profile.name}" was deleted, but its ${secretLabels(getDescriptor(profile.connectorId), outcome.failedKeys)} could not be removed from the keychain. ${outcome.error.message} Lanyard will remove it the next time the keychain is available.`,
          { details: { profileId: profile.id } },
        )
      }
      return null
    })
  }

  /**
   * Removes the keychain entries of deleted profiles, and of new profiles a crash stopped before
   * they were saved; run at start-up. Never throws.
   */
  async removePendingSecrets(): Promise<void> {
    await this.exclusive(() => removePendingSecrets(this.repository, this.options.secrets, this.options.logger))
  }

  async export(ids: readonly string[]): Promise<ExportedFile> {
    const profiles = ids.map((id) => this.require(id))
    return buildExportFile(profiles, this.now())
  }

  async importPreview(content: string): Promise<ImportPreviewEntry[]> {
    return previewImport(parseExportFile(content), this.repository.list())
  }

  /**
   * Replacing keeps the existing profile's id (so the journal's references stay valid) but not
   * its secrets: the imported values may point at another tenant, and a token must never be
   * sent anywhere it was not entered for. Every imported profile therefore starts with its secrets missing.
   *
   * All or nothing: one write adds the new profiles, gives the replaced ones their imported values
   * and records every old secret of theirs for removal, so from that write on no old secret is
   * read; before it nothing has changed, in either store. The recorded entries are removed next;
   * what the keychain refuses (or a crash interrupts) stays recorded and unused, and is removed at
   * the next start, delete or import. A refusal is reported as `keychain_unavailable`, saying what
   * was imported and which old secrets still wait in the keychain.
   */
  import(content: string, resolutions: readonly ImportResolution[]): Promise<ImportResult> {
    return this.exclusive(async () => {
      const plan = planImport(parseExportFile(content), resolutions, this.repository.list())
      const { file, added, replaced } = importedFile(this.repository.current(), plan, this.now().toISOString(), this.newId)
      await this.repository.save(file)
      this.options.onChanged([...added, ...replaced].map((profile) => profile.id))
      const removals = await removePendingSecrets(this.repository, this.options.secrets, this.options.logger)
      const result: ImportResult = {
        added: await Promise.all(added.map((profile) => this.view(profile))),
        replaced: await Promise.all(replaced.map((profile) => this.view(profile))),
        skipped: plan.skipped,
      }
      const refused = replaced.flatMap((profile) => {
        const outcome = removals.get(profile.id)
        return outcome?.error ? [{ profile, outcome }] : []
      })
      if (refused.length > 0) throw importedWithOldSecretsLeft(result, refused)
      return result
    })
  }

  /** Waits for the change in progress, if any. */
  async idle(): Promise<void> {
    await this.queue.catch(() => undefined)
  }

  private get repository(): ProfileRepository {
    return this.options.repository
  }

  private exclusive<T>(change: () => Promise<T>): Promise<T> {
    const run = this.queue.catch(() => undefined).then(change)
    this.queue = run
    return run
  }

  /**
   * Saves a new profile whose secrets `writeSecrets` puts in the keychain under its id, so that a
   * crash at any point leaves it whole or not at all: the entries are recorded for removal first,
   * and the record is dropped in the write that adds the profile.
   */
  private async addProfile(profile: StoredProfile, keys: readonly string[], writeSecrets: () => Promise<SecretOutcome>): Promise<SecretOutcome> {
    let outcome: SecretOutcome = { failedKeys: [], error: null }
    const file = this.repository.current()
    if (keys.length > 0) {
      await this.recordRemovals(profile.id, keys)
      outcome = await writeSecrets()
    }
    // The file as it was before the record: this one write adds the profile and drops its record.
    await this.repository.save({ ...file, profiles: [...file.profiles, profile] })
    return outcome
  }

  private async recordRemovals(profileId: string, keys: readonly string[]): Promise<void> {
    const file = this.repository.current()
    await this.repository.save({ ...file, pendingSecretRemovals: withRemovals(file.pendingSecretRemovals, profileId, keys) })
  }

  private require(id: string): StoredProfile {
    const profile = this.repository.find(id)
    if (!profile) {
      throw new AppError('not_found', 'This profile no longer exists. Refresh the list; it may have been deleted.', {
        details: { profileId: id },
      })
    }
    return profile
  }

  private nameTaken(connectorId: StoredProfile['connectorId'], name: string, exceptId?: string): boolean {
    return this.repository
      .list()
      .some((profile) => profile.id !== exceptId && profile.connectorId === connectorId && sameName(profile.name, name))
  }

  private assertNameFree(connectorId: StoredProfile['connectorId'], name: string, exceptId?: string): void {
    if (!this.nameTaken(connectorId, name, exceptId)) return
    const message = `There is already a ${getDescriptor(connectorId).label} profile named "${name}". Choose another name.`
    throw new AppError('conflict', message, { fields: { name: message } })
  }

  private throwIfSecretsFailed(profile: StoredProfile, outcome: SecretOutcome, verb: 'stored in' | 'copied in'): void {
    if (!outcome.error) return
    const labels = secretLabels(getDescriptor(profile.connectorId), outcome.failedKeys)
    throw new AppError(
      'keychain_unavailable',
      `Profile "${profile.name}" was saved, but its ${labels} could not be ${verb} the keychain. ${outcome.error.message} Open the profile again to enter it once the keychain is available.`,
      { details: { profileId: profile.id } },
    )
  }

  private async view(profile: StoredProfile): Promise<ProfileView> {
    const descriptor = getDescriptor(profile.connectorId)
    const keys = secretParameters(descriptor).map((parameter) => parameter.key)
    return { ...structuredClone(profile), secrets: await this.options.secrets.status(profile.id, keys) }
  }
}

function sameValues(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key])
}

/** Secrets as typed: an empty string means "left blank", which changes nothing. */
function givenSecrets<V extends string | null>(secrets: Readonly<Record<string, V>>): Record<string, V> {
  return Object.fromEntries(Object.entries(secrets).filter(([, value]) => value !== '')) as Record<string, V>
}
