import { computed, ref } from 'vue'
import type { ImportPreviewEntry, ImportResolution } from '../../../../../shared/profiles'
import { useProfilesStore } from '../../../stores/profiles'
import { useUiStore } from '../../../stores/ui'
import { downloadFile } from '../downloadFile'
import { importedCountMessage } from './importChoices'

/**
 * Export and import for the Profiles screen: which rows are ticked for export, and the import
 * flow (file → preview with clashes → the person's choices → import). Files never hold secrets.
 */
export function useProfileTransfer() {
  const store = useProfilesStore()
  const ui = useUiStore()

  const selected = ref<Set<string>>(new Set())
  /** Ticks of profiles deleted meanwhile do not count. */
  const selectedIds = computed(() => store.items.map((profile) => profile.id).filter((id) => selected.value.has(id)))

  const pendingImport = ref<{ content: string; entries: ImportPreviewEntry[] } | null>(null)
  const importing = ref(false)
  const importError = ref('')

  function setSelected(id: string, on: boolean): void {
    const next = new Set(selected.value)
    if (on) next.add(id)
    else next.delete(id)
    selected.value = next
  }

  async function exportSelected(): Promise<void> {
    const ids = selectedIds.value
    if (ids.length === 0) return
    const result = await store.exportProfiles(ids)
    if (!result.ok) {
      ui.showToast(result.error.message, 'error')
      return
    }
    downloadFile(result.value.fileName, result.value.content)
    const what = ids.length === 1 ? '1 profile' : `${ids.length} profiles`
    ui.showToast(`${what} exported to ${result.value.fileName} — the file holds no secrets.`)
  }

  async function startImport(file: File): Promise<void> {
    let content: string
    try {
      content = await file.text()
    } catch {
      ui.showToast(`"${file.name}" could not be read. Check that the file still exists, then try again.`, 'error')
      return
    }
    const result = await store.previewImport(content)
    if (!result.ok) {
      ui.showToast(result.error.message, 'error')
      return
    }
    if (result.value.length === 0) {
      ui.showToast(`"${file.name}" holds no profiles.`, 'info')
      return
    }
    importError.value = ''
    pendingImport.value = { content, entries: result.value }
  }

  async function confirmImport(resolutions: ImportResolution[]): Promise<void> {
    const pending = pendingImport.value
    if (!pending) return
    importing.value = true
    const result = await store.importProfiles(pending.content, resolutions)
    importing.value = false
    if (!result.ok && result.error.code !== 'keychain_unavailable') {
      // The dialog stays open with the person's choices, so they can fix and retry.
      importError.value = result.error.message
      return
    }
    pendingImport.value = null
    if (!result.ok) {
      // The import is saved; only the old secrets of replaced profiles stayed in the keychain (unused,
      // removed later). A retry would import again, so the dialog closes and the message stays up.
      ui.showToast(result.error.message, 'error')
      return
    }
    const count = result.value.added.length + result.value.replaced.length
    ui.showToast(importedCountMessage(count), count === 0 ? 'info' : 'success')
  }

  function cancelImport(): void {
    pendingImport.value = null
    importError.value = ''
  }

  return {
    selected,
    selectedIds,
    setSelected,
    exportSelected,
    pendingImport,
    importing,
    importError,
    startImport,
    confirmImport,
    cancelImport,
  }
}
