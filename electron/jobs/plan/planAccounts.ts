import type { JobPlanRow } from '../../../shared/jobs'
import type { PersonAccount } from '../../../shared/people'
import { groupPeople } from '../../../shared/personGrouping'
import type { Journal } from '../../journal/Journal'
import type { Logger } from '../../logging/Logger'
import { errorValue } from '../../people/perProfile'
import type { StoredProfile } from '../../profiles/profileFileSchema'
import { deprovisionChange, undoChange } from './accountChanges'
import type { LineLookup, RequestTally } from './lineAccounts'

export interface AccountPlanContext {
  lookup: LineLookup
  journal: Journal
  logger: Logger
  /** What this plan has sent: its estimate says it apart from the run's requests. */
  spent: RequestTally
}

/**
 * Offboarding a list: each line looked up in every profile of the set (profiles side by side),
 * its exact matches grouped into people as the People view groups them. One person: each active
 * account deprovisioned. Nobody, or two people: a problem to fix. A person a line before already
 * named: skipped, naming that line.
 */
export async function planOffboardLines(context: AccountPlanContext, profiles: readonly StoredProfile[], lines: readonly string[]): Promise<JobPlanRow[]> {
  const found = await lookEverywhere(context, profiles, lines)
  const seen = new Map<string, number>()
  return lines.map((input, index) => {
    const line = index + 1
    const { accounts, failures } = found[index]!
    const people = groupPeople(accounts)
    if (people.length === 0) return problem(line, input, failures.length > 0 ? failures.join(' ') : `No account in any application matches "${input.trim()}" exactly.`)
    if (people.length > 1) return problem(line, input, `"${input.trim()}" matches ${people.length} people: ${people.map((person) => person.displayName).join('; ')}. Use an email instead.`)
    const person = people[0]!
    const weak = person.weak ? [`Accounts joined by name only (${person.accounts.filter((grouped) => grouped.basis === 'name').map((grouped) => grouped.account.profileName).join(', ')}): check they are the same person.`] : []
    return accountsRow(line, input, person.accounts.map((grouped) => grouped.account), seen, [...failures, ...weak])
  })
}

/** Deprovisioning (or undoing) a list in one profile: each line one account of it. */
export async function planProfileLines(context: AccountPlanContext, profile: StoredProfile, lines: readonly string[], undo: boolean): Promise<JobPlanRow[]> {
  const seen = new Map<string, number>()
  return (await planProfileMatches(context, profile, lines)).map((row) => {
    if (!('account' in row)) return row
    return undo ? undoRow(context, row.line, row.input, row.account, seen) : accountsRow(row.line, row.input, [row.account], seen, [])
  })
}

/** Each line matched to exactly one account of the profile, or a problem saying why not; a repeated account is skipped. */
export async function planProfileMatches(context: AccountPlanContext, profile: StoredProfile, lines: readonly string[]): Promise<(JobPlanRow | { line: number; input: string; account: PersonAccount })[]> {
  const found = await lookEverywhere(context, [profile], lines)
  const seen = new Map<string, number>()
  return lines.map((input, index) => {
    const line = index + 1
    const { accounts, failures } = found[index]!
    if (failures.length > 0) return problem(line, input, failures.join(' '))
    if (accounts.length === 0) return problem(line, input, `No account in ${profile.name} matches "${input.trim()}" exactly.`)
    if (accounts.length > 1) return problem(line, input, `"${input.trim()}" matches ${accounts.length} accounts in ${profile.name}: ${accounts.map((account) => account.userName ?? account.displayName).join(', ')}.`)
    const account = accounts[0]!
    const earlier = seen.get(account.userId)
    if (earlier !== undefined) return { line, input, state: 'skip', reason: `Same account as line ${earlier}.`, changes: [] }
    seen.set(account.userId, line)
    return { line, input, account }
  })
}

function accountsRow(line: number, input: string, accounts: readonly PersonAccount[], seen: Map<string, number>, failures: string[]): JobPlanRow {
  const keys = accounts.map((account) => `${account.profileId}/${account.userId}`)
  const earlier = keys.map((key) => seen.get(key)).find((found) => found !== undefined)
  if (earlier !== undefined) return { line, input, state: 'skip', reason: `Same person as line ${earlier}.`, changes: [] }
  for (const key of keys) seen.set(key, line)
  const active = accounts.filter((account) => account.state !== 'deprovisioned')
  const gone = accounts.filter((account) => account.state === 'deprovisioned').map((account) => account.profileName)
  const notes = [...(gone.length > 0 ? [`Already deprovisioned in ${gone.join(', ')}.`] : []), ...failures]
  if (active.length === 0) return { line, input, state: 'skip', reason: notes.join(' ') || 'Already deprovisioned.', changes: [] }
  return { line, input, state: 'ready', reason: notes.length > 0 ? notes.join(' ') : null, changes: active.map(deprovisionChange) }
}

function undoRow(context: AccountPlanContext, line: number, input: string, account: PersonAccount, seen: Map<string, number>): JobPlanRow {
  const key = `${account.profileId}/${account.userId}`
  const earlier = seen.get(key)
  if (earlier !== undefined) return { line, input, state: 'skip', reason: `Same account as line ${earlier}.`, changes: [] }
  seen.set(key, line)
  const deprovision = context.journal.undoableFor(account.profileId, account.userId)
  if (!deprovision) return { line, input, state: 'skip', reason: `${account.displayName} has no deprovision in the journal that can be undone.`, changes: [] }
  return { line, input, state: 'ready', reason: null, changes: [undoChange(account, deprovision.id, deprovision.recorded?.status ?? '')] }
}

function problem(line: number, input: string, reason: string): JobPlanRow {
  return { line, input, state: 'problem', reason, changes: [] }
}

/** Every line looked up in every profile (profiles side by side): each line's accounts, and the profiles it could not be looked up in. */
async function lookEverywhere(context: AccountPlanContext, profiles: readonly StoredProfile[], lines: readonly string[]): Promise<{ accounts: PersonAccount[]; failures: string[] }[]> {
  const answers = await Promise.all(profiles.map((profile) => context.lookup.linesIn(profile, lines, context.spent)))
  return lines.map((_, index) =>
    profiles.reduce<{ accounts: PersonAccount[]; failures: string[] }>(
      (line, profile, at) => {
        const answer = answers[at]![index]!
        if (answer.failure === null) line.accounts.push(...answer.accounts)
        else line.failures.push(`Not looked up in ${profile.name}: ${errorValue(answer.failure, context.logger, 'job plan lookup').message}`)
        return line
      },
      { accounts: [], failures: [] },
    ),
  )
}
