import { createHash } from 'node:crypto'
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import { dataDirectoryVariable, dataFolderLockFile } from '../paths'
import { systemProcessProbe, type ProcessProbe } from './processIdentity'

/**
 * One writer per data folder. Two processes on one LANYARD_HOME would interleave journal lines
 * (the hash chain then reads "out of order") and overwrite each other's profiles.json, so every
 * door (the Electron app, the preview bridge, the command line) takes this lock before it touches
 * anything in the folder, and a second process leaves with a message naming the first.
 *
 * The lock is a file created with O_EXCL holding its holder. A lock whose process is gone (a
 * crash, a `kill -9`, a power cut) is stale and taken over; see `takeOverStaleLock` for why two
 * processes taking over the same stale lock cannot both win.
 */

export const dataFolderDoors = ['app', 'preview', 'cli'] as const
export type DataFolderDoor = (typeof dataFolderDoors)[number]

const lockHolderSchema = z.object({
  // Never 0 or negative: `process.kill(0 | -n, 0)` would ask about a whole process group.
  pid: z.number().int().positive(),
  door: z.enum(dataFolderDoors),
  startedAt: z.string(),
  host: z.string(),
  processStart: z.string().optional(),
})
export type LockHolder = z.infer<typeof lockHolderSchema>

export class DataFolderInUseError extends Error {
  constructor(readonly holder: LockHolder, localHost: string) {
    super(
      holder.host === localHost
        ? `Lanyard is already open in another window (pid ${holder.pid}, ${holder.door}) — close it or use another ${dataDirectoryVariable}`
        : `Lanyard is already open on another computer (${holder.host}: pid ${holder.pid}, ${holder.door}) — close it there or use another ${dataDirectoryVariable}`,
    )
    this.name = 'DataFolderInUseError'
  }
}

export interface DataFolderLock {
  readonly path: string
  readonly holder: LockHolder
  /** Removes the lock file if it is still this holder's. Safe to call more than once. */
  release(): void
}

/** A lock file as read: `identity` tells this very file apart from any later one at the same path. */
export interface LockFile {
  raw: string
  holder: LockHolder | undefined
  modifiedAt: number
  identity: string
  /** Names the takeover token of this very file (see takeOverStaleLock). */
  tokenSuffix: string
}

/** An O_EXCL create writes its content a moment later: an unreadable lock younger than this may be a start in progress. */
const unreadableGraceMs = 5_000
/** Long enough for a start in progress to finish or for its unreadable lock to become stale. */
const acquireDeadlineMs = 10_000

/**
 * The function every door calls first. Returns the held lock, released at process exit unless
 * `releaseOnExit` is false (tests); throws DataFolderInUseError naming the holder, or an Error
 * saying what to do when the folder cannot hold a lock at all.
 */
export function acquireDataFolderLock(options: {
  directory: string
  door: DataFolderDoor
  probe?: ProcessProbe
  releaseOnExit?: boolean
}): DataFolderLock {
  const { directory, door, probe = systemProcessProbe } = options
  const path = dataFolderLockFile(directory)
  const self = describeSelf(probe, door)
  const deadline = Date.now() + acquireDeadlineMs
  try {
    mkdirSync(directory, { recursive: true })
  } catch (error) {
    throw cannotCreate(directory, error)
  }
  while (Date.now() < deadline) {
    if (createExclusively(path, self, directory)) return heldLock(path, self, options.releaseOnExit ?? true)
    const current = readLockFile(path)
    if (current === 'gone') continue
    const verdict = judge(current, probe)
    if (verdict === 'held' && current.holder) throw new DataFolderInUseError(current.holder, probe.host)
    if (verdict === 'stale') takeOverStaleLock(path, current, { probe, door })
    else pause(50)
  }
  throw new Error(`Lanyard could not take the lock ${path}: it kept changing. If no other Lanyard is open on this folder, delete the file and start again.`)
}

/**
 * Removes the stale lock `stale` (as read earlier) so the caller's next O_EXCL create can win.
 * Takers race: each may have judged the same dead holder, and a slow one may act after another
 * has already put its own live lock in place. So removal is guarded by a token file named after
 * this very lock file (its inode, time and content) and created with O_EXCL: of all takers, one
 * holds it; it re-reads the lock and removes it only if it is still the file judged stale. Nothing
 * else can remove or replace that file meanwhile (its holder is dead; every other taker lacks the
 * token), so the check and the removal cannot be split by another taker. A token left by a taker
 * that died is itself stale and cleared the same way, one level down.
 */
