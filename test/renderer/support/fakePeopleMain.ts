import type { LanyardError } from '../../../shared/errors'
import type { JournalEntry, JournalOperation } from '../../../shared/journal'
import type { OffboardingStep, OffboardReport, PeopleResults, PeopleSearchInput, PersonAccount } from '../../../shared/people'
import { accountKey } from '../../../shared/personGrouping'
import type { ProfileView } from '../../../shared/profiles'
import type { FakeLanyardApi } from './fakeLanyardApi'

/** What one profile answers to a people search: its accounts (those matching the text are sent) or an error. */
export type ProfileAnswer = PersonAccount[] | LanyardError

export interface FakePeopleMain {
  /** Each `people.search` as asked, with the id main gave it. */
  searches: { searchId: string; input: PeopleSearchInput }[]
  /** Sends a profile's `people.results` for a search (the newest unless told), as main does when that profile answers. */
  answer(profileId: string, searchId?: string): void
  /** Profiles whose searches fail with this error (their accounts stay for plans and offboardings), until deleted. */
  failSearches: Map<string, LanyardError>
  /** Accounts whose next deprovision fails, with the error main would report. */
  failNext: Map<string, LanyardError>
  /** Operations made so far, by id: `journal.operation` and `journal.undoableFor` read them. */
  operations: Map<string, JournalOperation>
  /** Differences the undo reports per account key (none: the account is back). */
  undoDifferences: Map<string, string[]>
}

const matches = (account: PersonAccount, text: string) =>
  [account.displayName, account.email, account.userName].some((value) => value?.toLowerCase().includes(text.toLowerCase()))

function deprovisionEntry(account: PersonAccount, operationId: string, number: number): JournalEntry {
  return {
    id: `entry-${operationId}-${number}`,
    time: '2026-12-06T10:00:00.000Z',
    actor: 'helpdesk',
    action: 'deprovision',
    profileId: account.profileId,
    profileName: account.profileName,
    connectorId: account.connectorId,
    target: { objectType: 'users', id: account.userId, name: account.displayName },
    related: null,
    summary: `Deprovisioned ${account.displayName} in ${account.application}`,
    changes: [],
    recorded: { status: account.statusLabel, groups: ['Sales'] },
    outcome: { status: 'applied', time: '2026-12-06T10:00:01.000Z', message: 'Deprovisioned.', steps: [], reconciled: false, details: {} },
    undo: { available: true, reason: null, undoneBy: null },
    undoOf: null,
    completion: null,
    completes: null,
    operationId,
  }
}

/**
 * main's People service as the renderer meets it, over the fake api: `people.search` answers at
 * once with the profiles of the set and each profile's `people.results` follows — at once for the
 * profiles in `autoAnswer`, else when the test calls `answer` (a slow profile). `people.offboard`
 * emits `people.offboardProgress` for each account (queued, running, done or failed) before it
 * answers, as main's run does, and records the operation for `journal.*`.
 */
