import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { ConnectorId } from '../../../shared/catalogue/types'
import type { LanyardError } from '../../../shared/errors'
import type { PeopleResults, PersonAccount, ProfileSet } from '../../../shared/people'
import { accountKey, groupPeople, personHolding, type GroupingOverrides, type Person } from '../../../shared/personGrouping'
import { eventSubscription } from '../api/eventSubscription'
import { useApi } from '../api/lanyardApi'
import { useProfilesStore } from './profiles'

/** One profile's part of the current search, as its `people.results` event left it. */
export interface ProfileSearch {
  profileId: string
  profileName: string
  connectorId: ConnectorId
  status: 'searching' | 'found' | 'failed'
  accounts: PersonAccount[]
  /** Its accounts are from the previous search: shown greyed until this profile answers the new one. */
  stale: boolean
  /** The text its accounts answered: a failed repeat of the same search keeps them (greyed) rather than showing none. */
  answered: string
  truncated: boolean
  searched: string
  error: LanyardError | null
}

/** The view's one search key: main cancels the search still running under it when a new one starts. */
export const peopleSearchKey = 'people-view'
/** Below this, the contract refuses the search: the box says so instead of asking. */
export const shortestSearch = 2

/**
 * The People search: one search of every profile of a set, answered per profile by
 * `people.results` events, grouped into people by `shared/personGrouping.ts`. Events of a search
 * that is not the newest are dropped; those that arrive before `people.search` has answered (a fast
 * profile) wait for its search id. The technician's grouping overrides last the session.
 */
