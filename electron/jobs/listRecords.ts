import Papa from 'papaparse'
import type { ReadList } from '../../shared/jobs'

/*
 * A list's text read into records with papaparse, and one mistake of hand-edited CSVs undone: a
 * quote opened and never closed makes papaparse read the next rows (or the rest of the file) as
 * one value. When each line of that value reads alone as a row of the list's width, the lines
 * are read as the rows they are and the quote is named; when they do not, the merged rows are said.
 */

export interface ListRecords {
  rows: string[][]
  delimiter: string
  problems: ReadList['problems']
}

interface RawRecord {
  cells: string[]
  /** The record's own text, line breaks included: what papaparse read into it. */
  text: string
  errors: Papa.ParseError[]
}

const quoteErrors = new Set(['MissingQuotes', 'InvalidQuotes'])
const lineBreak = /\r\n|\n|\r/

export function readRecords(text: string): ListRecords {
  const records: RawRecord[] = []
  let start = 0
  let delimiter = ','
  Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: 'greedy',
    step: (result) => {
      records.push({ cells: result.data, text: text.slice(start, result.meta.cursor), errors: result.errors })
      start = result.meta.cursor
      delimiter = result.meta.delimiter
    },
  })
  const rows: string[][] = []
  const problems: ReadList['problems'] = []
  const width = records[0]?.cells.length ?? 0
  for (const record of records) {
    const row = rows.length + 1
    const swallowed = record.errors.some((error) => quoteErrors.has(error.code)) && rows.length > 0 ? linesOfUnclosedQuote(record, delimiter) : null
    if (swallowed) {
      const column = record.cells.findIndex((cell) => lineBreak.test(cell)) + 1
      if (swallowed.every((cells) => cells !== null && cells.length === width)) {
        rows.push(...(swallowed as string[][]))
        problems.push({ row, column: swallowed.column, message: `Row ${row} opens a quote it never closes: the quote was left out and each line after it read as a row of its own. Check the value.` })
      } else {
        rows.push(record.cells)
        const last = row + swallowed.length - 1
        problems.push({ row, column: column || null, message: `Rows ${row}–${last} were read as one value because row ${row} opens a quote it never closes: close the quote and import again.` })
      }
      continue
    }
    for (const error of record.errors) {
      // A list of one column has no delimiter to find: that is not a problem.
      if (error.code !== 'UndetectableDelimiter') problems.push({ row, column: null, message: parseProblem(error.code) })
    }
    rows.push(record.cells)
  }
  return { rows, delimiter, problems }
}

/**
 * The lines of a record whose quote ran over line breaks, each read alone (null where a line does
 * not read cleanly), with the column where the first line's quote opens; null when the record
 * holds one line or its first line has no unclosed quote (a quoted value with a line break inside).
 */
function linesOfUnclosedQuote(record: RawRecord, delimiter: string): (Array<string[] | null> & { column: number }) | null {
  const lines = record.text.split(lineBreak).filter((line) => line.trim() !== '')
  if (lines.length < 2) return null
  const first = Papa.parse<string[]>(lines[0]!, { delimiter })
  if (!first.errors.some((error) => error.code === 'MissingQuotes')) return null
  // The unclosed value is the line's last cell, its quote left out: read it as plain values.
  const before = first.data[0]!.slice(0, -1)
  const opened = [...before, ...first.data[0]!.at(-1)!.split(delimiter)]
  const rest = lines.slice(1).map((line) => {
    const alone = Papa.parse<string[]>(line, { delimiter })
    return alone.errors.length === 0 && alone.data.length === 1 ? alone.data[0]! : null
  })
  return Object.assign([opened, ...rest], { column: before.length + 1 })
}

function parseProblem(code: string): string {
  if (code === 'MissingQuotes') return 'A quoted value is not closed: a " is missing on this row, so the rest of the file may be read as one value.'
  if (code === 'InvalidQuotes') return 'A quote inside a value is not doubled (write "" for a quote inside quotes).'
  if (code === 'TooManyFields' || code === 'TooFewFields') return 'This row has a different number of values from the header.'
  return 'This row could not be read.'
}
