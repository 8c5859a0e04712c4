import type { ChainVerification } from '../../shared/journal'
import { genesisHash, hashOf, parseRecordLine } from './journalRecord'

/** The journal's text cut into newline-terminated lines, and what follows the last newline. */
export interface JournalText {
  lines: string[]
  /** Bytes after the last newline: a record cut off mid-write, or null. */
  tail: string | null
}

export function splitJournalText(content: Buffer): JournalText {
  const lastNewline = content.lastIndexOf(0x0a)
  const complete = content.subarray(0, lastNewline + 1).toString('utf8')
  const tail = content.subarray(lastNewline + 1).toString('utf8')
  const lines = complete === '' ? [] : complete.slice(0, -1).split('\n')
  return { lines, tail: tail === '' ? null : tail }
}

/**
 * Checks every line against the one before it and says where the chain first breaks and how:
 * a line whose hash no longer matches was edited; a line whose `seq` jumps ahead with no record
 * of the missing numbers later in the file follows deleted records; one whose `seq` comes later
 * in the file was reordered. Records removed from the very end leave no trace in the file itself.
 */
export function verifyChain({ lines, tail }: JournalText): ChainVerification {
  const parsed = lines.map(parseRecordLine)
  const seqsInFile = new Set(parsed.flatMap((line) => (line.ok ? [line.record.seq] : [])))
  const records = parsed.filter((line) => line.ok).length
  let expectedSeq = 1
  let previousHash = genesisHash
  for (const [index, line] of parsed.entries()) {
    const lineNumber = index + 1
    if (!line.ok) return broken(records, lineNumber, `Line ${lineNumber} ${line.reason}: it was edited or damaged.`)
    const { record } = line
    if (hashOf(record) !== record.hash) {
      return broken(records, lineNumber, `Line ${lineNumber} was edited after it was written: its content no longer matches its hash.`)
    }
    if (record.seq !== expectedSeq || record.prevHash !== previousHash) {
      return broken(records, lineNumber, describeBreak(lineNumber, record.seq, expectedSeq, seqsInFile))
    }
    expectedSeq = record.seq + 1
    previousHash = record.hash
  }
  if (tail !== null) {
    const lineNumber = lines.length + 1
    return broken(records, lineNumber, `Line ${lineNumber} is incomplete: the app stopped while writing it.`)
  }
  return { intact: true, records, problem: null }
}

function describeBreak(lineNumber: number, seq: number, expectedSeq: number, seqsInFile: Set<number>): string {
  if (seq > expectedSeq && !seqsInFile.has(expectedSeq)) {
    const missing = seq - expectedSeq
    return `${missing === 1 ? 'A record is' : `${missing} records are`} missing before line ${lineNumber}: records were deleted.`
  }
  if (seq !== expectedSeq) {
    return `Line ${lineNumber} is out of order (record ${seq} where record ${expectedSeq} belongs): records were moved.`
  }
  return `Line ${lineNumber} does not follow the record before it: a record before it was replaced.`
}

function broken(records: number, line: number, reason: string): ChainVerification {
  return { intact: false, records, problem: { line, reason } }
}
