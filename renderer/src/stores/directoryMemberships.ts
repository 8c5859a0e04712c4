import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { DirectoryObject, MembershipChangeInput, ObjectRef } from '../../../shared/directory'
import type { LanyardError, Result } from '../../../shared/errors'
import { useApi } from '../api/lanyardApi'

/** A user's groups (`groupsOf`) or a group's members (`members`). */
export type Relation = 'groupsOf' | 'members'

const pageSize = 50
/** One key per picker: main cancels the previous keystroke's search when the next one starts. */
const pickerRequestKey = 'membership-picker'

/**
 * The memberships the detail panel shows, paged ("Show more"), and the picker's search for a
 * group or user to add. Both sides are lists of `DirectoryObject`s the target returned.
 */
export const useDirectoryMembershipsStore = defineStore('directoryMemberships', () => {
  const items = ref<DirectoryObject[]>([])
  const nextCursor = ref<string | null>(null)
  const total = ref<number | null>(null)
  const loading = ref(false)
  const error = ref<LanyardError | null>(null)

  const candidates = ref<DirectoryObject[]>([])
  const searching = ref(false)
  const searchError = ref<LanyardError | null>(null)

  let owner: { reference: ObjectRef; relation: Relation } | null = null
  let latestRead = 0
  let latestSearch = 0

  async function open(reference: ObjectRef, relation: Relation): Promise<void> {
    owner = { reference: { ...reference }, relation }
    items.value = []
    nextCursor.value = null
    total.value = null
    error.value = null
    await readPage(null)
  }

  async function reload(): Promise<void> {
    if (owner) await open(owner.reference, owner.relation)
  }

  async function showMore(): Promise<void> {
    if (nextCursor.value) await readPage(nextCursor.value)
  }

  async function readPage(cursor: string | null): Promise<void> {
    if (!owner) return
    const ticket = ++latestRead
    const call = owner.relation === 'groupsOf' ? 'directory.groupsOf' : 'directory.members'
    loading.value = true
    const result = await useApi().invoke(call, { ...owner.reference, cursor, pageSize })
    if (ticket !== latestRead) return
    loading.value = false
    if (result.ok) {
      items.value = cursor ? [...items.value, ...result.value.items] : result.value.items
      nextCursor.value = result.value.nextCursor
      total.value = result.value.total
      error.value = null
    } else if (result.error.code !== 'cancelled') {
      error.value = result.error
    }
  }

  /** "3", or "50+" while pages are unread and the target reports no total. */
  function countText(): string {
    if (total.value !== null) return String(total.value)
    return nextCursor.value ? `${items.value.length}+` : String(items.value.length)
  }

  /**
   * How many of the memberships shown the target lets Lanyard change: what a deprovision records
   * and undo can bring back (Okta's built-in "Everyone" is not one of them).
   */
  function changeableCountText(): string {
    const changeable = items.value.filter((item) => item.readOnlyReason === null).length
    return nextCursor.value ? `${changeable}+` : String(changeable)
  }

  /** With `showing`, only closes if those memberships are still the ones shown. */
  function close(showing?: ObjectRef): void {
    const shown = owner?.reference
    if (showing && (shown?.id !== showing.id || shown.objectType !== showing.objectType || shown.objectId !== showing.objectId)) return
    owner = null
    latestRead++
    items.value = []
    nextCursor.value = null
    total.value = null
    error.value = null
    loading.value = false
    clearCandidates()
  }

  async function add(input: MembershipChangeInput): Promise<Result<null>> {
    const result = await useApi().invoke('directory.addMember', input)
    if (result.ok) await reload()
    return result
  }

  async function remove(input: MembershipChangeInput): Promise<Result<null>> {
    const result = await useApi().invoke('directory.removeMember', input)
    if (result.ok) await reload()
    return result
  }

  /** The picker's search as the person types; a superseded search answers `cancelled` and is dropped. */
  async function search(profileId: string, objectType: string, text: string): Promise<void> {
    const ticket = ++latestSearch
    searching.value = true
    const result = await useApi().invoke('directory.list', {
      id: profileId,
      objectType,
      search: text,
      pageSize: 20,
      requestKey: pickerRequestKey,
    })
    if (ticket !== latestSearch || (!result.ok && result.error.code === 'cancelled')) return
    searching.value = false
    if (result.ok) {
      candidates.value = result.value.items
      searchError.value = null
    } else {
      searchError.value = result.error
    }
  }

  function clearCandidates(): void {
    latestSearch++
    candidates.value = []
    searching.value = false
    searchError.value = null
  }

  return {
    items,
    nextCursor,
    total,
    loading,
    error,
    candidates,
    searching,
    searchError,
    open,
    reload,
    showMore,
    countText,
    changeableCountText,
    close,
    add,
    remove,
    search,
    clearCandidates,
  }
})
