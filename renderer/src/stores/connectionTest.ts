import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ConnectionReport } from '../../../shared/directory'
import type { LanyardError } from '../../../shared/errors'
import { useApi } from '../api/lanyardApi'

export interface ConnectionTestState {
  report: ConnectionReport | null
  testing: boolean
  error: LanyardError | null
}

/**
 * "Test connection" per profile: the last answer stays until the next test, so leaving the
 * About tab and coming back still shows it.
 */
export const useConnectionTestStore = defineStore('connectionTest', () => {
  const results = ref<Record<string, ConnectionTestState>>({})

  function stateOf(profileId: string): ConnectionTestState {
    results.value[profileId] ??= { report: null, testing: false, error: null }
    return results.value[profileId]
  }

  async function test(profileId: string): Promise<void> {
    const state = stateOf(profileId)
    Object.assign(state, { testing: true, error: null, report: null })
    const result = await useApi().invoke('directory.testConnection', { profileId })
    state.testing = false
    if (result.ok) state.report = result.value
    else state.error = result.error
  }

  return { results, stateOf, test }
})
