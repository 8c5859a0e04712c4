import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { connectors, type ConnectorDescriptor } from '../../../shared/catalogue'
import type { ExportedFile } from '../../../shared/contract'
import type { LanyardError, Result } from '../../../shared/errors'
import type {
  CreateProfileInput,
  ImportPreviewEntry,
  ImportResolution,
  ImportResult,
  ProfileView,
  UpdateProfileInput,
} from '../../../shared/profiles'
import { eventSubscription } from '../api/eventSubscription'
import { useApi } from '../api/lanyardApi'

export interface ProfileGroup {
  descriptor: ConnectorDescriptor
  profiles: ProfileView[]
}

/**
 * Connector profiles as main reports them. Every change goes through the API; the list is
 * refreshed from main after each change and on every `profiles.changed` event, so another
 * window or the CLI changing profiles shows up here too.
 */
export const useProfilesStore = defineStore('profiles', () => {
  const items = ref<ProfileView[]>([])
  const loading = ref(false)
  const error = ref<LanyardError | null>(null)
  /** Non-empty groups in catalogue order, profiles by name. */
  const groups = computed<ProfileGroup[]>(() =>
    connectors
      .map((descriptor) => ({
        descriptor,
        profiles: items.value
          .filter((profile) => profile.connectorId === descriptor.id)
          .sort((left, right) => left.name.localeCompare(right.name)),
      }))
      .filter((group) => group.profiles.length > 0),
  )

  function find(id: string): ProfileView | undefined {
    return items.value.find((profile) => profile.id === id)
  }

  async function load(): Promise<void> {
    loading.value = true
    const result = await useApi().invoke('profiles.list', {})
    loading.value = false
    if (result.ok) {
      items.value = result.value
      error.value = null
    } else {
      error.value = result.error
    }
  }

  /** Re-reads the list when profiles change, here or in another window. */
  const changed = eventSubscription('profiles.changed', () => void load())

  function upsert(profile: ProfileView): void {
    const others = items.value.filter((existing) => existing.id !== profile.id)
    items.value = [...others, profile]
  }

  /** Keychain failures still saved the profile, so the list is refreshed on every outcome. */
  async function afterChange<T>(result: Result<T>, saved?: (value: T) => void): Promise<Result<T>> {
    if (result.ok) saved?.(result.value)
    if (!result.ok && result.error.code !== 'invalid_input' && result.error.code !== 'conflict') await load()
    return result
  }

  async function create(input: CreateProfileInput): Promise<Result<ProfileView>> {
    return afterChange(await useApi().invoke('profiles.create', input), upsert)
  }

  async function update(input: UpdateProfileInput): Promise<Result<ProfileView>> {
    return afterChange(await useApi().invoke('profiles.update', input), upsert)
  }

  async function duplicate(profileId: string): Promise<Result<ProfileView>> {
    return afterChange(await useApi().invoke('profiles.duplicate', { profileId }), upsert)
  }

  async function remove(profileId: string): Promise<Result<null>> {
    const result = await useApi().invoke('profiles.delete', { profileId })
    return afterChange(result, () => {
      items.value = items.value.filter((profile) => profile.id !== profileId)
    })
  }

  async function exportProfiles(profileIds: string[]): Promise<Result<ExportedFile>> {
    return useApi().invoke('profiles.export', { profileIds })
  }

  async function previewImport(content: string): Promise<Result<ImportPreviewEntry[]>> {
    return useApi().invoke('profiles.importPreview', { content })
  }

  async function importProfiles(content: string, resolutions: ImportResolution[]): Promise<Result<ImportResult>> {
    const result = await useApi().invoke('profiles.import', { content, resolutions })
    // `keychain_unavailable` comes after the import is saved (old secrets the keychain kept): refresh as on success.
    if (result.ok || result.error.code === 'keychain_unavailable') await load()
    return result
  }

  return {
    items,
    loading,
    error,
    groups,
    find,
    load,
    listen: changed.start,
    stopListeningForChanges: changed.stop,
    create,
    update,
    duplicate,
    remove,
    exportProfiles,
    previewImport,
    importProfiles,
  }
})
