import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '../../../shared/contract'
import type { LanyardError, Result } from '../../../shared/errors'
import { useApi } from '../api/lanyardApi'

/** How one profile stands towards Lanyard's own sandbox tenants: `null` for any other profile. */
export type OwnSandbox = 'on' | 'off' | null

/** Version, data folder, keychain state and start-up problems, read once at start; and the sandbox setting. */
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

  /** Whether the profile is one Lanyard made for its sandbox tenants (their secrets are Lanyard's to fill), and if they are on. */
  function ownSandbox(profileId: string): OwnSandbox {
    const sandbox = info.value?.sandbox
    if (!sandbox?.profileIds.includes(profileId)) return null
    return sandbox.enabled ? 'on' : 'off'
  }

  async function setSandbox(enabled: boolean): Promise<Result<unknown>> {
    const result = await useApi().invoke('app.setSandbox', { enabled })
    if (result.ok && info.value) info.value = { ...info.value, sandbox: result.value }
    return result
  }

  return { info, loading, error, load, ownSandbox, setSandbox }
})
