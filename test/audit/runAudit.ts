import { printAuditTable, type AuditOptions, type AuditRow } from './auditTable'
import { runCanaryAudit } from './canaryAudit'
import { runCanaryBrowserAudit } from './canaryBrowser'
import { runCrashAudit } from './crashAudit'
import { runFaultAudit } from './faultAudit'
import { runFuzzAudit } from './fuzzAudit'

/**
 * `npm run audit`: Lanyard driven from outside, as an auditor would — malformed calls, canary
 * secrets, faulty tenants checked against their real state, and kill -9 at random moments —
 * with a random seed (printed, and taken from LANYARD_AUDIT_SEED to replay a run). Prints one
 * table; exits non-zero when any case broke a rule, since every rule here is a correctness one.
 */
type AuditPart = (options: AuditOptions) => Promise<AuditRow[]>

const parts: AuditPart[] = [runFuzzAudit, runCanaryAudit, runCanaryBrowserAudit, runFaultAudit, runCrashAudit]

async function main(): Promise<void> {
  const seed = Number(process.env.LANYARD_AUDIT_SEED ?? Math.floor(Math.random() * 2 ** 31))
  console.log(`Audit seed ${seed} (replay with LANYARD_AUDIT_SEED=${seed} npm run audit)`)
  const rows: AuditRow[] = []
  for (const part of parts) rows.push(...(await part({ seed, depth: 'full' })))
  console.log('')
  printAuditTable(rows)
  if (rows.some((row) => row.failed > 0)) process.exitCode = 1
}

main().catch((error: unknown) => {
  console.error('The audit could not run:', error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
