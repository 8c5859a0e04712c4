import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { splitJournalText, verifyChain } from '../../electron/journal/verifyChain'
import { profileFileSchema } from '../../electron/profiles/profileFileSchema'
import { secretKeysOf } from '../../electron/profiles/secretCleanup'
import type { RunningOktaSandbox } from '../../electron/sandbox/okta/startOktaSandbox'
import type { KeytarSecretStore } from '../../electron/secrets/KeytarSecretStore'
import type { JournalEntry } from '../../shared/journal'
import { createTestServices } from '../support/createTestServices'
import { judgeChange, type Effect } from './faultOracle'
import { allJournalEntries } from '../support/journalPages'

/** What the killed processes acknowledged, over every kill so far. */
export interface Expectations {
  saved: Map<string, { name: string; secret: string }>
  /** Saved profiles whose delete was under way at a kill: gone or kept are both right (but kept whole). */
  deleting: Set<string>
  deleted: Set<string>
  /** Journal entry id → the outcome status the caller was given. */
  changed: Map<string, string>
}

export type CrashCheck =
  | 'profiles.json valid'
  | 'journal chain intact'
  | 'nothing acknowledged lost'
  | 'no leftover temp files'
  | 'no profile without its secret'
  | 'no orphaned secret'
  | 'unfinished intents settled correctly'

/**
 * One restart after a kill, as the app would do it: the services on the same folder and keychain,
 * start-up settling against the tenant, then closed (so the start-up repairs have finished) and
 * both stores read directly. Returns the problems found, by check.
 */
export async function checkRestart(run: {
  dataDirectory: string
  store: KeytarSecretStore
  sandbox: RunningOktaSandbox
  expectations: Expectations
}): Promise<{ settled: number; problems: Partial<Record<CrashCheck, string[]>> }> {
  const { dataDirectory, store, sandbox, expectations } = run
  const problems: Partial<Record<CrashCheck, string[]>> = {}
  const report = (check: CrashCheck, problem: string) => (problems[check] ??= []).push(problem)

  const asLeft = readProfilesFile(dataDirectory)
  if (typeof asLeft === 'string') report('profiles.json valid', `as the kill left it: ${asLeft}`)

  const services = await createTestServices(dataDirectory, { secretStore: store })
  let settledEntries: JournalEntry[]
  let entries: JournalEntry[]
  try {
    settledEntries = await services.handlers['journal.reconciled']({})
    entries = await allJournalEntries(services.handlers)
    const verification = await services.handlers['journal.verify']({})
    if (!verification.intact) report('journal chain intact', verification.problem?.reason ?? 'broken')
  } finally {
    await services.close()
  }

  for (const entry of settledEntries) {
    const { effect, observed } = effectAtTenant(sandbox, entry)
    for (const problem of judgeChange({ label: `${entry.action} ${entry.target.id}`, action: entry.action, entryId: entry.id, effect, observed }, new Map([[entry.id, entry]]))) {
      report('unfinished intents settled correctly', `${problem.finding}: ${problem.description}`)
    }
  }
  const byId = new Map(entries.map((entry) => [entry.id, entry]))
  for (const [entryId, status] of expectations.changed) {
    const entry = byId.get(entryId)
    if (!entry) report('nothing acknowledged lost', `change ${entryId} (${status}) is not in the journal`)
    else if (status !== 'pending' && entry.outcome.status !== status) report('nothing acknowledged lost', `change ${entryId} was acknowledged ${status}, the journal now says ${entry.outcome.status}`)
  }

  const journalPath = join(dataDirectory, 'journal.jsonl')
  const onDisk = existsSync(journalPath) ? verifyChain(splitJournalText(readFileSync(journalPath))) : { intact: true, problem: null }
  if (!onDisk.intact) report('journal chain intact', `on disk after the restart: ${onDisk.problem?.reason}`)
  const file = readProfilesFile(dataDirectory)
  if (typeof file === 'string') {
    report('profiles.json valid', `after the restart: ${file}`)
    return { settled: settledEntries.length, problems }
  }
  const moved = readdirSync(dataDirectory).filter((name) => name.startsWith('profiles.corrupt-'))
  if (moved.length > 0) report('profiles.json valid', `moved aside as unreadable: ${moved.join(', ')}`)
  const leftovers = readdirSync(dataDirectory).filter((name) => /^\.profiles\.json\..*\.tmp$/.test(name))
  if (leftovers.length > 0) report('no leftover temp files', `${leftovers.length} left: ${leftovers.join(', ')}`)

  const profileIds = new Set(file.profiles.map((profile) => profile.id))
  for (const [id, { name, secret }] of expectations.saved) {
    const interrupted = expectations.deleting.has(id)
    if (!profileIds.has(id)) {
      if (interrupted) expectations.saved.delete(id)
      else report('nothing acknowledged lost', `saved profile ${name} is gone`)
    } else {
      const stored = await store.get(id, 'token')
      // A profile kept by an interrupted delete without its secret shows under "no profile without its secret".
      if (stored !== secret && !(interrupted && stored === null)) report('nothing acknowledged lost', `saved profile ${name} (${id}) lost its secret`)
    }
  }
  for (const id of expectations.deleted) if (profileIds.has(id)) report('nothing acknowledged lost', `deleted profile ${id} is back`)
  for (const profile of file.profiles) {
    for (const key of secretKeysOf(profile.connectorId)) {
      if ((await store.get(profile.id, key)) === null) {
        const when = expectations.deleting.has(profile.id) ? 'its delete was interrupted' : expectations.saved.has(profile.id) ? 'saved and acknowledged' : 'its save was interrupted'
        report('no profile without its secret', `${profile.name} (${profile.id}, ${when}) has no ${key}`)
      }
    }
  }
  const pending = new Set(file.pendingSecretRemovals.map((removal) => removal.profileId))
  const keytar = (await import('keytar')).default
  for (const { account } of await keytar.findCredentials(store.service)) {
    const profileId = account.split('/')[0] ?? ''
    if (!profileIds.has(profileId) && !pending.has(profileId)) report('no orphaned secret', `${account} belongs to no profile`)
  }
  return { settled: settledEntries.length, problems }
}

function readProfilesFile(dataDirectory: string) {
  let text: string
  try {
    text = readFileSync(join(dataDirectory, 'profiles.json'), 'utf8')
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code})`
  }
  try {
    const parsed = profileFileSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : `does not match its schema: ${parsed.error.message.slice(0, 200)}`
  } catch {
    return 'is not JSON'
  }
}

/** What the tenant holds for a change the crash driver makes (see crashDriver.ts). */
function effectAtTenant(sandbox: RunningOktaSandbox, entry: JournalEntry): { effect: Effect; observed: string } {
  const user = sandbox.tenant.user(entry.target.id)
  if (!user) return { effect: 'none', observed: 'the user is gone' }
  if (entry.action === 'deprovision') return { effect: user.status === 'SUSPENDED' ? 'full' : user.status === 'ACTIVE' ? 'none' : 'partial', observed: `status ${user.status}` }
  if (entry.action === 'update') {
    const wanted = entry.changes.find((change) => change.attribute === 'title')?.after
    return { effect: user.profile.title === wanted ? 'full' : 'none', observed: `title ${JSON.stringify(user.profile.title)}` }
  }
  const groupId = entry.related?.id ?? ''
  const isMember = sandbox.tenant.groupsOf(user.id).some((group) => group.id === groupId)
  const wanted = entry.action === 'addMember'
  return { effect: isMember === wanted ? 'full' : 'none', observed: isMember ? `in ${groupId}` : `not in ${groupId}` }
}
