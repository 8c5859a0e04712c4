import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { AuditOptions, AuditRow } from './auditTable'
import { callBridge } from './fuzzDoors'
import { answerProblems, Findings } from './fuzzFindings'
import type { AuditApp } from './fuzzRig'

/** More than the bridge keeps in memory for one call: RSS growth past this, after collection, is memory kept. */
const keptMemoryLimitBytes = 100 * 1024 * 1024
/**
 * The most one of these bodies may add while it is handled: the body itself twice over (the
 * audit's own copy and the bridge's) and a parse capped in depth and size, with room to spare.
 */
const amplifiedMemoryLimitBytes = 300 * 1024 * 1024
const megabyte = 1024 * 1024

interface HugeBody {
  what: string
  call: string
  body: () => string
  /** The HTTP status the bridge must answer with, when only one is right. */
  status?: number
}

const hugeBodies: HugeBody[] = [
  { what: '8 MB of nested arrays', call: 'profiles.list', body: () => '['.repeat(4 * megabyte) + ']'.repeat(4 * megabyte) },
  { what: '7 MB of nested objects', call: 'profiles.get', body: () => '{"a":'.repeat(megabyte) + '1' + '}'.repeat(megabyte) },
  { what: '9 MB of small objects', call: 'journal.list', body: () => `[${new Array(megabyte).fill('{"a":[]}').join(',')}]` },
  { what: 'a 9 MB string field', call: 'profiles.importPreview', body: () => JSON.stringify({ content: 'x'.repeat(9 * megabyte) }) },
  { what: 'an 11 MB body, over the limit', call: 'profiles.list', body: () => JSON.stringify({ pad: 'x'.repeat(11 * megabyte) }), status: 413 },
]

/**
 * Huge and deeply nested bodies through the bridge: each must be answered (a 4xx, never a reset
 * or a 5xx), and the process's memory must come back near where it was once they are collected.
 */
export async function measureBodies(app: AuditApp, options: AuditOptions, secrets: ReadonlyMap<string, string>): Promise<AuditRow> {
  const findings = new Findings()
  const rounds = options.depth === 'quick' ? 1 : 4
  const collect = garbageCollector()
  const baseline = await settledRss(collect)
  let peak = baseline
  for (let round = 0; round < rounds; round++) {
    for (const huge of hugeBodies) {
      const answer = await callBridge(app.bridge.origin, { rawName: huge.call, body: huge.body(), token: app.token, origin: app.bridge.origin })
      peak = Math.max(peak, process.memoryUsage().rss)
      findings.tried++
      const { problems, result } = answerProblems(answer, secrets)
      for (const problem of problems) findings.add(problem, huge.call, huge.what)
      if (!('noAnswer' in answer)) {
        if (result?.ok) findings.add('accepted', huge.call, huge.what)
        else if (huge.status && answer.status !== huge.status) findings.add(`HTTP ${answer.status} instead of ${huge.status}`, huge.call, huge.what)
      }
    }
  }
  const after = await settledRss(collect)
  const kept = after - baseline
  if (kept > keptMemoryLimitBytes) findings.add(`${mb(kept)} of RSS kept after the bodies`, 'bridge', `limit ${mb(keptMemoryLimitBytes)}`)
  if (peak - baseline > amplifiedMemoryLimitBytes) {
    findings.add(`RSS rose ${mb(peak - baseline)} for bodies of at most 11 MB`, 'bridge', `limit ${mb(amplifiedMemoryLimitBytes)}`)
  }
  const figures = `RSS ${mb(baseline)} → peak ${mb(peak)} → ${mb(after)} after (delta ${mb(kept)})`
  return {
    check: 'fuzz: huge and deep bodies, memory after',
    tried: findings.tried,
    failed: findings.failed,
    details: findings.failed === 0 ? figures : `${findings.describe()}; ${figures}`,
  }
}

/** `gc()`, which Node keeps behind a flag: set at run time, then taken from a fresh context. */
function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

async function settledRss(collect: () => void): Promise<number> {
  for (let round = 0; round < 3; round++) {
    collect()
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return process.memoryUsage().rss
}

const mb = (bytes: number) => `${(bytes / megabyte).toFixed(0)} MB`
