import { ref } from 'vue'
import type { AccountActionDescriptor } from '../../../../../../shared/accountActions'
import type { ObjectTypeDescriptor } from '../../../../../../shared/catalogue'
import type { DirectoryObject } from '../../../../../../shared/directory'
import type { LanyardError } from '../../../../../../shared/errors'
import type { ProfileView } from '../../../../../../shared/profiles'
import { useApi } from '../../../../api/lanyardApi'
import { useUiStore } from '../../../../stores/ui'
import { accountActionPlan } from './accountActionPlans'

/** A one-time password to show once: who it is for, and the value, held only until the dialog closes. */
export interface OneTimePassword {
  userName: string
  value: string
}

/**
 * Runs one account action: confirmed first (before → after), then `directory.accountAction`. The
 * panel is not refreshed from here: main reports the change (`directory.changed`) and the changes
 * store re-reads the user. A temporary password is kept in this component's state only (no store,
 * no toast, no log) and dropped when its dialog closes.
 */
export function useAccountActions(context: { profile: () => ProfileView; objectType: () => ObjectTypeDescriptor; user: () => DirectoryObject }) {
  const ui = useUiStore()
  const busy = ref(false)
  const failure = ref<LanyardError | null>(null)
  const oneTimePassword = ref<OneTimePassword | null>(null)

  async function run(action: AccountActionDescriptor): Promise<void> {
    const user = context.user()
    if (!(await ui.confirm(accountActionPlan(action, context.profile(), user)))) return
    failure.value = null
    busy.value = true
    const result = await useApi().invoke('directory.accountAction', {
      profileId: context.profile().id,
      objectType: context.objectType().id,
      objectId: user.id,
      action: action.id,
    })
    busy.value = false
    if (!result.ok) {
      failure.value = result.error
      return
    }
    const { entry, oneTimePassword: value } = result.value
    if (entry.outcome.status !== 'applied') {
      failure.value = { code: 'partial_failure', message: entry.outcome.message, steps: entry.outcome.steps, details: entry.outcome.details }
    }
    if (value) oneTimePassword.value = { userName: user.displayName, value }
    ui.showToast(entry.summary)
  }

  function forgetPassword(): void {
    oneTimePassword.value = null
  }

  return { busy, failure, oneTimePassword, run, forgetPassword }
}
