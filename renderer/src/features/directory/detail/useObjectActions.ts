import { computed, ref } from 'vue'
import type { ConnectorDescriptor, ObjectTypeDescriptor } from '../../../../../shared/catalogue'
import type { LanyardError } from '../../../../../shared/errors'
import type { ProfileView } from '../../../../../shared/profiles'
import { useDirectoryMembershipsStore } from '../../../stores/directoryMemberships'
import { useDirectoryObjectStore } from '../../../stores/directoryObject'
import { useUiStore } from '../../../stores/ui'
import { undoPlan } from '../../journal/undoPlan'
import { deletePlan, deprovisionPlan, type RecordedMemberships } from './changePlans'
import { isOwnAccountRefusal, ownAccountOverridePlan, ticketOrReason } from './deprovisionQuestions'
import { membershipSections } from './membershipRules'

export interface ObjectActionContext {
  profile: () => ProfileView
  descriptor: () => ConnectorDescriptor
  objectType: () => ObjectTypeDescriptor | undefined
  deleted: (id: string) => void
}

/**
 * The panel's lifecycle actions — deprovision, undo deprovision, delete — each confirmed first
 * through the app's one confirmation dialog (`ui.confirm`).
 * A failure stays on the panel (with the steps of a partial one) until the next action. Nothing
 * here reads the object again: main reports what a change touched (`directory.changed`, also after
 * a partial or unknown outcome) and the changes store re-reads it once for every view showing it.
 */
export function useObjectActions(context: ObjectActionContext) {
  const store = useDirectoryObjectStore()
  const memberships = useDirectoryMembershipsStore()
  const ui = useUiStore()
  const failure = ref<LanyardError | null>(null)
  /** What undo found different between the snapshot and the user read back. */
  const undoDifferences = ref<string[]>([])
  const busy = ref(false)

  /** The memberships a deprovision records: those of every group-like type the target lets Lanyard change. */
  function recordedMemberships(objectType: ObjectTypeDescriptor): RecordedMemberships[] {
    return membershipSections(context.descriptor(), objectType)
      .filter((section) => section.changeHere)
      .map((section) => ({ label: section.title, count: memberships.changeableCountText(section.key, section.userCentric) }))
  }

  function reset(): void {
    failure.value = null
    undoDifferences.value = []
  }

  async function deprovision(): Promise<void> {
    const user = store.current
    const objectType = context.objectType()
    if (!user || !objectType) return
    const plan = deprovisionPlan(context.descriptor(), objectType, context.profile(), user, recordedMemberships(objectType))
    const reason = await ui.confirmWithNote(plan, ticketOrReason)
    if (reason === null) return
    lastReason = reason
    await runDeprovision(user.id, { reason })
  }

  /** After main refused the profile's own account: the same deprovision, with the override and its stated reason. */
  async function deprovisionAnyway(): Promise<void> {
    const user = store.current
    if (!user) return
    const { request, note } = ownAccountOverridePlan(user.displayName, context.profile().name)
    const ownAccountOverride = await ui.confirmWithNote(request, note)
    if (!ownAccountOverride) return
    await runDeprovision(user.id, { reason: lastReason, ownAccountOverride })
  }

  /** The ticket or reason of the deprovision the override repeats. */
  let lastReason = ''

  async function runDeprovision(userId: string, why: { reason: string; ownAccountOverride?: string }): Promise<void> {
    reset()
    busy.value = true
    const result = await store.deprovision(context.profile().id, userId, why)
    busy.value = false
    if (result.ok) {
      const { outcome } = result.value
      if (outcome.status !== 'applied') {
        failure.value = { code: 'partial_failure', message: outcome.message, steps: outcome.steps, details: outcome.details }
      }
      ui.showToast(result.value.summary)
    } else {
      failure.value = result.error
    }
  }

  async function undoDeprovision(): Promise<void> {
    const entry = store.undoableDeprovision
    if (!entry) return
    if (!(await ui.confirm(undoPlan(entry)))) return
    reset()
    busy.value = true
    const result = await store.undo(entry.id)
    busy.value = false
    if (result.ok) {
      undoDifferences.value = result.value.differences
      const { outcome } = result.value.entry
      if (outcome.status !== 'applied') {
        failure.value = { code: 'partial_failure', message: outcome.message, steps: outcome.steps, details: outcome.details }
      }
      ui.showToast(result.value.entry.summary)
    } else {
      failure.value = result.error
    }
  }

  async function remove(): Promise<void> {
    const object = store.current
    const objectType = context.objectType()
    if (!object || !objectType) return
    if (!(await ui.confirm(deletePlan(context.descriptor(), objectType, object)))) return
    reset()
    busy.value = true
    const result = await store.remove({
      profileId: context.profile().id,
      objectType: objectType.id,
      objectId: object.id,
      confirmName: object.displayName,
    })
    busy.value = false
    if (!result.ok) {
      failure.value = result.error
      return
    }
    ui.showToast(`Deleted ${object.displayName} for good.`)
    context.deleted(object.id)
  }

  /** Main refused the profile's own account: the panel offers `deprovisionAnyway`. */
  const ownAccountRefused = computed(() => isOwnAccountRefusal(failure.value))

  return { failure, undoDifferences, busy, reset, deprovision, deprovisionAnyway, ownAccountRefused, undoDeprovision, remove }
}
