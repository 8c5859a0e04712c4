import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRandom } from '../../electron/sandbox/framework/random'
import { startOktaSandbox, type RunningOktaSandbox } from '../../electron/sandbox/okta/startOktaSandbox'
import { KeytarSecretStore, keychainServiceVariable } from '../../electron/secrets/KeytarSecretStore'
import type { AuditOptions, AuditRow } from './auditTable'
import { checkRestart, type Expectations } from './crashChecks'
import type { Acknowledgement, CrashTenant } from './support/crashDriver'

/**
 * Part D of the audit: `kill -9` of a real process at random moments while it saves and deletes
 * profiles and journals changes, then a restart on the same folder and keychain, checked: the
 * files valid, the chain intact, nothing acknowledged lost, no leftovers in either store, every
 * unfinished intent settled as the tenant really is. The tenant lives in this process, so it
 * outlives every kill.
 */
const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url))
const driverPath = join(repositoryRoot, 'test/audit/support/crashDriver.ts')

export async function runCrashAudit(options: AuditOptions): Promise<AuditRow[]> {
  const kills = options.depth === 'quick' ? 4 : 50
  const service = keychainService(options.seed)
  const random = createRandom(`crash:${options.seed}`)
  // A tenant a little slow to answer, so kills land inside journaled changes as well as saves.
  const sandbox = await startOktaSandbox({ users: options.depth === 'quick' ? 100 : 600, seed: `crash-${options.seed}`, latencyMs: 25 })
  const dataDirectory = mkdtempSync(join(tmpdir(), 'lanyard-audit-crash-'))
  const store = new KeytarSecretStore({ service })
  const expectations: Expectations = { saved: new Map(), deleting: new Set(), deleted: new Set(), changed: new Map() }
  const failures = new Map<string, string[]>()
  const seen = new Set<string>()
  let acknowledged = 0
  let settled = 0
  try {
    const tenant = crashTenant(sandbox)
    for (let kill = 0; kill < kills; kill++) {
      const lines = await runAndKill({ dataDirectory, service, tenant, seed: `${options.seed}:${kill}`, delayMs: random.integer(900) })
      for (const line of lines) remember(expectations, line)
      acknowledged += lines.filter((line) => line.op === 'saved' || line.op === 'deleted' || line.op === 'changed').length
      const result = await checkRestart({ dataDirectory, store, sandbox, expectations })
      settled += result.settled
      for (const [check, problems] of Object.entries(result.problems)) {
        // A state left broken is found again after every later kill: counted once, at the kill that made it.
        const fresh = problems.filter((problem) => !seen.has(`${check}: ${problem}`))
        for (const problem of fresh) seen.add(`${check}: ${problem}`)
        if (fresh.length > 0) failures.set(check, [...(failures.get(check) ?? []), ...fresh.map((problem) => `kill ${kill + 1}: ${problem}`)])
      }
    }
  } finally {
    await removeKeychainEntries(service)
    await sandbox.close()
    rmSync(dataDirectory, { recursive: true, force: true })
  }
  const checks = ['profiles.json valid', 'journal chain intact', 'nothing acknowledged lost', 'no leftover temp files', 'no profile without its secret', 'no orphaned secret', 'unfinished intents settled correctly']
  return [
    { check: 'crash: kill -9 during saves, deletes, changes', tried: kills, failed: 0, details: `seed ${options.seed}; ${acknowledged} operations acknowledged before the kills; ${settled} unfinished intents settled at restart` },
    ...checks.map((check) => {
      const found = failures.get(check) ?? []
      return { check: `crash: ${check}`, tried: kills, failed: found.length, details: found.slice(0, 12).join(' | ') + (found.length > 12 ? ` | … ${found.length - 12} more` : '') || '0' }
    }),
  ]
}

function remember(expectations: Expectations, line: Acknowledgement): void {
  if (line.op === 'saved') expectations.saved.set(line.id, { name: line.name, secret: line.secret })
  if (line.op === 'deleting') expectations.deleting.add(line.id)
  if (line.op === 'deleted') {
    expectations.saved.delete(line.id)
    expectations.deleting.delete(line.id)
    expectations.deleted.add(line.id)
  }
  if (line.op === 'changed') expectations.changed.set(line.entryId, line.status)
}

/** A keychain service of this run's own, beside the tests' one, so listing it finds only this run's entries. */
function keychainService(seed: number): string {
  const base = process.env[keychainServiceVariable]?.trim()
  if (!base) throw new Error(`The crash audit writes to the keychain: run it with ${keychainServiceVariable} set (npm run audit and npm test do).`)
  return `${base}-crash-audit-${seed}-${process.pid}`
}

function crashTenant(sandbox: RunningOktaSandbox): CrashTenant {
  const { tenant } = sandbox
  const users = tenant.users().filter((user) => user.status === 'ACTIVE' && user.id !== tenant.adminUser.id).map((user) => user.id)
  const groups = tenant.groups().filter((group) => group.type === 'OKTA_GROUP').map((group) => group.id)
  return { url: sandbox.url, token: sandbox.credentials.token!, users, groups }
}

/** Starts the driver, lets it run `delayMs` past start-up, SIGKILLs it and returns what it acknowledged. */
function runAndKill(run: { dataDirectory: string; service: string; tenant: CrashTenant; seed: string; delayMs: number }): Promise<Acknowledgement[]> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx as its loader: the tsx command would run the driver in a grandchild that a kill of the child misses.
    const child = spawn(process.execPath, ['--import', 'tsx', driverPath], {
      cwd: repositoryRoot,
      env: { ...process.env, LANYARD_HOME: run.dataDirectory, [keychainServiceVariable]: run.service, LANYARD_AUDIT_TENANT: JSON.stringify(run.tenant), LANYARD_AUDIT_SEED: run.seed },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    let errors = ''
    let timer: NodeJS.Timeout | undefined
    let stuck = false
    const giveUp = setTimeout(() => {
      stuck = true
      child.kill('SIGKILL')
    }, 60_000)
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8')
      if (!timer && output.includes('"op":"ready"')) timer = setTimeout(() => child.kill('SIGKILL'), run.delayMs)
    })
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (_code, signal) => {
      clearTimeout(timer)
      clearTimeout(giveUp)
      if (signal !== 'SIGKILL' || stuck) return reject(new Error(`The crash driver ${stuck ? 'did not start within 60 s' : 'stopped by itself'}: ${errors.slice(-2000)}`))
      // Only whole lines count: a line cut by the kill was never acknowledged.
      const lines = output.split('\n').slice(0, -1).filter((line) => line.startsWith('{'))
      resolve(lines.map((line) => JSON.parse(line) as Acknowledgement))
    })
  })
}

async function removeKeychainEntries(service: string): Promise<void> {
  const keytar = (await import('keytar')).default
  for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account)
}
