import { acquireDataFolderLock } from '../../../../electron/storage/dataFolderLock'

/**
 * One of several real processes racing for a data folder, as a command-line door would: waits
 * until LOCK_TAKER_START_AT (so they all try at once), takes the lock, prints one JSON line with
 * the outcome and, when it won, holds the lock until its stdin closes, so every loser meets a live holder.
 */
const directory = process.env.LANYARD_HOME ?? ''
const startAt = Number(process.env.LOCK_TAKER_START_AT ?? 0)
while (Date.now() < startAt) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1)
try {
  const lock = acquireDataFolderLock({ directory, door: 'cli' })
  console.log(JSON.stringify({ pid: process.pid, won: true, holder: lock.holder.pid }))
  process.stdin.resume()
  process.stdin.once('end', () => process.exit(0))
} catch (error) {
  console.log(JSON.stringify({ pid: process.pid, won: false, message: error instanceof Error ? error.message : String(error) }))
  process.exit(3)
}
