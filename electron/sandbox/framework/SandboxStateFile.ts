import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ConnectorId } from '../../../shared/catalogue/types'

/**
 * What a tenant keeps between runs: its data and the port profiles point at. Never its
 * credentials: those are minted afresh at every start and reach the app's Sandbox profile
 * through the keychain only, so no file in the data folder ever holds a working secret.
 */
export interface SavedSandbox<Data> {
  connectorId: ConnectorId
  port: number
  data: Data
}

/**
 * `<stateDirectory>/<connectorId>.json`. Writes are atomic (temp file + rename) so a crash never
 * leaves half a file, and debounced so a burst of changes costs one write. A file that cannot be
 * read is moved aside (not deleted) and the tenant starts fresh.
 */
export class SandboxStateFile<Data> {
  readonly path: string
  private timer: NodeJS.Timeout | undefined
  private snapshot: (() => SavedSandbox<Data>) | undefined

  constructor(
    directory: string,
    connectorId: ConnectorId,
    private readonly debounceMs = 300,
  ) {
    mkdirSync(directory, { recursive: true })
    this.path = join(directory, `${connectorId}.json`)
  }

  load(): SavedSandbox<Data> | undefined {
    if (!existsSync(this.path)) return undefined
    try {
      return JSON.parse(readFileSync(this.path, 'utf8')) as SavedSandbox<Data>
    } catch (error) {
      const aside = `${this.path}.unreadable-${Date.now()}`
      renameSync(this.path, aside)
      process.stderr.write(`sandbox: could not read ${this.path} (${String(error)}); moved it to ${aside} and started fresh.\n`)
      return undefined
    }
  }

  /** Where the state comes from when it is written; call before `changed()` or `flush()`. */
  bind(snapshot: () => SavedSandbox<Data>): void {
    this.snapshot = snapshot
  }

  /** Something changed: write soon. */
  changed(): void {
    if (this.timer) return
    this.timer = setTimeout(() => this.flush(), this.debounceMs)
    this.timer.unref()
  }

  /** Write now (also on close), cancelling a pending debounced write. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (!this.snapshot) return
    const temporary = `${this.path}.${process.pid}.tmp`
    writeFileSync(temporary, JSON.stringify(this.snapshot()), { mode: 0o600 })
    renameSync(temporary, this.path)
  }
}