export function takeOverStaleLock(path: string, stale: LockFile, taker: { probe: ProcessProbe; door: DataFolderDoor }, depth = 0): void {
  const { probe } = taker
  const token = `${path}.takeover-${stale.tokenSuffix}`
  if (!createExclusively(token, describeSelf(probe, taker.door), dirname(path))) {
    const other = readLockFile(token)
    if (other === 'gone') return
    if (judge(other, probe) === 'stale' && depth < 3) return takeOverStaleLock(token, other, taker, depth + 1)
    // Another process is taking it over: let it finish; the caller reads the lock again.
    return pause(50)
  }
  try {
    const current = readLockFile(path)
    if (current !== 'gone' && current.identity === stale.identity) unlinkSync(path)
  } finally {
    rmSync(token, { force: true })
  }
}

/** Reads a lock (or token) file; `holder` is undefined when its content is not a lock holder. */
export function readLockFile(path: string): LockFile | 'gone' {
  let descriptor: number
  try {
    descriptor = openSync(path, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone'
    throw error
  }
  try {
    const stat = fstatSync(descriptor)
    const raw = readFileSync(descriptor, 'utf8')
    const identity = `${stat.ino}:${stat.mtimeMs}:${raw}`
    return { raw, holder: parseHolder(raw), modifiedAt: stat.mtimeMs, identity, tokenSuffix: createHash('sha256').update(identity).digest('hex').slice(0, 16) }
  } finally {
    closeSync(descriptor)
  }
}

/** 'held': a live process on this computer, or any process on another (we cannot look there). */
function judge(file: LockFile, probe: ProcessProbe): 'held' | 'stale' | 'starting' {
  const { holder } = file
  if (!holder) return Date.now() - file.modifiedAt > unreadableGraceMs ? 'stale' : 'starting'
  if (holder.host !== probe.host) return 'held'
  if (!probe.isAlive(holder.pid)) return 'stale'
  const startToken = holder.processStart && probe.startToken(holder.pid)
  // The pid lives, but as a process started at another time: the holder died and its pid was reused.
  if (startToken && startToken !== holder.processStart) return 'stale'
  return 'held'
}

function describeSelf(probe: ProcessProbe, door: DataFolderDoor): LockHolder {
  const processStart = probe.startToken(probe.pid)
  return { pid: probe.pid, door, startedAt: probe.startedAt, host: probe.host, ...(processStart && { processStart }) }
}

/** O_EXCL: false when the file exists. The content is flushed so a power cut leaves a readable lock. */
function createExclusively(path: string, holder: LockHolder, folder: string): boolean {
  let descriptor: number
  try {
    descriptor = openSync(path, 'wx', 0o644)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw cannotCreate(folder, error)
  }
  try {
    writeSync(descriptor, lockContent(holder))
    fsyncSync(descriptor)
  } catch (error) {
    closeSync(descriptor)
    rmSync(path, { force: true })
    throw cannotCreate(folder, error)
  }
  closeSync(descriptor)
  return true
}

function heldLock(path: string, holder: LockHolder, releaseOnExit: boolean): DataFolderLock {
  // What createExclusively wrote: release removes the file only while it still holds exactly this.
  const raw = lockContent(holder)
  let released = false
  const release = () => {
    if (released) return
    released = true
    process.removeListener('exit', releaseAtExit)
    const current = readLockFile(path)
    // Only our own: a lock someone removed by hand and another process then took stays theirs.
    if (current !== 'gone' && current.raw === raw) rmSync(path, { force: true })
  }
  const releaseAtExit = () => {
    try {
      release()
    } catch {
      // Nothing can be reported while exiting; the next start finds the lock stale.
    }
  }
  if (releaseOnExit) process.once('exit', releaseAtExit)
  return { path, holder, release }
}

/** A lock (or token) file's content: one line naming its holder. */
function lockContent(holder: LockHolder): string {
  return `${JSON.stringify(holder)}\n`
}

function parseHolder(raw: string): LockHolder | undefined {
  try {
    const parsed = lockHolderSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

function cannotCreate(folder: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error)
  return new Error(`Lanyard cannot create its lock file in ${folder} (${reason}). Make the folder writable or set ${dataDirectoryVariable} to another folder.`, { cause: error })
}

/** A synchronous wait: the lock is taken before anything else runs, and a start must not go on without it. */
function pause(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds)
}
