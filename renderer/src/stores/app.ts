import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '../../../shared/contract'
import type { LanyardError } from '../../../shared/errors'
import { useApi } from '../api/lanyardApi'

/** Version, data folder, keychain state and start-up problems, read once at start. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  const loading = ref(false)
  const error = ref<LanyardError | null>(null)

  async function load(): Promise<void> {
    loading.value = true
    const result = await useApi().invoke('app.info', {})
    loading.value = false
    if (result.ok) {
      info.value = result.value
      error.value = null
    } else {
      error.value = result.error
    }
  }

  return { info, loading, error, load }
})
