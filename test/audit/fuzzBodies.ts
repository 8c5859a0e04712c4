import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { defaultBodyLimits } from '../../electron/preview/requestBody'
import type { AuditOptions, AuditRow } from './auditTable'
import { callBridge } from './fuzzDoors'
import { answerProblems, Findings } from './fuzzFindings'
import type { AuditApp } from './fuzzRig'

/** More than the bridge may keep once every body is collected: RSS growth past this is memory kept. */
const keptMemoryLimitBytes = 100 * 1024 * 1024
const megabyte = 1024 * 1024

interface HugeBody {
  what: string
  call: string
  body: () => string
  /** The HTTP status the bridge must answer with, when only one is right. */
  status?: number
  /**
   * How far RSS may rise while this body is handled: the body itself a few times over (the
   * audit's own copy, the bridge's buffer and text) and, for a body the bridge may parse, its
   * objects. A depth cap means nested bodies are refused before they become millions of objects.
   */
  maxRiseBytes: number
}

/** Just past what the bridge reads: its limit follows the largest legitimate call (a profile import). */
const overLimitBytes = defaultBodyLimits.bytes + megabyte

const hugeBodies: HugeBody[] = [
  { what: '8 MB of nested arrays', call: 'profiles.list', body: () => '['.repeat(4 * megabyte) + ']'.repeat(4 * megabyte), maxRiseBytes: 64 * megabyte },
  { what: '7 MB of nested objects', call: 'profiles.get', body: () => '{"a":'.repeat(megabyte) + '1' + '}'.repeat(megabyte), maxRiseBytes: 64 * megabyte },
  { what: '9 MB of small objects', call: 'journal.list', body: () => `[${new Array(megabyte).fill('{"a":[]}').join(',')}]`, maxRiseBytes: 300 * megabyte },
  { what: 'a 9 MB string field', call: 'profiles.importPreview', body: () => JSON.stringify({ content: 'x'.repeat(9 * megabyte) }), maxRiseBytes: 150 * megabyte },
  {
    what: `a ${Math.round(overLimitBytes / megabyte)} MB body, over the bridge's limit`,
    call: 'profiles.list',
    body: () => JSON.stringify({ pad: 'x'.repeat(overLimitBytes) }),
    status: 413,
    maxRiseBytes: 150 * megabyte,
  },
]

/**
 * Huge and deeply nested bodies through the bridge: each must be answered (a 4xx, never a reset
 * or a 5xx) without memory rising far past the body's own size, and the process's memory must
 * come back near where it was once they are collected.
 */
export async function measureBodies(app: AuditApp, options: AuditOptions, secrets: ReadonlyMap<string, string>): Promise<AuditRow> {
  const findings = new Findings()
  const rounds = options.depth === 'quick' ? 1 : 4
  const collect = garbageCollector()
  const baseline = await settledRss(collect)
  const rises = new Map<string, number>()
  for (let round = 0; round < rounds; round++) {
    for (const huge of hugeBodies) {
      const before = await settledRss(collect)
      const answer = await callBridge(app.bridge.origin, { rawName: huge.call, body: huge.body(), token: app.token, origin: app.bridge.origin })
      const rise = process.memoryUsage().rss - before
      rises.set(huge.what, Math.max(rise, rises.get(huge.what) ?? 0))
      const { problems, result } = answerProblems(answer, secrets)
      if (!('noAnswer' in answer)) {
        if (result?.ok) problems.push('accepted')
        else if (huge.status && answer.status !== huge.status) problems.push(`HTTP ${answer.status} instead of ${huge.status}`)
      }
      if (rise > huge.maxRiseBytes) problems.push(`RSS rose ${mb(rise)} (limit ${mb(huge.maxRiseBytes)})`)
      findings.record(problems, huge.call, huge.what)
    }
  }
  const after = await settledRss(collect)
  const kept = after - baseline
  findings.record(kept > keptMemoryLimitBytes ? [`${mb(kept)} of RSS kept after the bodies`] : [], 'memory', `limit ${mb(keptMemoryLimitBytes)}`)
  const risesText = [...rises].map(([what, rise]) => `${what} +${mb(rise)}`).join(', ')
  const figures = `RSS ${mb(baseline)} before, ${mb(after)} after (delta ${mb(kept)}); rise while handled: ${risesText}`
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
