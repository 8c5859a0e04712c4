import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { DirectoryRow, MembershipChangeInput, ObjectRef } from '../../../shared/directory'
import type { LanyardError, Result } from '../../../shared/errors'
import { useApi } from '../api/lanyardApi'

/** A user's groups of one group-like type (`groupsOf`), or a group's members (`members`). */
export type Relation = 'groupsOf' | 'members'

/** One list the panel shows: `relatedType` says which group-like type a user's groups are of. */
export interface MembershipSource {
  key: string
  relation: Relation
  relatedType?: string
}

export interface MembershipList {
  items: DirectoryRow[]
  /** Opaque; null once the last page has arrived. */
  nextCursor: string | null
  /** Only when the target reports one. */
  total: number | null
  loading: boolean
  /**
   * Whether the items shown are from before a read of the first page again (after a change) that
   * has not answered yet (`loading`) or failed (`error`): they may be out of date. False while
   * "Show more" reads the next page.
   */
  again: boolean
  error: LanyardError | null
}

const pageSize = 50
/** One key for every picker: main cancels the previous keystroke's search when the next one starts. */
const pickerRequestKey = 'membership-picker'
const emptyList: Readonly<MembershipList> = Object.freeze({ items: [], nextCursor: null, total: null, loading: false, again: false, error: null })

function sameObject(left: ObjectRef | null, right: ObjectRef): boolean {
  return left?.profileId === right.profileId && left.objectType === right.objectType && left.objectId === right.objectId
}

/**
 * The memberships the detail panel shows — several lists at once, keyed by section (a Coupa user
 * has content groups, roles, approval groups and account groups) — each paged ("Show more"), and
 * the one open picker's search for a group or user to add. An answer for an object or a page no
 * longer asked for is dropped, so a slow read never shows under another object's name.
 */
