import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { DirectoryRow } from '../../../shared/directory'
import type { LanyardError, Result } from '../../../shared/errors'
import type { JobKind, JobPlan, JobPlanInput, JobView, ReadList } from '../../../shared/jobs'
import type { ProfileSet } from '../../../shared/people'
import { useApi } from '../api/lanyardApi'
import { useJobsStore } from './jobs'

export type DraftKind = Exclude<JobKind, 'undoJob'>

/**
 * The job being put together in the Jobs view, up to its plan: the kind and what it names (a
 * profile set, or a profile and its group or users), the list read by main (`jobs.readList`: a
 * pasted list or a CSV file's bytes, with its columns and problems) and the column the technician
 * picked, then the plan (`jobs.plan`: everything read, nothing sent). Starting hands the plan to
 * main and forgets the draft. The list and plan can hold 10,000 rows: shallow refs, replaced whole.
 */
export const useJobDraftStore = defineStore('jobDraft', () => {
  const kind = ref<DraftKind>('offboard')
  const profileSet = ref<ProfileSet>('sandbox')
  const profileId = ref('')
  const groupType = ref('groups')
  const groupId = ref('')
  const fromGroupId = ref('')
  const toGroupId = ref('')
  const fromUserId = ref('')
  const toUserId = ref('')

  const list = shallowRef<ReadList | null>(null)
  /** The file the list came from, or null for a pasted one. */
  const fileName = ref<string | null>(null)
  const column = ref(0)
  const reading = ref(false)
  const readError = ref<LanyardError | null>(null)

  const plan = shallowRef<JobPlan | null>(null)
  const planning = ref(false)
  const planError = ref<LanyardError | null>(null)
  const starting = ref(false)
  const startError = ref<LanyardError | null>(null)

  /** Every data row's value in the chosen column, empty ones too: a plan row's `line` is then the list's row. */
  const lines = computed(() => list.value?.rows.map((row) => (row[column.value] ?? '').trim()) ?? [])

  /** Moving and copying name their two ends instead of a list. */
  const takesLines = computed(() => kind.value !== 'moveMembers' && kind.value !== 'copyGroups')

  /** What the technician still has to give before planning, in words; empty when the plan can be asked for. */
  const missing = computed(() => {
    const needs: string[] = []
    if (kind.value !== 'offboard' && !profileId.value) needs.push('choose a profile')
    if ((kind.value === 'addMembers' || kind.value === 'removeMembers') && !groupId.value.trim()) needs.push('name the group')
    if (kind.value === 'moveMembers' && (!fromGroupId.value.trim() || !toGroupId.value.trim())) needs.push('name both groups')
    if (kind.value === 'copyGroups' && (!fromUserId.value.trim() || !toUserId.value.trim())) needs.push('name both users')
    if (takesLines.value && lines.value.length === 0) needs.push('paste a list or import a CSV file')
    return needs
  })

  function input(): JobPlanInput {
    const lineList = lines.value
    const profile = profileId.value
    const type = groupType.value.trim()
    switch (kind.value) {
      case 'offboard':
        return { kind: 'offboard', profileSet: profileSet.value, lines: lineList }
      case 'addMembers':
      case 'removeMembers':
        return { kind: kind.value, profileId: profile, groupType: type, groupId: groupId.value.trim(), lines: lineList }
      case 'moveMembers':
        return { kind: 'moveMembers', profileId: profile, groupType: type, fromGroupId: fromGroupId.value.trim(), toGroupId: toGroupId.value.trim() }
      case 'copyGroups':
        return { kind: 'copyGroups', profileId: profile, fromUserId: fromUserId.value.trim(), toUserId: toUserId.value.trim() }
      case 'deprovisionAccounts':
      case 'undoAccounts':
        return { kind: kind.value, profileId: profile, lines: lineList }
    }
  }

  /** A plan belongs to what it was made from: any change to the draft sets it aside. */
  function dropPlan(): void {
    plan.value = null
    planError.value = null
    startError.value = null
  }

  async function readList(source: { text: string } | { fileName: string; base64: string }): Promise<void> {
    reading.value = true
    readError.value = null
    dropPlan()
    const result = await useApi().invoke('jobs.readList', source)
    reading.value = false
    if (!result.ok) {
      readError.value = result.error
      return
    }
    list.value = result.value
    fileName.value = 'fileName' in source ? source.fileName : null
    column.value = result.value.suggestedColumn
  }

  function clearList(): void {
    list.value = null
    fileName.value = null
    column.value = 0
    readError.value = null
    dropPlan()
  }

  async function makePlan(): Promise<void> {
    if (missing.value.length > 0) return
    planning.value = true
    dropPlan()
    const result = await useApi().invoke('jobs.plan', input())
    planning.value = false
    if (!result.ok) planError.value = result.error
    else plan.value = result.value
  }

  /**
   * Objects of the draft's profile whose name starts with `text`, for a group or user field to
   * offer by name (ids are what the plan takes, and nobody types Okta's). Empty on any failure:
   * the field still takes an id typed by hand.
   */
  /** The profile's objects of a type by name, for a field taking one; a failed search says why (the field shows it). */
  /** The objects named like `text`; a newer search under the same `requestKey` (the field's) cancels the one still out. */
  async function suggestions(objectType: string, text: string, requestKey?: string): Promise<Result<DirectoryRow[]>> {
    if (!profileId.value || !text.trim()) return { ok: true, value: [] }
    const result = await useApi().invoke('directory.list', { profileId: profileId.value, objectType, search: text.trim(), pageSize: 20, requestKey })
    return result.ok ? { ok: true, value: result.value.items } : result
  }

  /** Starts the planned job; the draft is done with once main has it. */
  async function start(): Promise<Result<JobView> | null> {
    const planned = plan.value
    if (!planned) return null
    starting.value = true
    startError.value = null
    const result = await useJobsStore().start(planned.planId)
    starting.value = false
    if (!result.ok) {
      startError.value = result.error
      return result
    }
    clearList()
    groupId.value = fromGroupId.value = toGroupId.value = fromUserId.value = toUserId.value = ''
    return result
  }

  return {
    kind,
    profileSet,
    profileId,
    groupType,
    groupId,
    fromGroupId,
    toGroupId,
    fromUserId,
    toUserId,
    list,
    fileName,
    column,
    reading,
    readError,
    plan,
    planning,
    planError,
    starting,
    startError,
    lines,
    takesLines,
    missing,
    dropPlan,
    readList,
    clearList,
    makePlan,
    suggestions,
    start,
  }
})
