import { computed, ref } from 'vue'
import type { JournalEntry } from '../../../../../shared/journal'
import type { ConnectorDescriptor, ObjectTypeDescriptor } from '../../../../../shared/catalogue'
import type { LanyardError } from '../../../../../shared/errors'
import type { ProfileView } from '../../../../../shared/profiles'
import { useDirectoryMembershipsStore } from '../../../stores/directoryMemberships'
import { useDirectoryObjectStore } from '../../../stores/directoryObject'
import { useUiStore } from '../../../stores/ui'
import { useUnsettledChangesStore } from '../../../stores/unsettledChanges'
import { undoPlan } from '../../journal/undoPlan'
import { completionPlan } from '../../activity/completionPlan'
import { deletePlan, deprovisionPlan, type RecordedMemberships } from './changePlans'
import { isOwnAccountRefusal, ownAccountOverridePlan, ticketOrReason } from './deprovisionQuestions'
import { membershipSections } from './membershipRules'

/** A change the journal keeps pending: its answer was lost, so whether it happened is being checked. */
function outcomeUnknown(error: LanyardError): boolean {
  return (error.code === 'network' || error.code === 'internal') && error.details?.entryId !== undefined
}

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
  const unsettled = useUnsettledChangesStore()
  const failure = ref<LanyardError | null>(null)
  /** What undo found different between the snapshot and the user read back. */
  const undoDifferences = ref<string[]>([])
  const busy = ref(false)

  /** The memberships a deprovision records: those of every group-like type the target lets Lanyard change. */
  function recordedSections(objectType: ObjectTypeDescriptor) {
    return membershipSections(context.descriptor(), objectType).filter((section) => section.changeHere)
  }

  function recordedMemberships(objectType: ObjectTypeDescriptor): RecordedMemberships[] {
    return recordedSections(objectType).map((section) => ({ label: section.title, count: memberships.changeableCountText(section.key, section.userCentric) }))
  }

  /** What the target says first (a Coupa approver); a check that fails is said too, never a silent nothing. */
  async function deprovisionWarnings(userId: string, name: string): Promise<string[]> {
    const checked = await store.checkDeprovision(context.profile().id, userId)
    if (checked.ok) return checked.value.warnings
    return [`Lanyard could not check what ${name} approves or holds before this deprovision: ${checked.error.message}`]
  }

  function reset(): void {
    failure.value = null
    undoDifferences.value = []
  }

  async function deprovision(): Promise<void> {
    const user = store.current
    const objectType = context.objectType()
    if (!user || !objectType) return
    // What the dialog counts is read whole first: never "their groups (0)" while they are on their way.
    busy.value = true
    await memberships.readAll(recordedSections(objectType).map((section) => section.key))
    busy.value = false
    if (store.current?.id !== user.id) return
    const plan = deprovisionPlan(context.descriptor(), objectType, context.profile(), user, recordedMemberships(objectType))
    const warnings = await deprovisionWarnings(user.id, user.displayName)
    const reason = await ui.confirmWithNote(warnings.length > 0 ? { ...plan, warnings } : plan, ticketOrReason)
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

  /** A journaled change's result on the panel: anything short of applied shows its steps; the summary as a toast. */
  function showOutcome(entry: JournalEntry): void {
    const { outcome } = entry
    if (outcome.status !== 'applied') failure.value = { code: 'partial_failure', message: outcome.message, steps: outcome.steps, details: outcome.details }
    ui.showToast(entry.summary)
  }

  async function runDeprovision(userId: string, why: { reason: string; ownAccountOverride?: string }): Promise<void> {
    reset()
    busy.value = true
    const result = await store.deprovision(context.profile().id, userId, why)
    // An answer lost on the way back: the panel's "Checking…" (UnsettledChange) says so, with Check now,
    // and takes Deprovision… away before the button comes back (the re-read of the user comes later).
    if (!result.ok && outcomeUnknown(result.error)) await unsettled.lookUp(context.profile().id, userId)
    busy.value = false
    if (result.ok) {
      showOutcome(result.value)
    } else if (!outcomeUnknown(result.error)) {
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
      showOutcome(result.value.entry)
    } else {
      failure.value = result.error
    }
  }

  /**
   * The deprovision undo applies to stopped part-way (Cognito disabled, not signed out): only its
   * steps that did not happen are sent, journaled as its finish. Its outcome shows like a deprovision's.
   */
  async function finishDeprovision(): Promise<void> {
    const entry = store.undoableDeprovision
    if (!entry?.completion?.available) return
    if (!(await ui.confirm(completionPlan(entry, 'finish')))) return
    reset()
    busy.value = true
    const result = await store.finishDeprovision(entry.id)
    busy.value = false
    if (result.ok) {
      showOutcome(result.value)
    } else {
      failure.value = result.error
    }
    // The finish is now the newest deprovision undo applies to: it offers no second finish.
    await store.findUndoableDeprovision(entry.profileId, entry.target.id)
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

  return { failure, undoDifferences, busy, reset, deprovision, deprovisionAnyway, ownAccountRefused, undoDeprovision, finishDeprovision, remove }
}