export const useDirectoryMembershipsStore = defineStore('directoryMemberships', () => {
  const lists = ref<Record<string, MembershipList>>({})

  /** The section whose picker is open; one at a time. */
  const pickerKey = ref<string | null>(null)
  const candidates = ref<DirectoryRow[]>([])
  const searching = ref(false)
  /** The text of the picker's latest search (what the candidates answer, or will): search as you type asks no text twice. */
  const searchedText = ref('')
  const searchError = ref<LanyardError | null>(null)

  let owner: ObjectRef | null = null
  let sources: MembershipSource[] = []
  /** The latest read asked per section; any other answer is stale. Cleared when the owner changes. */
  const latestRead = new Map<string, number>()
  let nextTicket = 0
  let latestSearch = 0
  /** The read of each section last started, so a count can wait for what is on its way. */
  const reading = new Map<string, Promise<void>>()

  /** Shows another object's memberships: forgets every list at once, then reads each first page. */
  async function open(reference: ObjectRef, wanted: readonly MembershipSource[]): Promise<void> {
    owner = { ...reference }
    sources = wanted.map((source) => ({ ...source }))
    latestRead.clear()
    lists.value = Object.fromEntries(sources.map((source) => [source.key, { ...emptyList, items: [] }]))
    await Promise.all(sources.map((source) => readPage(source, null)))
  }

  function list(key: string): Readonly<MembershipList> {
    return lists.value[key] ?? emptyList
  }

  /** Reads every list again from its first page, or only the ones `only` keeps. */
  async function reload(only: (source: MembershipSource) => boolean = () => true): Promise<void> {
    await Promise.all(sources.filter(only).map((source) => readPage(source, null)))
  }

  async function showMore(key: string): Promise<void> {
    const source = sources.find((candidate) => candidate.key === key)
    const cursor = lists.value[key]?.nextCursor
    if (source && cursor) await readPage(source, cursor)
  }

  function readPage(source: MembershipSource, cursor: string | null): Promise<void> {
    const read = readPageNow(source, cursor)
    reading.set(source.key, read)
    return read
  }

  /**
   * Every membership of the sections `keys` name, for a count that must be whole (what a deprovision
   * records): waits for a read on its way, then reads the pages not shown yet. A list that fails
   * keeps its error, which the count then says.
   */
  async function readAll(keys: readonly string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        await reading.get(key)
        let cursor = lists.value[key]?.nextCursor ?? null
        while (cursor !== null && !lists.value[key]?.error) {
          await showMore(key)
          const next = lists.value[key]?.nextCursor ?? null
          if (next === cursor) return
          cursor = next
        }
      }),
    )
  }

  async function readPageNow(source: MembershipSource, cursor: string | null): Promise<void> {
    const asked = owner
    const shown = lists.value[source.key]
    if (!asked || !shown) return
    const ticket = ++nextTicket
    latestRead.set(source.key, ticket)
    shown.loading = true
    shown.again = cursor === null && shown.items.length > 0
    const input = { ...asked, cursor, pageSize, ...(source.relatedType && { relatedType: source.relatedType }) }
    const result = await useApi().invoke(source.relation === 'groupsOf' ? 'directory.groupsOf' : 'directory.members', input)
    const current = lists.value[source.key]
    if (latestRead.get(source.key) !== ticket || !current) return
    current.loading = false
    if (result.ok) {
      current.items = cursor ? [...current.items, ...result.value.items] : result.value.items
      current.nextCursor = result.value.nextCursor
      current.total = result.value.total
      current.error = null
      current.again = false
    } else if (result.error.code !== 'cancelled') {
      // The items stay, and stay marked as from before (`again`) if that read was one.
      current.error = result.error
    } else {
      current.again = false
    }
  }

  /** "3", or "50+" while pages are unread and the target reports no total: never an invented total. */
  function countText(key: string): string {
    const shown = list(key)
    if (shown.total !== null) return String(shown.total)
    return shown.nextCursor ? `${shown.items.length}+` : String(shown.items.length)
  }

  /**
   * How many of a section's memberships the target lets Lanyard change: what a deprovision records
   * and undo can bring back (Okta's built-in "Everyone" is not one of them). Where changes are
   * `userCentric` (Coupa) the target changes the user, so a group-like object that is read-only
   * itself (every Coupa role) still counts.
   */
  function changeableCountText(key: string, userCentric = false): string {
    const shown = list(key)
    if (shown.error) return `could not be read: ${shown.error.message}`
    const changeable = userCentric ? shown.items : shown.items.filter((item) => item.readOnlyReason === null)
    if (shown.nextCursor) return `${changeable.length}+`
    // The panel shows them all: the count says which it leaves out, so the two never seem to disagree.
    const left = shown.items.filter((item) => !changeable.includes(item)).map((item) => item.displayName)
    if (left.length === 0) return String(changeable.length)
    const named = left.length <= 3 ? `${left.join(', ')} ${left.length === 1 ? 'is' : 'are'}` : `${left.length} others are`
    return `${changeable.length} of the ${shown.items.length} shown; ${named} not Lanyard's to change`
  }

  /** Whether `change` names the object whose memberships are shown (a membership added, a deprovision). */
  function isChangedBy(change: { profileId: string; objectType: string; ids: readonly string[] }): boolean {
    return owner !== null && owner.profileId === change.profileId && owner.objectType === change.objectType && change.ids.includes(owner.objectId)
  }

  /** With `showing`, only closes if those memberships are still the ones shown (a newer panel may have opened). */
  function close(showing?: ObjectRef): void {
    if (showing && !sameObject(owner, showing)) return
    owner = null
    sources = []
    latestRead.clear()
    reading.clear()
    lists.value = {}
    closePicker()
  }

  /** The lists are read again when main reports the change (`directory.changed`), not here. */
  async function add(input: MembershipChangeInput): Promise<Result<null>> {
    return useApi().invoke('directory.addMember', input)
  }

  async function remove(input: MembershipChangeInput): Promise<Result<null>> {
    return useApi().invoke('directory.removeMember', input)
  }

  /** Opens a section's picker (closing any other) and lists the first candidates. */
  async function openPicker(key: string, profileId: string, objectType: string): Promise<void> {
    closePicker()
    pickerKey.value = key
    await search(profileId, objectType, '')
  }

  /** The picker's search as the person types; a superseded search answers `cancelled` and is dropped. */
  async function search(profileId: string, objectType: string, text: string): Promise<void> {
    const ticket = ++latestSearch
    searchedText.value = text
    searching.value = true
    const result = await useApi().invoke('directory.list', {
      profileId,
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

  function closePicker(): void {
    latestSearch++
    pickerKey.value = null
    candidates.value = []
    searching.value = false
    searchError.value = null
    searchedText.value = ''
  }

  return {
    lists,
    pickerKey,
    candidates,
    searching,
    searchedText,
    searchError,
    open,
    list,
    reload,
    showMore,
    readAll,
    countText,
    changeableCountText,
    isChangedBy,
    close,
    add,
    remove,
    openPicker,
    search,
    closePicker,
  }
})
