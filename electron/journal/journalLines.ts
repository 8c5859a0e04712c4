import { closeSync, openSync, readSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { AppError } from '../errors/AppError'
import { parseRecordLine, type JournalRecord } from './journalRecord'
import type { IndexedRecord, RecordPlace } from './recordSummary'

/** What reading the file line by line found besides its lines. */
export interface LinesRead {
  lines: number
  /** Bytes up to and including the last newline. */
  completeLength: number
  /** Bytes after the last newline: a record cut off mid-write, or null. */
  tail: Buffer | null
}

const chunkBytes = 1 << 20

/**
 * Reads `path` a chunk at a time and hands over each newline-terminated line with its place. The
 * file is never held whole, as one Buffer or one string: at 100,000 changes it is ~90 MB.
 */
export async function readLines(path: string, onLine: (line: string, place: RecordPlace) => void): Promise<LinesRead> {
  const handle = await open(path, 'r')
  try {
    const chunk = Buffer.allocUnsafe(chunkBytes)
    let carried = Buffer.alloc(0)
    let position = 0
    let lines = 0
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunkBytes, position)
      if (bytesRead === 0) break
      const data = carried.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([carried, chunk.subarray(0, bytesRead)])
      const dataAt = position - carried.length
      position += bytesRead
      let start = 0
      for (let end = data.indexOf(0x0a); end !== -1; end = data.indexOf(0x0a, start)) {
        onLine(data.toString('utf8', start, end), { at: dataAt + start, length: end - start })
        lines++
        start = end + 1
      }
      // A copy: `chunk` is read into again.
      carried = Buffer.from(data.subarray(start))
    }
    return { lines, completeLength: position - carried.length, tail: carried.length > 0 ? carried : null }
  } finally {
    await handle.close()
  }
}

/** A record that passed start-up's check but not the full one when read for an entry: lists leave its entry out. */
export class DamagedRecordError extends AppError {
  constructor(message: string) {
    super('internal', message)
  }
}

const cachedRecords = 1_000

/**
 * Reads a record's line again when an entry needs its full content, and checks it with the full
 * schema (parseRecordLine) before anything is built from it. Recently read and written records
 * are kept (a page is read again on every `journal.appended`). Reads are synchronous so queries
 * stay synchronous; the file is opened once per query and closed when it returns.
 */
export class RecordLoader {
  private readonly cache = new Map<number, JournalRecord>()
  private descriptor: number | null = null

  constructor(private readonly path: string) {}

  /** A record this process wrote and read back: already fully checked. */
  remember(place: RecordPlace, record: JournalRecord): void {
    this.cache.delete(place.at)
    this.cache.set(place.at, record)
    if (this.cache.size > cachedRecords) this.cache.delete(this.cache.keys().next().value!)
  }

  load<T extends JournalRecord>(summary: IndexedRecord & { kind: T['kind'] }): T {
    const cached = this.cache.get(summary.at)
    if (cached) {
      this.remember(summary, cached)
      return cached as T
    }
    const parsed = parseRecordLine(this.readLine(summary))
    if (!parsed.ok || !isSame(parsed.record, summary)) {
      const reason = parsed.ok ? 'is no longer the record Lanyard read at start-up' : parsed.reason
      // Start-up checks only what the index keeps; a record damaged further in, or changed since, is caught here and by verify.
      throw new DamagedRecordError(
        `A record of the journal (${this.path}, byte ${summary.at}) ${reason}: it was edited or damaged. Use "Verify journal" in Activity to see where; Lanyard shows no entry from a record it cannot trust.`,
      )
    }
    this.remember(summary, parsed.record)
    return parsed.record as T
  }

  private readLine({ at, length }: RecordPlace): string {
    const bytes = Buffer.allocUnsafe(length)
    let read = 0
    try {
      if (this.descriptor === null) {
        this.descriptor = openSync(this.path, 'r')
        // Every read of one synchronous query shares the descriptor; it is closed once the query returns.
        queueMicrotask(() => this.close())
      }
      read = readSync(this.descriptor, bytes, 0, length, at)
    } catch (error) {
      throw new AppError('internal', `The journal ${this.path} could not be read (${error instanceof Error ? error.message : String(error)}).`, { cause: error })
    }
    return bytes.toString('utf8', 0, read)
  }

  private close(): void {
    if (this.descriptor === null) return
    closeSync(this.descriptor)
    this.descriptor = null
  }
}

function isSame(record: JournalRecord, summary: IndexedRecord): boolean {
  if (record.kind !== summary.kind) return false
  if (record.kind === 'outcome') return summary.kind === 'outcome' && record.intentId === summary.intentId && record.status === summary.status
  return summary.kind !== 'outcome' && record.id === summary.id && record.seq === summary.seq
}
