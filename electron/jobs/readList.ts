import { maxJobLines, type ReadList } from '../../shared/jobs'
import { AppError } from '../errors/AppError'
import { decodeList, pastedList } from './listEncoding'
import { readRecords } from './listRecords'

/** Column names that say what a column holds, best first: an email finds a person in every application. */
const knownColumns: readonly RegExp[] = [/^e-?mail( address)?$|^mail$|^work e-?mail$/i, /^user ?name$|^login$|^user$|^upn$|^user ?principal ?name$|^sign-?in name$/i, /^(full )?name$|^display ?name$|^person$|^employee$/i, /^id$|^user ?id$/i]

/**
 * A pasted list or a CSV file read into columns, nothing sent anywhere: the delimiter guessed from
 * the text (comma, semicolon, tab or bar), quoted values (line breaks included) kept whole, empty
 * lines dropped, the header told apart from data, and the column holding emails or usernames
 * suggested. What cannot be read is named by row and column; the rest is still read.
 */
export function readList(input: { text?: string; base64?: string }): ReadList {
  const decoded = input.base64 !== undefined ? decodeList(Buffer.from(input.base64, 'base64')) : pastedList(input.text ?? '')
  const parsed = readRecords(decoded.text)
  const problems = parsed.problems
  let rows = parsed.rows.map((row, rowIndex) => row.map((cell, columnIndex) => cleanCell(cell, rowIndex + 1, columnIndex + 1, problems)))
  if (rows.length === 0) throw new AppError('invalid_input', 'The list is empty: paste one email or username per line, or choose a CSV file with a column of them.')
  const width = Math.max(...rows.map((row) => row.length))
  const hasHeader = looksLikeHeader(rows)
  const columns = hasHeader ? rows[0]!.map((name, index) => name || `Column ${index + 1}`) : Array.from({ length: width }, (_, index) => `Column ${index + 1}`)
  if (hasHeader) rows = rows.slice(1)
  rows.forEach((row, index) => {
    if (row.length !== columns.length) {
      problems.push({ row: index + 1 + (hasHeader ? 1 : 0), column: null, message: `This row has ${row.length} values where the list has ${columns.length} columns: check its delimiters and quotes.` })
    }
  })
  if (rows.length > maxJobLines) {
    problems.push({ row: maxJobLines + 1, column: null, message: `A job holds at most ${maxJobLines.toLocaleString('en')} lines: the rows from here on were not read. Split the list.` })
    rows = rows.slice(0, maxJobLines)
  }
  return { columns, hasHeader, delimiter: parsed.delimiter, encoding: decoded.encoding, rows, suggestedColumn: suggestedColumn(columns, rows, hasHeader), problems }
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacters = /[\u0000-\u001f\u007f]+/g

/** Values are one line each: a line break inside quotes is read as a space, and said so. */
function cleanCell(cell: string, row: number, column: number, problems: ReadList['problems']): string {
  const trimmed = cell.trim()
  if (!trimmed.match(controlCharacters)) return trimmed
  problems.push({ row, column, message: 'This value holds a line break or control character; it was read as spaces.' })
  return trimmed.replace(controlCharacters, ' ')
}

/** A first row whose cells name known columns, or that has no email where the rows below have them. */
function looksLikeHeader(rows: string[][]): boolean {
  const [first, ...rest] = rows
  if (!first || rest.length === 0) return false
  if (first.some((cell) => knownColumns.some((pattern) => pattern.test(cell)))) return true
  return first.some((cell, column) => !cell.includes('@') && rest.slice(0, 20).filter((row) => row[column]?.includes('@')).length > Math.min(rest.length, 20) / 2)
}

function suggestedColumn(columns: string[], rows: string[][], hasHeader: boolean): number {
  if (hasHeader) {
    for (const pattern of knownColumns) {
      const named = columns.findIndex((name) => pattern.test(name))
      if (named >= 0) return named
    }
  }
  const sample = rows.slice(0, 50)
  const emails = columns.map((_, column) => sample.filter((row) => /^[^@\s]+@[^@\s]+$/.test(row[column] ?? '')).length)
  const best = emails.indexOf(Math.max(...emails))
  return emails[best]! > 0 ? best : 0
}
