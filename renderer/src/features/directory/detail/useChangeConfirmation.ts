import { shallowRef } from 'vue'
import type { ChangePlan } from './changePlans'

/**
 * One pending confirmation per panel. `ask` opens the dialog with a plan and resolves true only
 * when the person confirms; asking again settles the previous question as "no".
 */
export function useChangeConfirmation() {
  const pending = shallowRef<ChangePlan | null>(null)
  let resolvePending: ((confirmed: boolean) => void) | null = null

  function ask(plan: ChangePlan): Promise<boolean> {
    resolvePending?.(false)
    pending.value = plan
    return new Promise((resolve) => {
      resolvePending = resolve
    })
  }

  function settle(confirmed: boolean): void {
    const resolve = resolvePending
    resolvePending = null
    pending.value = null
    resolve?.(confirmed)
  }

  return { pending, ask, settle }
}
