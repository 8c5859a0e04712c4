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

  static async open(
    directory: string,
    logger: Logger,
    now: () => Date = () => new Date(),
  ): Promise<{ file: JournalFile; records: JournalRecord[]; setAside: SetAsideTail | null }> {
    const path = join(directory, journalFileName)
    let content: Buffer
    try {
      content = await readFile(path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { file: new JournalFile(path, 0, genesisHash, now, null), records: [], setAside: null }
      }
      const reason = `The journal ${path} could not be read (${describe(error)}).`
      logger.error('journal unreadable; changes are disabled', { path, reason })
      return { file: new JournalFile(path, 0, genesisHash, now, reason), records: [], setAside: null }
    }
    const text = splitJournalText(content)
    const records = text.lines.flatMap((line) => {
      const parsed = parseRecordLine(line)
      return parsed.ok ? [parsed.record] : []
    })
    let setAside: SetAsideTail | null = null
    if (text.tail !== null) {
      const lastComplete = parseRecordLine(text.tail)
      if (lastComplete.ok && hashOf(lastComplete.record) === lastComplete.record.hash) {
        // Only the newline was lost: the record itself is whole.
        await appendAndSync(path, '\n')
        records.push(lastComplete.record)
      } else {
        setAside = await setAsideTail(directory, path, content, text.lines.length + 1, now())
        logger.warn('journal: a record cut off mid-write was set aside', { ...setAside })
      }
    }
    const last = records.at(-1)
    const file = new JournalFile(path, last?.seq ?? 0, last?.hash ?? genesisHash, now, null)
    return { file, records, setAside }
  }

  /** Appends one record after every earlier append; resolves once it is on disk. */
  append(fields: IntentFields | OutcomeFields | OperationFields): Promise<JournalRecord> {
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
      await appendAndSync(this.path, line)
      this.lastSeq = record.seq
      this.lastHash = record.hash
      // What the file holds, exactly as the next start will read it.
      return readBack.record
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

/** open('a') → write → fsync; a failed write is cut back so the file keeps whole lines only. */
async function appendAndSync(path: string, text: string): Promise<void> {
  const handle = await open(path, 'a', 0o600)
  const sizeBefore = (await handle.stat()).size
  try {
    await handle.write(text, null, 'utf8')
    await handle.sync()
  } catch (error) {
    await handle.truncate(sizeBefore).catch(() => undefined)
    throw new AppError('internal', `The journal ${path} could not be written (${describe(error)}).`, { cause: error })
  } finally {
    await handle.close()
  }
}

async function setAsideTail(directory: string, path: string, content: Buffer, line: number, at: Date): Promise<SetAsideTail> {
  const completeLength = content.lastIndexOf(0x0a) + 1
  const movedTo = join(directory, `journal.torn-${at.toISOString().replace(/[:.]/g, '-')}.txt`)
  // Copy first, then cut: a crash in between leaves the tail in both places, never in neither.
  await writeFileAtomically(movedTo, content.subarray(completeLength).toString('utf8'))
  await truncate(path, completeLength)
  return { line, movedTo }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
