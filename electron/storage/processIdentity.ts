import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'

/**
 * What the data-folder lock needs to know about processes: who this one is, and whether the
 * process named in a lock file is still the one that wrote it. A pid alone is not enough: after a
 * crash and a reboot (or in a container, where every start is pid 1) the same pid belongs to
 * another process, so a lock also records an operating-system token for the process's start.
 */
export interface ProcessProbe {
  readonly pid: number
  readonly host: string
  /** When this process started, for people reading the lock file. */
  readonly startedAt: string
  /** False only when no process has this pid (EPERM means it exists under another user). */
  isAlive(pid: number): boolean
  /** An opaque token for when the process `pid` started, or undefined where the system does not tell us. */
  startToken(pid: number): string | undefined
}

export const systemProcessProbe: ProcessProbe = {
  pid: process.pid,
  host: hostname(),
  startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
  isAlive: isProcessAlive,
  startToken: processStartToken,
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Linux: the boot id and the start time in clock ticks since boot (/proc/<pid>/stat, field 22),
 * which together never repeat. macOS: `ps`'s start time. Windows: none, and a live pid is taken
 * at its word (the error then names it, so a person can check).
 */
function processStartToken(pid: number): string | undefined {
  try {
    if (process.platform === 'linux') {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
      const startTicks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
      const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
      return startTicks ? `${bootId}:${startTicks}` : undefined
    }
    if (process.platform === 'darwin') {
      const started = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', timeout: 5000 }).trim()
      return started || undefined
    }
  } catch {
    // The process is gone or the system would not say: no token, so only liveness decides.
  }
  return undefined
}
