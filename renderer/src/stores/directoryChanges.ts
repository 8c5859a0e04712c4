import { defineStore } from 'pinia'
import type { EventPayload } from '../../../shared/contract'
import type { DirectoryObject } from '../../../shared/directory'
import type { Result } from '../../../shared/errors'
import { eventSubscription } from '../api/eventSubscription'
import { useApi } from '../api/lanyardApi'
import { useDirectoryListStore } from './directoryList'
import { useDirectoryMembershipsStore } from './directoryMemberships'
import { useDirectoryObjectStore } from './directoryObject'

export type DirectoryChange = EventPayload<'directory.changed'>

/**
 * The renderer's one refresh path. Main emits `directory.changed` after every change — made here,
 * in another window, or by settling — and this is the only listener that re-reads directory
 * objects for it; actions never refresh by themselves. Per change, each changed object that is
 * shown is read once, and that one read goes to every view showing it (the detail panel and the
 * table's row); the open object's memberships are read once; a table that may now hold a new
 * object starts over. Bulk work changing many objects therefore costs one read per object shown.
 * The panel's read and its lists' reads leave together, not one after another: where a list reads
 * the object itself (Coupa keeps a user's memberships in the user), main sends them as one request.
 */
export const useDirectoryChangesStore = defineStore('directoryChanges', () => {
  function refreshAfter(change: DirectoryChange): void {
    const objects = useDirectoryObjectStore()
    const lists = useDirectoryListStore()
    const memberships = useDirectoryMembershipsStore()
    const reads = new Map<string, Promise<Result<DirectoryObject>>>()
    const readOnce = (objectId: string) => {
      let read = reads.get(objectId)
      if (!read) {
        read = useApi().invoke('directory.get', { profileId: change.profileId, objectType: change.objectType, objectId })
        reads.set(objectId, read)
      }
      return read
    }

    const openId = objects.changedId(change)
    if (openId !== null) void objects.refresh(readOnce(openId))
    const list = { profileId: change.profileId, objectType: change.objectType }
    if (lists.find(list)?.loaded) void lists.refresh(list, change.ids, readOnce)
    if (memberships.isChangedBy(change)) void memberships.reload()
  }

  const subscription = eventSubscription('directory.changed', refreshAfter)

  return {
    /** Idempotent: every view that shows directory objects calls it; one subscription serves them all. */
    listen: subscription.start,
    stopListening: subscription.stop,
  }
})
