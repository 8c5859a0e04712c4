import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dataFolderLockFile } from '../../../electron/paths'
import {
  acquireDataFolderLock,
  DataFolderInUseError,
  readLockFile,
  takeOverStaleLock,
  type DataFolderLock,
  type LockHolder,
} from '../../../electron/storage/dataFolderLock'
import type { ProcessProbe } from '../../../electron/storage/processIdentity'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const temporaryDirectory = useTemporaryDirectories()

/**
 * A made-up world of processes: `alive` maps each running pid to its start token. Each probe is
 * one process in it, so several "processes" can meet on one folder inside one test.
 */
function world(alive: Map<number, string>) {
  return (pid: number, host = 'desk-1'): ProcessProbe => ({
    pid,
    host,
    startedAt: '2026-12-06T08:00:00.000Z',
    isAlive: (other) => alive.has(other),
    startToken: (other) => alive.get(other),
  })
}

function holder(overrides: Partial<LockHolder> = {}): LockHolder {
  return { pid: 4321, door: 'preview', startedAt: '2026-12-01T08:00:00.000Z', host: 'desk-1', processStart: 'boot-a:100', ...overrides }
}

function writeLock(directory: string, content: LockHolder | string): string {
  const path = dataFolderLockFile(directory)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

const held: DataFolderLock[] = []
function acquire(options: Parameters<typeof acquireDataFolderLock>[0]): DataFolderLock {
  const lock = acquireDataFolderLock({ releaseOnExit: false, ...options })
  held.push(lock)
  return lock
}
afterEach(() => {
  for (const lock of held.splice(0)) lock.release()
})

describe('the data-folder lock', () => {
  it('is a file in the folder naming the holder: pid, door, start time and host', () => {
    const directory = join(temporaryDirectory(), 'fresh', 'Lanyard')
    const probe = world(new Map([[100, 'boot-a:1']]))(100)
    const lock = acquire({ directory, door: 'cli', probe })
    const written = JSON.parse(readFileSync(dataFolderLockFile(directory), 'utf8')) as LockHolder
    expect(written).toEqual({ pid: 100, door: 'cli', startedAt: '2026-12-06T08:00:00.000Z', host: 'desk-1', processStart: 'boot-a:1' })
    expect(lock.holder).toEqual(written)
  })

  it('refuses a second process with a message naming the holder, and leaves its lock alone', () => {
    const directory = temporaryDirectory()
    const processes = world(new Map([[1234, 'boot-a:1'], [5678, 'boot-a:2']]))
    acquire({ directory, door: 'preview', probe: processes(1234) })
    const before = readFileSync(dataFolderLockFile(directory), 'utf8')

    const refusal = (() => {
      try {
        acquire({ directory, door: 'app', probe: processes(5678) })
      } catch (error) {
        return error
      }
    })()
    expect(refusal).toBeInstanceOf(DataFolderInUseError)
    expect((refusal as Error).message).toBe(
      'Lanyard is already open in another window (pid 1234, preview) — close it or use another LANYARD_HOME',
    )
    expect((refusal as DataFolderInUseError).holder).toMatchObject({ pid: 1234, door: 'preview' })
    expect(readFileSync(dataFolderLockFile(directory), 'utf8')).toBe(before)
  })

  it('is free again once released, and release leaves a lock that is no longer its own', () => {
    const directory = temporaryDirectory()
    const processes = world(new Map([[1, 'boot-a:1'], [2, 'boot-a:2']]))
    acquire({ directory, door: 'app', probe: processes(1) }).release()
    expect(existsSync(dataFolderLockFile(directory))).toBe(false)

    const first = acquireDataFolderLock({ directory, door: 'app', probe: processes(1), releaseOnExit: false })
    // Someone removed the lock by hand and another process took the folder: first's release must not free it.
    writeLock(directory, holder({ pid: 2, processStart: 'boot-a:2' }))
    first.release()
    expect(readLockFile(dataFolderLockFile(directory))).toMatchObject({ holder: { pid: 2 } })
  })

  it('takes over a lock whose process is gone', () => {
    const directory = temporaryDirectory()
    writeLock(directory, holder({ pid: 4321 }))
    const lock = acquire({ directory, door: 'app', probe: world(new Map([[77, 'boot-a:7']]))(77) })
    expect(lock.holder.pid).toBe(77)
    expect(readLockFile(dataFolderLockFile(directory))).toMatchObject({ holder: { pid: 77, door: 'app' } })
    expect(readdirSync(directory)).toEqual(['lanyard.lock'])
  })

  it('takes over a lock whose pid now belongs to another process (started at another time)', () => {
    const directory = temporaryDirectory()
    writeLock(directory, holder({ pid: 4321, processStart: 'boot-a:100' }))
    const processes = world(new Map([[4321, 'boot-b:55'], [77, 'boot-b:60']]))
    expect(acquire({ directory, door: 'preview', probe: processes(77) }).holder.pid).toBe(77)
  })

  it('does not take over a lock held on another computer (a shared folder): it cannot tell whether that one runs', () => {
    const directory = temporaryDirectory()
    writeLock(directory, holder({ pid: 4321, host: 'desk-2' }))
    expect(() => acquire({ directory, door: 'app', probe: world(new Map([[77, 'x']]))(77) })).toThrow(
      'Lanyard is already open on another computer (desk-2: pid 4321, preview) — close it there or use another LANYARD_HOME',
    )
  })

  it('takes over an unreadable lock file only once it is older than a start-up could take', () => {
    const directory = temporaryDirectory()
    const path = writeLock(directory, '')
    const old = new Date(Date.now() - 60_000)
    utimesSync(path, old, old)
    expect(acquire({ directory, door: 'app', probe: world(new Map([[77, 'x']]))(77) }).holder.pid).toBe(77)
  })

  it('says what to do when the folder cannot be written', () => {
    const directory = temporaryDirectory()
    const blocked = join(directory, 'a-file')
    writeFileSync(blocked, '')
    expect(() => acquire({ directory: join(blocked, 'Lanyard'), door: 'app', probe: world(new Map())(1) })).toThrow(
      /cannot create its lock file in .*a-file\/Lanyard.*LANYARD_HOME/,
    )
  })
})

describe('a stale-lock takeover racing another', () => {
  it('does nothing when the lock it judged stale was already replaced by a live holder', () => {
    const directory = temporaryDirectory()
    const path = writeLock(directory, holder({ pid: 4321 }))
    const stale = readLockFile(path)
    if (stale === 'gone') throw new Error('the lock was just written')
    const processes = world(new Map([[1, 'boot-a:1'], [2, 'boot-a:2']]))
    // Process 1 completes its takeover first; process 2 acts on the judgement it made before.
    acquire({ directory, door: 'app', probe: processes(1) })
    takeOverStaleLock(path, stale, { probe: processes(2), door: 'preview' })
    expect(readLockFile(path)).toMatchObject({ holder: { pid: 1 } })
    expect(() => acquire({ directory, door: 'preview', probe: processes(2) })).toThrow(/pid 1, app/)
  })

  it('leaves the stale lock to a live process already taking it over', () => {
    const directory = temporaryDirectory()
    const path = writeLock(directory, holder({ pid: 4321 }))
    const stale = readLockFile(path)
    if (stale === 'gone') throw new Error('the lock was just written')
    const processes = world(new Map([[1, 'boot-a:1'], [2, 'boot-a:2']]))
    // Process 1 holds the takeover token: process 2 must not remove the lock under it.
    const token = `${path}.takeover-${stale.tokenSuffix}`
    writeFileSync(token, JSON.stringify(holder({ pid: 1, door: 'app', processStart: 'boot-a:1' })))
    takeOverStaleLock(path, stale, { probe: processes(2), door: 'preview' })
    expect(readLockFile(path)).toMatchObject({ holder: { pid: 4321 } })
    expect(existsSync(token)).toBe(true)
  })

  it('clears a takeover left half-done by a process that died, then takes the lock', () => {
    const directory = temporaryDirectory()
    const path = writeLock(directory, holder({ pid: 4321 }))
    const stale = readLockFile(path)
    if (stale === 'gone') throw new Error('the lock was just written')
    writeFileSync(`${path}.takeover-${stale.tokenSuffix}`, JSON.stringify(holder({ pid: 999, door: 'cli' })))
    const lock = acquire({ directory, door: 'app', probe: world(new Map([[2, 'boot-a:2']]))(2) })
    expect(lock.holder.pid).toBe(2)
    expect(readdirSync(directory)).toEqual(['lanyard.lock'])
  })
})
