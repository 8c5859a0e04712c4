import { randomBytes } from 'node:crypto'
import { writeSync } from 'node:fs'
import { createServices } from '../../../electron/services/createServices'
import { createLogger } from '../../../electron/logging/createLogger'
import { KeytarSecretStore } from '../../../electron/secrets/KeytarSecretStore'
import { createRandom } from '../../../electron/sandbox/framework/random'
import type { Handlers } from '../../../shared/contract'
import { allJournalEntries } from '../../support/journalPages'

/**
 * The process the crash audit kills: the real services (profiles on disk, secrets in the keychain
 * named by LANYARD_KEYCHAIN_SERVICE, the journal) on LANYARD_HOME, running a loop of profile
 * saves, deletes and journaled changes against the sandbox tenant the parent keeps alive
 * (LANYARD_AUDIT_TENANT: its URL, token and the users and groups to change). Every operation that
 * returned is acknowledged on stdout, one JSON line, written synchronously before the next begins:
 * what the parent holds the next start to.
 */
export interface CrashTenant {
  url: string
  token: string
  /** Users the driver may change, and the groups it may add them to. */
  users: string[]
  groups: string[]
}

export type Acknowledgement =
  | { op: 'ready' }
  | { op: 'saved'; id: string; name: string; secret: string }
  /** Written before the delete starts: a kill before `deleted` may leave the profile either way. */
  | { op: 'deleting'; id: string }
  | { op: 'deleted'; id: string }
  | { op: 'changed'; entryId: string; action: string; status: string }
  | { op: 'refused'; what: string; code: string; message: string }

export const tenantProfileName = 'Audit tenant'
export const savedProfilePrefix = 'Crash '

function acknowledge(line: Acknowledgement): void {
  writeSync(1, `${JSON.stringify(line)}\n`)
}

async function main(): Promise<void> {
  const dataDirectory = process.env.LANYARD_HOME!
  const tenant = JSON.parse(process.env.LANYARD_AUDIT_TENANT!) as CrashTenant
  const random = createRandom(process.env.LANYARD_AUDIT_SEED ?? 'crash')
  const services = await createServices({
    dataDirectory,
    secretStore: new KeytarSecretStore(),
    logger: createLogger({ directory: dataDirectory, console: false }),
    appVersion: 'audit',
    platform: process.platform,
    openExternal: async () => undefined,
    emit: () => undefined,
  })
  const handlers: Handlers = services.handlers
  const profiles = await handlers['profiles.list']({})
  const tenantProfile =
    profiles.find((profile) => profile.name === tenantProfileName) ??
    (await handlers['profiles.create']({ connectorId: 'okta', name: tenantProfileName, environment: 'sandbox', values: { url: tenant.url }, secrets: { token: tenant.token } }))
  acknowledge({ op: 'ready' })

  for (;;) {
    const roll = random.next()
    try {
      if (roll < 0.35) await save(handlers, random)
      else if (roll < 0.6) await remove(handlers, random)
      else await change(handlers, tenantProfile.id, tenant, random)
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string }
      acknowledge({ op: 'refused', what: roll < 0.35 ? 'save' : roll < 0.6 ? 'delete' : 'change', code: code ?? 'thrown', message: message ?? String(error) })
    }
  }
}

async function save(handlers: Handlers, random: ReturnType<typeof createRandom>): Promise<void> {
  const name = `${savedProfilePrefix}${random.integer(1e9).toString(36)}`
  const secret = `crash-secret-${randomBytes(9).toString('hex')}`
  const profile = await handlers['profiles.create']({ connectorId: 'okta', name, environment: 'real', values: { url: 'https://crash-audit.example.com' }, secrets: { token: secret } })
  acknowledge({ op: 'saved', id: profile.id, name, secret })
}

async function remove(handlers: Handlers, random: ReturnType<typeof createRandom>): Promise<void> {
  const saved = (await handlers['profiles.list']({})).filter((profile) => profile.name.startsWith(savedProfilePrefix))
  if (saved.length === 0) return
  const { id } = random.pick(saved)
  acknowledge({ op: 'deleting', id })
  await handlers['profiles.delete']({ profileId: id })
  acknowledge({ op: 'deleted', id })
}

/** A deprovision, title update or membership change of a user no earlier change touched (changes stay independent). */
async function change(handlers: Handlers, profileId: string, tenant: CrashTenant, random: ReturnType<typeof createRandom>): Promise<void> {
  const touched = new Set((await allJournalEntries(handlers)).map((entry) => entry.target.id))
  const free = tenant.users.filter((userId) => !touched.has(userId))
  if (free.length === 0) return
  const userId = random.pick(free)
  const roll = random.next()
  if (roll < 0.4) {
    const entry = await handlers['directory.deprovision']({ profileId: profileId, userId })
    acknowledge({ op: 'changed', entryId: entry.id, action: entry.action, status: entry.outcome.status })
    return
  }
  if (roll < 0.7) {
    await handlers['directory.update']({ profileId: profileId, objectType: 'users', objectId: userId, changes: { title: `Crash ${random.integer(1e9).toString(36)}` } })
  } else {
    await handlers['directory.addMember']({ profileId: profileId, groupType: 'groups', groupId: random.pick(tenant.groups), userId })
  }
  const [latest] = (await handlers['journal.list']({ targetId: userId, limit: 1 })).entries
  if (latest) acknowledge({ op: 'changed', entryId: latest.id, action: latest.action, status: latest.outcome.status })
}

main().catch((error: unknown) => {
  console.error('crash driver could not run:', error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
