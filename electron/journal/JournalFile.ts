import { randomUUID } from 'node:crypto'
import { mkdir, open, readFile, truncate } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { ChainVerification } from '../../shared/journal'
import type { Logger } from '../logging/Logger'
import { writeFileAtomically } from '../profiles/writeFileAtomically'
import { AppError } from '../errors/AppError'
import {
  genesisHash,
  hashOf,
  parseRecordLine,
  recordLine,
  recordFormat,
  type IntentFields,
  type JournalRecord,
  type OperationFields,
  type OutcomeFields,
} from './journalRecord'
import { readLines, type LinesRead } from './journalLines'
import { summarizeLine, summaryOf, type IndexedRecord, type RecordPlace } from './recordSummary'
import { splitJournalText, verifyChain } from './verifyChain'

export const journalFileName = 'journal.jsonl'

/** A record cut off mid-write, found at start-up and moved out of the journal into its own file. */
export interface SetAsideTail {
  line: number
  movedTo: string
}

/**
 * `journal.jsonl`: append-only, one record per line. Appends run one at a time; each is written
 * and fsync'd before its promise resolves, so an intent is on disk before the change it announces
 * is sent to the target.
 *
 * Invariant: the file only ever grows by whole lines. A record cut off by a crash is copied to
 * `journal.torn-<time>.txt` and removed from the end at the next start (never silently dropped);
 * an append that fails half-way is cut back off.
 */
export class JournalFile {
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(
    readonly path: string,
    private lastSeq: number,
    private lastHash: string,
    private readonly now: () => Date,
    private readonly blockedReason: string | null,
  ) {}

  /**
   * Reads the file a chunk at a time and keeps of each record only what the index needs (see
   * recordSummary): start-up checks each line's shape and the last record's hash, not the whole
   * chain, which `verify` checks (it always did: start-up never hashed every record).
   */
  static async open(
    directory: string,
    logger: Logger,
    now: () => Date = () => new Date(),
  ): Promise<{ file: JournalFile; summaries: IndexedRecord[]; setAside: SetAsideTail | null }> {
    const path = join(directory, journalFileName)
    const summaries: IndexedRecord[] = []
    let lastLine: string | null = null
    let read: LinesRead
    try {
      read = await readLines(path, (line, place) => {
        const summarized = summarizeLine(line, place)
        // As before, a line that is not a record is left out of the index; verify names it.
        if (!summarized.ok) return
        summaries.push(summarized.summary)
        lastLine = line
      })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { file: new JournalFile(path, 0, genesisHash, now, null), summaries: [], setAside: null }
      }
      const reason = `The journal ${path} could not be read (${describe(error)}).`
      logger.error('journal unreadable; changes are disabled', { path, reason })
      return { file: new JournalFile(path, 0, genesisHash, now, reason), summaries: [], setAside: null }
    }
    let last = lastLine === null ? null : lastRecord(lastLine, path, logger)
    let setAside: SetAsideTail | null = null
    if (read.tail !== null) {
      const lastComplete = parseRecordLine(read.tail.toString('utf8'))
      if (lastComplete.ok && hashOf(lastComplete.record) === lastComplete.record.hash) {
        // Only the newline was lost: the record itself is whole.
        await appendAndSync(path, '\n')
        summaries.push(summaryOf(lastComplete.record, { at: read.completeLength, length: read.tail.length }))
        last = lastComplete.record
      } else {
        setAside = await setAsideTail(directory, path, read.tail, read.completeLength, read.lines + 1, now())
        logger.warn('journal: a record cut off mid-write was set aside', { ...setAside })
      }
    }
    const file = new JournalFile(path, last?.seq ?? 0, last?.hash ?? genesisHash, now, null)
    return { file, summaries, setAside }
  }

  /** Appends one record after every earlier append; resolves once it is on disk. */
  append(fields: IntentFields | OutcomeFields | OperationFields): Promise<{ record: JournalRecord; place: RecordPlace }> {
    const run = this.queue.then(async () => {
      if (this.blockedReason) {
        throw new AppError('internal', `${this.blockedReason} Lanyard makes no changes it cannot record. Check the file and its permissions, then restart Lanyard.`)
      }
      const body = { v: recordFormat, seq: this.lastSeq + 1, id: randomUUID(), time: this.now().toISOString(), prevHash: this.lastHash, ...fields }
      const record = { ...body, hash: hashOf(body) } as JournalRecord
      const line = recordLine(record)
      // A line the next start could not parse would vanish from the index (and undo) and look tampered with.
      const readBack = parseRecordLine(line.slice(0, -1))
      if (!readBack.ok) {
        throw new AppError('internal', `This change could not be recorded: its journal record could not be read back (it ${readBack.reason}). Please report this.`)
      }
      await mkdir(dirname(this.path), { recursive: true })
      const at = await appendAndSync(this.path, line)
      this.lastSeq = record.seq
      this.lastHash = record.hash
      // What the file holds, exactly as the next start will read it.
      return { record: readBack.record, place: { at, length: Buffer.byteLength(line) - 1 } }
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Reads the file as it is on disk now and checks its whole chain. */
  async verify(): Promise<ChainVerification> {
    let content: Buffer
    try {
      content = await readFile(this.path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { intact: true, records: 0, problem: null }
      throw new AppError('internal', `The journal ${this.path} could not be read (${describe(error)}).`)
    }
    return verifyChain(splitJournalText(content))
  }

  async idle(): Promise<void> {
    await this.queue
  }
}

/**
 * open('a') → write → fsync; a failed write is cut back so the file keeps whole lines only.
 * Resolves with the offset the text was written at.
 */
async function appendAndSync(path: string, text: string): Promise<number> {
  const handle = await open(path, 'a', 0o600)
  const sizeBefore = (await handle.stat()).size
  try {
    await handle.write(text, null, 'utf8')
    await handle.sync()
    return sizeBefore
  } catch (error) {
    await handle.truncate(sizeBefore).catch(() => undefined)
    throw new AppError('internal', `The journal ${path} could not be written (${describe(error)}).`, { cause: error })
  } finally {
    await handle.close()
  }
}

/**
 * The chain's last record, which the next append chains onto: read in full, and its hash checked
 * (a warning only: as before, start-up does not refuse an edited journal; verify names the line).
 */
function lastRecord(line: string, path: string, logger: Logger): { seq: number; hash: string } {
  const parsed = parseRecordLine(line)
  if (parsed.ok && hashOf(parsed.record) === parsed.record.hash) return parsed.record
  logger.warn('journal: its last record does not match its hash; "Verify journal" names the first edited line', { path })
  // Its shape was checked (summarizeLine): seq and hash are there.
  return JSON.parse(line) as { seq: number; hash: string }
}

async function setAsideTail(directory: string, path: string, tail: Buffer, completeLength: number, line: number, at: Date): Promise<SetAsideTail> {
  const movedTo = join(directory, `journal.torn-${at.toISOString().replace(/[:.]/g, '-')}.txt`)
  // Copy first, then cut: a crash in between leaves the tail in both places, never in neither.
  await writeFileAtomically(movedTo, tail.toString('utf8'))
  await truncate(path, completeLength)
  return { line, movedTo }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
