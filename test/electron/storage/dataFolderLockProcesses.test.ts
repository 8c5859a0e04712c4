import { spawn, spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { dataFolderLockFile } from '../../../electron/paths'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url))
const takerPath = 'test/electron/storage/support/lockTaker.ts'
const temporaryDirectory = useTemporaryDirectories()

interface Outcome {
  pid: number
  won: boolean
  code: number | null
  message?: string
}

interface Taker {
  /** Resolves with the outcome line the process prints once it has tried. */
  outcome: Promise<Omit<Outcome, 'code'>>
  /** Resolves with the exit code; a winner exits once `letGo` closes its stdin. */
  exited: Promise<number | null>
  letGo(): void
}

/** Starts a real process that takes the lock at `startAt`. */
function startTaker(home: string, startAt: number): Taker {
  const child = spawn(process.execPath, ['--import', 'tsx', takerPath], {
    cwd: repositoryRoot,
    env: { ...process.env, LANYARD_HOME: home, LOCK_TAKER_START_AT: String(startAt) },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  })
  const outcome = new Promise<Omit<Outcome, 'code'>>((resolve, reject) => {
    const check = () => {
      const line = output.split('\n').find((text) => text.startsWith('{'))
      if (line) resolve(JSON.parse(line) as Omit<Outcome, 'code'>)
    }
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      check()
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    void exited.then(() => reject(new Error(`the lock taker printed no outcome:\n${output}`)))
  })
  return { outcome, exited, letGo: () => child.stdin.end() }
}

/** The pid of a process that has already exited: what a crashed Lanyard leaves in its lock. */
function deadPid(): number {
  const finished = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  return Number(finished.stdout)
}

describe('the data-folder lock between real processes', () => {
  it('lets exactly one of several processes racing for a stale lock win; the others exit naming it', async () => {
    const home = temporaryDirectory()
    const crashed = { pid: deadPid(), door: 'preview', startedAt: new Date(0).toISOString(), host: hostname() }
    writeFileSync(dataFolderLockFile(home), JSON.stringify(crashed))
    // Each process needs a moment to load; all then try within the same millisecond.
    const startAt = Date.now() + 3000
    const takers = Array.from({ length: 5 }, () => startTaker(home, startAt))
    // The winner holds the lock until every process has tried, however slowly each one loaded.
    const tried = await Promise.all(takers.map((taker) => taker.outcome))
    for (const taker of takers) taker.letGo()
    const codes = await Promise.all(takers.map((taker) => taker.exited))
    const outcomes: Outcome[] = tried.map((outcome, index) => ({ ...outcome, code: codes[index] ?? null }))

    const winners = outcomes.filter((outcome) => outcome.won)
    expect(winners).toHaveLength(1)
    const winner = winners[0]!
    expect(winner.code).toBe(0)
    for (const loser of outcomes.filter((outcome) => !outcome.won)) {
      expect(loser.code).toBe(3)
      expect(loser.message).toBe(`Lanyard is already open in another window (pid ${winner.pid}, cli) — close it or use another LANYARD_HOME`)
    }
    // The winner released the lock when it exited.
    expect(existsSync(dataFolderLockFile(home))).toBe(false)
  }, 30_000)
})
