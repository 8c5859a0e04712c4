import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  CheckCreateInput,
  CreateCheck,
  CreateObjectInput,
  DeleteObjectInput,
  DirectoryObject,
  DirectoryPage,
  DirectoryRow,
  ObjectRef,
  UpdateObjectInput,
} from '../../../shared/directory'
import type { LanyardError, Result } from '../../../shared/errors'
import type { JournalEntry, UndoReport } from '../../../shared/journal'
import { useApi } from '../api/lanyardApi'

/**
 * The one object the detail panel shows, read fresh from the target, and the changes made to it.
 * Actions return the api's Result so the panel can show field errors and partial-failure steps
 * where they belong. A new user's password passes through `create` to the api and is never kept.
 */
export const useDirectoryObjectStore = defineStore('directoryObject', () => {
  const current = ref<DirectoryObject | null>(null)
  const loading = ref(false)
  const error = ref<LanyardError | null>(null)
  /** The user's latest deprovision, when the journal says undo applies to it now. */
  const undoableDeprovision = ref<JournalEntry | null>(null)
  let reference: ObjectRef | null = null
  /** Answers to an older `open` (the person clicked the next row) are dropped. */
  let latestRead = 0

  function isCurrent(candidate: ObjectRef): boolean {
    return (
      reference?.profileId === candidate.profileId &&
      reference.objectType === candidate.objectType &&
      reference.objectId === candidate.objectId
    )
  }

  /** Shows another object: forgets the previous one at once so its data never shows under the new name. */
  async function open(next: ObjectRef): Promise<void> {
    reference = { ...next }
    current.value = null
    undoableDeprovision.value = null
    error.value = null
    await refresh()
  }

  /**
   * Reads the open object again. `read` is a read already on its way for it (main reported a
   * change, and the table showing the same object shares the one read).
   */
  async function refresh(read?: Promise<Result<DirectoryObject>>): Promise<void> {
    if (!reference) return
    const asked = reference
    const ticket = ++latestRead
    loading.value = true
    const result = await (read ?? useApi().invoke('directory.get', asked))
    if (ticket !== latestRead) return
    loading.value = false
    if (result.ok) {
      current.value = result.value
      error.value = null
    } else {
      error.value = result.error
      if (result.error.code === 'not_found') current.value = null
    }
  }

  /** The open object's id when `change` names it (same profile and object type), otherwise null. */
  function changedId(change: { profileId: string; objectType: string; ids: readonly string[] }): string | null {
    if (!reference || reference.profileId !== change.profileId || reference.objectType !== change.objectType) return null
    return change.ids.includes(reference.objectId) ? reference.objectId : null
  }

  /** With `showing`, only closes if that object is still the open one (a newer panel may have opened). */
  function close(showing?: ObjectRef): void {
    if (showing && !isCurrent(showing)) return
    reference = null
    latestRead++
    current.value = null
    undoableDeprovision.value = null
    error.value = null
    loading.value = false
  }

  /** The newest deprovision of this user in this profile that undo still applies to, found by exact ids in main. */
  async function findUndoableDeprovision(profileId: string, userId: string): Promise<void> {
    const result = await useApi().invoke('journal.undoableFor', { profileId, userId })
    undoableDeprovision.value = result.ok ? result.value : null
  }

  async function update(input: UpdateObjectInput): Promise<Result<DirectoryObject>> {
    const result = await useApi().invoke('directory.update', input)
    if (result.ok && isCurrent(input)) current.value = result.value
    return result
  }

  async function remove(input: DeleteObjectInput): Promise<Result<null>> {
    const result = await useApi().invoke('directory.delete', input)
    if (result.ok && isCurrent(input)) current.value = null
    return result
  }

  /** `why`: the ticket or reason, or the stated reason to deprovision the profile's own account anyway; sent only when given. */
  async function deprovision(profileId: string, userId: string, why: { reason?: string; ownAccountOverride?: string } = {}): Promise<Result<JournalEntry>> {
    return useApi().invoke('directory.deprovision', { profileId, userId, ...(why.reason && { reason: why.reason }), ...(why.ownAccountOverride && { ownAccountOverride: why.ownAccountOverride }) })
  }

  async function undo(entryId: string): Promise<Result<UndoReport>> {
    const result = await useApi().invoke('journal.undo', { entryId })
    if (result.ok) undoableDeprovision.value = null
    return result
  }

  /** Finishes a deprovision that stopped part-way: main sends only the steps that did not happen, journaled as its finish. */
  async function finishDeprovision(entryId: string): Promise<Result<JournalEntry>> {
    return useApi().invoke('journal.finishDeprovision', { entryId })
  }

  async function create(input: CreateObjectInput): Promise<Result<DirectoryObject>> {
    return useApi().invoke('directory.create', input)
  }

  /** What the target would do with this create that the person should read before confirming. */
  async function checkCreate(input: CheckCreateInput): Promise<Result<CreateCheck>> {
    return useApi().invoke('directory.checkCreate', input)
  }

  /** What the person should read before confirming a deprovision (a Coupa approver's limits and approval groups). */
  async function checkDeprovision(profileId: string, userId: string): Promise<Result<CreateCheck>> {
    return useApi().invoke('directory.checkDeprovision', { profileId, userId })
  }

  /**
   * The create form's group search (a new user joining groups as part of the create). One request
   * key: the previous keystroke's search is cancelled by main and answers `cancelled`.
   */
  async function searchGroups(profileId: string, objectType: string, search: string): Promise<Result<DirectoryPage<DirectoryRow>>> {
    return useApi().invoke('directory.list', { profileId, objectType, search, pageSize: 50, requestKey: 'create-form-groups' })
  }

  return {
    current,
    loading,
    error,
    undoableDeprovision,
    open,
    refresh,
    changedId,
    close,
    findUndoableDeprovision,
    update,
    remove,
    deprovision,
    undo,
    finishDeprovision,
    create,
    checkCreate,
    checkDeprovision,
    searchGroups,
  }
})
