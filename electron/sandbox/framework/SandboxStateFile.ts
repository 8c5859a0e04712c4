import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import type { ConnectorId } from '../../../shared/catalogue/types'
import { writeFileAtomically } from '../../profiles/writeFileAtomically'

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
 * `<stateDirectory>/<connectorId>.json`. Writes are atomic (temp file, flush, rename) so a crash
 * never leaves half a file, and debounced so a burst of changes costs one write. A file that cannot be
 * read is moved aside (not deleted) and the tenant starts fresh.
 */
export class SandboxStateFile<Data> {
  readonly path: string
  private timer: NodeJS.Timeout | undefined
  private snapshot: (() => SavedSandbox<Data>) | undefined
  private writing: Promise<void> = Promise.resolve()

  constructor(
    directory: string,
    private readonly connectorId: ConnectorId,
    private readonly debounceMs = 300,
  ) {
    mkdirSync(directory, { recursive: true })
    this.path = join(directory, `${connectorId}.json`)
  }

  /**
   * The saved state, if any. `isData` checks the tenant's own part: JSON of another shape (an
   * older format, a hand edit) is set aside like unreadable JSON, or the tenant would fail at
   * every start.
   */
  load(isData: (data: unknown) => boolean = () => true): SavedSandbox<Data> | undefined {
    if (!existsSync(this.path)) return undefined
    let problem: string
    try {
      const saved: unknown = JSON.parse(readFileSync(this.path, 'utf8'))
      if (this.isSaved(saved) && isData(saved.data)) return saved as SavedSandbox<Data>
      problem = `not the saved state of a ${this.connectorId} tenant`
    } catch (error) {
      problem = String(error)
    }
    const aside = `${this.path}.unreadable-${Date.now()}`
    renameSync(this.path, aside)
    process.stderr.write(`sandbox: could not read ${this.path} (${problem}); moved it to ${aside} and started fresh.\n`)
    return undefined
  }

  private isSaved(value: unknown): value is SavedSandbox<unknown> {
    if (typeof value !== 'object' || value === null) return false
    const { connectorId, port } = value as Partial<SavedSandbox<unknown>>
    return connectorId === this.connectorId && Number.isInteger(port)
  }

  /** Where the state comes from when it is written; call before `changed()` or `flush()`. */
  bind(snapshot: () => SavedSandbox<Data>): void {
    this.snapshot = snapshot
  }

  /** Something changed: write soon. */
  changed(): void {
    if (this.timer) return
    this.timer = setTimeout(() => void this.flushFromTimer(), this.debounceMs)
    this.timer.unref()
  }

  /** A timer has no caller to throw to (it would crash the app's main process): report, and retry on the next change. */
  private async flushFromTimer(): Promise<void> {
    try {
      await this.flush()
    } catch (error) {
      process.stderr.write(`sandbox: could not save ${this.path} (${String(error)}); the next change tries again.\n`)
    }
  }

  /**
   * Write now (also on close), cancelling a pending debounced write. Writes run one after another,
   * through the same atomic, flushed write as profiles.json.
   */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    const snapshot = this.snapshot
    if (!snapshot) return this.writing
    const write = this.writing.catch(() => undefined).then(() => writeFileAtomically(this.path, JSON.stringify(snapshot())))
    this.writing = write
    return write
  }
}