export const usePeopleStore = defineStore('people', () => {
  const profiles = useProfilesStore()
  const chosenSet = ref<ProfileSet | null>(null)
  const text = ref('')
  /** The search asked last, once main has answered with its id. */
  const searchId = ref<string | null>(null)
  const rows = ref<ProfileSearch[]>([])
  const startError = ref<LanyardError | null>(null)
  const overrides = ref<{ split: string[]; added: Record<string, string> }>({ split: [], added: {} })
  let sequence = 0
  /** `people.search` calls not yet answered: their profiles' events may already be arriving. */
  const startsPending = ref(0)
  let early: PeopleResults[] = []

  const setsWithProfiles = computed(() => ({
    real: profiles.items.filter((profile) => profile.environment === 'real').length,
    sandbox: profiles.items.filter((profile) => profile.environment === 'sandbox').length,
  }))
  /** Real tenants when there are any, else the sandbox: whichever the technician most likely means. */
  const profileSet = computed<ProfileSet>(() => chosenSet.value ?? (setsWithProfiles.value.real > 0 ? 'real' : 'sandbox'))
  const accounts = computed(() => rows.value.flatMap((row) => row.accounts))
  const people = computed<Person[]>(() => groupPeople(accounts.value, overrides.value as GroupingOverrides))
  const staleKeys = computed(() => new Set(rows.value.filter((row) => row.stale).flatMap((row) => row.accounts.map(accountKey))))
  const searching = computed(() => startsPending.value > 0 || rows.value.some((row) => row.status === 'searching'))

  function place(results: PeopleResults): void {
    const row = rows.value.find((candidate) => candidate.profileId === results.profileId)
    if (!row) return
    // A profile that fails a repeat of the search it answered (a refresh after an offboarding, while
    // the target is down) keeps its accounts, greyed: "no account found" would be untrue.
    const kept = results.status === 'failed' && row.answered === text.value.trim()
    Object.assign(row, {
      status: results.status,
      accounts: kept ? row.accounts : results.accounts,
      stale: kept && row.accounts.length > 0,
      answered: kept ? row.answered : text.value.trim(),
      truncated: results.truncated,
      searched: results.searched,
      error: results.error,
    })
  }

  const resultsArrived = eventSubscription('people.results', (results) => {
    if (results.searchId === searchId.value) place(results)
    else if (startsPending.value > 0) early.push(results)
  })

  function clear(): void {
    sequence++
    searchId.value = null
    rows.value = []
    startError.value = null
    early = []
  }

  /**
   * Searches every profile of the set; a text too short to search clears the results instead.
   * `inSet` searches that set instead, and the view shows it from then on (the palette searches the
   * set of the profile open behind it). Whoever searches hears the answers, the view open or not.
   */
  async function search(value: string, inSet?: ProfileSet): Promise<void> {
    if (inSet !== undefined && inSet !== profileSet.value) {
      chosenSet.value = inSet
      rows.value = []
    }
    resultsArrived.start()
    text.value = value
    const search = value.trim()
    if (search.length < shortestSearch) {
      if (searching.value) void useApi().invoke('people.cancel', { searchKey: peopleSearchKey })
      clear()
      return
    }
    const mine = ++sequence
    startsPending.value++
    searchId.value = null
    startError.value = null
    for (const row of rows.value) Object.assign(row, { status: 'searching', stale: true, error: null })
    const result = await useApi().invoke('people.search', { search, profileSet: profileSet.value, searchKey: peopleSearchKey })
    startsPending.value = Math.max(0, startsPending.value - 1)
    if (mine !== sequence) return
    const arrived = early
    early = []
    if (!result.ok) {
      if (result.error.code !== 'cancelled') startError.value = result.error
      rows.value = []
      return
    }
    const before = new Map(rows.value.map((row) => [row.profileId, row]))
    rows.value = result.value.profiles.map((profile) => ({
      ...profile,
      status: 'searching',
      accounts: before.get(profile.profileId)?.accounts ?? [],
      stale: before.has(profile.profileId),
      answered: before.get(profile.profileId)?.answered ?? '',
      truncated: false,
      searched: '',
      error: null,
    }))
    searchId.value = result.value.searchId
    for (const results of arrived) if (results.searchId === result.value.searchId) place(results)
  }

  /**
   * Reads the current search's accounts again (one list request per profile of the set): after an
   * offboarding or its undo, so a status shown is the target's, not the one from before the change.
   */
  function refresh(): Promise<void> {
    return text.value.trim().length >= shortestSearch ? search(text.value) : Promise.resolve()
  }

  /** Resolves once no search is out: every profile answered, or the search was replaced, cancelled or cleared. */
  function settled(): Promise<void> {
    if (!searching.value) return Promise.resolve()
    return new Promise((resolve) => {
      const stop = watch(searching, (still) => {
        if (still) return
        stop()
        resolve()
      })
    })
  }

  function chooseSet(set: ProfileSet): void {
    if (set === profileSet.value) return
    chosenSet.value = set
    // Never mix sets: the other set's results go at once, and the same text searches the new set.
    rows.value = []
    void search(text.value)
  }

  /** Leaving the view: what still runs is cancelled in main; the results stay for the person page. */
  function leave(): void {
    if (!searching.value) return
    sequence++
    startsPending.value = 0
    for (const row of rows.value) if (row.status === 'searching') Object.assign(row, { status: 'found', stale: false })
    searchId.value = null
    void useApi().invoke('people.cancel', { searchKey: peopleSearchKey })
  }

  function personFor(key: string): Person | undefined {
    return personHolding(people.value, key)
  }

  /** Takes an account out of the person it was grouped into (or added to by hand). */
  function split(key: string): void {
    const added = { ...overrides.value.added }
    const wasAdded = Object.hasOwn(added, key)
    delete added[key]
    const split = wasAdded ? overrides.value.split : [...new Set([...overrides.value.split, key])]
    overrides.value = { split, added }
  }

  /** Puts an account with the person holding `personKey`, whatever grouping said. */
  function addByHand(key: string, personKey: string): void {
    overrides.value = {
      split: overrides.value.split.filter((candidate) => candidate !== key),
      added: { ...overrides.value.added, [key]: personKey },
    }
  }

  return {
    refresh,
    text,
    profileSet,
    setsWithProfiles,
    rows,
    startError,
    people,
    staleKeys,
    searching,
    search,
    settled,
    chooseSet,
    leave,
    personFor,
    split,
    addByHand,
    listen: resultsArrived.start,
    stopListening: resultsArrived.stop,
  }
})
