import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { LanyardError } from '../../../shared/errors'
import type { JournalOperation, OperationUndoReport } from '../../../shared/journal'
import type { AccountRef, OffboardingPlan, OffboardProgress, OffboardReport, PersonAccount } from '../../../shared/people'
import { accountKey } from '../../../shared/personGrouping'
import { eventSubscription } from '../api/eventSubscription'
import { useApi } from '../api/lanyardApi'
import { usePeopleStore } from './people'

export type AccountProgress = Pick<OffboardProgress, 'state' | 'entryId' | 'message'> & { error: LanyardError | null }

/** How an account came out of an undo of the offboarding. */
export interface AccountUndo {
  key: string
  back: boolean
  message: string
  differences: string[]
}

const refOf = (account: Pick<PersonAccount, 'profileId' | 'userId'>): AccountRef => ({ profileId: account.profileId, userId: account.userId })

/**
 * Offboarding one person, on the person page: the plan (nothing changed yet), the run as one
 * journal operation with a progress row per account from `people.offboardProgress`, retrying
 * only the accounts that failed, and undoing the whole operation. One person at a time: opening
 * another person's page starts over (`reset`), and the journal still holds what was done.
 */
export const useOffboardingStore = defineStore('offboarding', () => {
  const personKey = ref<string | null>(null)
  const plan = ref<OffboardingPlan | null>(null)
  const planError = ref<LanyardError | null>(null)
  const planning = ref(false)
  /** Account keys ticked in the plan. */
  const chosen = ref<string[]>([])
  const running = ref(false)
  /** The accounts the run asked for: only their progress events count while the operation id is unknown. */
  const runKeys = ref<string[]>([])
  const operationId = ref<string | null>(null)
  const progress = ref<Record<string, AccountProgress>>({})
  const report = ref<OffboardReport | null>(null)
  const runError = ref<LanyardError | null>(null)
  /** The offboarding found in the journal (after a restart), when this page did not run it. */
  const found = ref<JournalOperation | null>(null)
  const undoing = ref(false)
  const undoReport = ref<AccountUndo[] | null>(null)
  const undoError = ref<LanyardError | null>(null)

  const operation = computed(() => report.value?.operation ?? found.value)
  const failedKeys = computed(() => Object.entries(progress.value).filter(([, row]) => row.state === 'failed').map(([key]) => key))

  const progressArrived = eventSubscription('people.offboardProgress', (event) => {
    const key = accountKey(event)
    if (!running.value || !runKeys.value.includes(key)) return
    if (operationId.value && event.operationId !== operationId.value) return
    operationId.value ??= event.operationId
    progress.value = { ...progress.value, [key]: { state: event.state, entryId: event.entryId, message: event.message, error: null } }
  })

  function reset(key: string | null): void {
    if (personKey.value === key) return
    personKey.value = key
    plan.value = null
    planError.value = null
    chosen.value = []
    runKeys.value = []
    operationId.value = null
    progress.value = {}
    report.value = null
    runError.value = null
    found.value = null
    undoReport.value = null
    undoError.value = null
  }

  async function makePlan(accounts: readonly PersonAccount[]): Promise<void> {
    planning.value = true
    planError.value = null
    const result = await useApi().invoke('people.planOffboarding', { accounts: accounts.map(refOf) })
    planning.value = false
    if (!result.ok) {
      planError.value = result.error
      plan.value = null
      return
    }
    plan.value = result.value
    chosen.value = result.value.steps.filter((step) => step.action === 'deprovision').map((step) => accountKey(step.account))
  }

  function choose(key: string, ticked: boolean): void {
    chosen.value = ticked ? [...new Set([...chosen.value, key])] : chosen.value.filter((candidate) => candidate !== key)
  }

  function fromKey(key: string): AccountRef {
    const at = key.indexOf(':')
    return { profileId: key.slice(0, at), userId: key.slice(at + 1) }
  }

  /** Runs the chosen accounts, or (a retry) `keys` as more changes of the earlier operation. */
  async function run(personName: string, keys: readonly string[], retryOf?: string, reason = ''): Promise<void> {
    running.value = true
    runError.value = null
    undoReport.value = null
    runKeys.value = [...keys]
    operationId.value = retryOf ?? null
    const queued: AccountProgress = { state: 'queued', entryId: null, message: null, error: null }
    progress.value = { ...progress.value, ...Object.fromEntries(keys.map((key) => [key, { ...queued }])) }
    const input = { personName, accounts: keys.map(fromKey), ...(retryOf ? { operationId: retryOf } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) }
    const result = await useApi().invoke('people.offboard', input)
    running.value = false
    if (!result.ok) {
      runError.value = result.error
      // Nothing reports these accounts: say so rather than leave them "queued".
      for (const key of keys) if (progress.value[key]?.state === 'queued') progress.value[key] = { ...queued, state: 'failed', error: result.error }
      return
    }
    operationId.value = result.value.operation.id
    const accounts = [...(report.value?.accounts.filter((account) => !keys.includes(accountKey(account))) ?? []), ...result.value.accounts]
    report.value = { operation: result.value.operation, accounts }
    for (const account of result.value.accounts) {
      progress.value[accountKey(account)] = { state: account.result, entryId: account.entryId, message: account.error?.message ?? null, error: account.error }
    }
    void usePeopleStore().refresh()
  }

  /** `reason`: the ticket or reason, journaled with the offboarding and each of its changes (blank is none). */
  async function offboard(personName: string, reason = ''): Promise<void> {
    lastReason = reason
    await run(personName, chosen.value, undefined, reason)
  }
  /** A retry adds to the same offboarding: its changes carry the same ticket or reason. */
  let lastReason = ''

  async function retryFailed(personName: string): Promise<void> {
    if (!operationId.value || failedKeys.value.length === 0) return
    await run(personName, failedKeys.value, operationId.value, lastReason)
  }

  /** After a restart: an earlier offboarding of one of these accounts, through its undoable deprovision. */
  async function findEarlier(accounts: readonly PersonAccount[]): Promise<void> {
    const key = personKey.value
    const candidates = accounts.filter((account) => account.state !== 'active')
    for (const account of candidates) {
      const entry = await useApi().invoke('journal.undoableFor', refOf(account))
      if (personKey.value !== key || report.value) return
      if (!entry.ok || !entry.value?.operationId) continue
      const earlier = await useApi().invoke('journal.operation', { operationId: entry.value.operationId })
      if (personKey.value !== key || report.value) return
      if (earlier.ok && earlier.value.action === 'offboard') {
        found.value = earlier.value
        operationId.value = earlier.value.id
        return
      }
    }
  }

  async function undo(): Promise<void> {
    const current = operation.value
    if (!current) return
    undoing.value = true
    undoError.value = null
    const result = await useApi().invoke('journal.undoOperation', { operationId: current.id })
    undoing.value = false
    if (!result.ok) {
      undoError.value = result.error
      return
    }
    undoReport.value = undoneAccounts(current, result.value)
    void usePeopleStore().refresh()
    if (report.value) report.value = { ...report.value, operation: { ...current, undo: { ...current.undo, available: false, undoneBy: result.value.operation.id } } }
    if (found.value) found.value = { ...found.value, undo: { ...found.value.undo, available: false, undoneBy: result.value.operation.id } }
  }

  return {
    personKey,
    plan,
    planError,
    planning,
    chosen,
    running,
    progress,
    report,
    runError,
    operation,
    failedKeys,
    undoing,
    undoReport,
    undoError,
    reset,
    makePlan,
    choose,
    offboard,
    retryFailed,
    findEarlier,
    undo,
    listen: progressArrived.start,
    stopListening: progressArrived.stop,
  }
})

/** Each child of the undo, told per account: back (undone with no difference) or not, and why. */
function undoneAccounts(operation: JournalOperation, undone: OperationUndoReport): AccountUndo[] {
  return undone.children.map((child) => {
    const entry = operation.entries.find((candidate) => candidate.id === child.entryId)
    const key = entry ? `${entry.profileId}:${entry.target.id}` : child.entryId
    return { key, back: child.result === 'undone' && child.differences.length === 0, message: child.message, differences: child.differences }
  })
}