export function installFakePeopleMain(
  api: FakeLanyardApi,
  profiles: readonly ProfileView[],
  answers: Record<string, ProfileAnswer>,
  options: { autoAnswer?: readonly string[] } = {},
): FakePeopleMain {
  const main: FakePeopleMain = { searches: [], answer, failNext: new Map(), failSearches: new Map(), operations: new Map(), undoDifferences: new Map() }
  const everyAccount = () => Object.values(answers).flatMap((answer) => (Array.isArray(answer) ? answer : []))
  let operations = 0

  /** Changes an account where the fake target keeps it, so the next search finds it changed. */
  function setAccount(account: PersonAccount, change: Pick<PersonAccount, 'state' | 'statusLabel'>): void {
    const held = answers[account.profileId]
    if (!Array.isArray(held)) return
    const index = held.findIndex((candidate) => accountKey(candidate) === accountKey(account))
    if (index >= 0) held[index] = { ...held[index]!, ...change }
  }

  function results(profileId: string, searchId: string): PeopleResults {
    const search = main.searches.find((candidate) => candidate.searchId === searchId)
    const answer = main.failSearches.get(profileId) ?? answers[profileId] ?? []
    const failed = !Array.isArray(answer)
    return {
      searchId,
      profileId,
      status: failed ? 'failed' : 'found',
      accounts: failed ? [] : answer.filter((account) => matches(account, search?.input.search ?? '')),
      truncated: false,
      searched: 'the start of a username, email or name',
      error: failed ? answer : null,
    }
  }

  function answer(profileId: string, searchId = main.searches.at(-1)?.searchId ?? ''): void {
    api.emit('people.results', results(profileId, searchId))
  }

  api.answer('people.search', (input) => {
    const searchId = `search-${main.searches.length + 1}`
    main.searches.push({ searchId, input: input as PeopleSearchInput })
    const inSet = profiles.filter((profile) => profile.environment === input.profileSet)
    // After the answer, as main's per-profile searches finish on their own.
    setTimeout(() => inSet.filter((profile) => options.autoAnswer?.includes(profile.id)).forEach((profile) => answer(profile.id, searchId)))
    return { ok: true, value: { searchId, profiles: inSet.map((profile) => ({ profileId: profile.id, profileName: profile.name, connectorId: profile.connectorId })) } }
  })
  api.answer('people.cancel', () => ({ ok: true, value: null }))

  api.answer('people.planOffboarding', (input) => {
    const steps = input.accounts.map((ref): OffboardingStep => {
      const account = everyAccount().find((candidate) => accountKey(candidate) === accountKey(ref))
      if (!account) throw new Error(`The fake People main has no account ${accountKey(ref)}.`)
      const skip = account.state === 'deprovisioned'
      return {
        account,
        action: skip ? 'skip' : 'deprovision',
        reason: skip ? `Already deprovisioned (${account.statusLabel})` : null,
        effect: skip ? [] : [`Deactivates the user in ${account.application} and ends their sessions`],
        recorded: { status: account.statusLabel, memberships: [{ kind: 'groups', names: ['Sales'] }] },
      }
    })
    return { ok: true, value: { steps } }
  })

  api.answer('people.offboard', (input) => {
    const operationId = input.operationId ?? `op-${++operations}`
    const earlier = main.operations.get(operationId)
    const entries = [...(earlier?.entries ?? [])]
    const report: OffboardReport['accounts'] = []
    const progress = (ref: { profileId: string; userId: string }, state: 'queued' | 'running' | 'done' | 'failed', entryId: string | null, message: string | null) =>
      api.emit('people.offboardProgress', { operationId, ...ref, state, entryId, message })
    for (const ref of input.accounts) progress(ref, 'queued', null, null)
    for (const ref of input.accounts) {
      const account = everyAccount().find((candidate) => accountKey(candidate) === accountKey(ref))
      if (!account) throw new Error(`The fake People main has no account ${accountKey(ref)}.`)
      progress(ref, 'running', null, null)
      const error = main.failNext.get(accountKey(ref))
      if (error) {
        main.failNext.delete(accountKey(ref))
        progress(ref, 'failed', null, error.message)
        report.push({ ...ref, result: 'failed', entryId: null, error })
        continue
      }
      const entry = deprovisionEntry(account, operationId, entries.length + 1)
      entries.push(entry)
      // As the target now answers a search for them.
      setAccount(account, { state: 'deprovisioned', statusLabel: 'DEPROVISIONED' })
      progress(ref, 'done', entry.id, null)
      report.push({ ...ref, result: 'done', entryId: entry.id, error: null })
    }
    const operation: JournalOperation = {
      id: operationId,
      time: '2026-12-06T10:00:00.000Z',
      actor: 'helpdesk',
      action: 'offboard',
      title: `Offboarding of ${input.personName}`,
      undoOf: null,
      entries,
      undo: { available: entries.length > 0, reason: entries.length > 0 ? null : 'Nothing was deprovisioned', undoneBy: null, undoable: entries.length },
    }
    main.operations.set(operationId, operation)
    return { ok: true, value: { operation, accounts: report } }
  })

  api.answer('journal.operation', ({ operationId }) => {
    const operation = main.operations.get(operationId)
    return operation ? { ok: true, value: operation } : { ok: false, error: { code: 'not_found', message: 'No such operation.' } }
  })
  api.answer('journal.undoableFor', ({ profileId, userId }) => {
    const entry = [...main.operations.values()].flatMap((operation) => operation.entries).find((candidate) => candidate.profileId === profileId && candidate.target.id === userId)
    return { ok: true, value: entry ?? null }
  })
  api.answer('journal.undoOperation', ({ operationId }) => {
    const operation = main.operations.get(operationId)
    if (!operation) return { ok: false, error: { code: 'not_found', message: 'No such operation.' } }
    const children = [...operation.entries].reverse().map((entry) => {
      const differences = main.undoDifferences.get(`${entry.profileId}:${entry.target.id}`) ?? []
      const account = everyAccount().find((candidate) => accountKey(candidate) === `${entry.profileId}:${entry.target.id}`)
      if (account) setAccount(account, { state: 'active', statusLabel: entry.recorded?.status ?? 'ACTIVE' })
      return { entryId: entry.id, summary: entry.summary, result: 'undone' as const, message: differences.length ? 'Undone; some differences remain.' : 'Undone.', undoEntryId: `undo-${entry.id}`, differences }
    })
    const undoOperation: JournalOperation = { ...operation, id: `undo-${operationId}`, title: `Undo of ${operation.title}`, undoOf: operationId, entries: [] }
    main.operations.set(operationId, { ...operation, undo: { available: false, reason: 'Already undone', undoneBy: undoOperation.id, undoable: 0 } })
    return { ok: true, value: { operation: undoOperation, children } }
  })
  return main
}
