/*
 * CSV files Lanyard writes (the journal from main, lists and member lists from the renderer): one
 * way to write a cell and a file, so every export opens the same in a spreadsheet. RFC 4180 with
 * CRLF line ends, and a UTF-8 byte order mark first: without it Excel reads the file as the
 * computer's legacy code page and "Lefèvre" arrives as "LefÃ¨vre".
 */

/** The byte order mark, as the first character of the text (UTF-8 encodes it as EF BB BF). */
export const utf8Bom = '\uFEFF'

/**
 * One CSV cell. A cell a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return that some spreadsheets skip before one) gets a leading apostrophe; then the cell
 * is quoted when it holds a comma, a quote or a line break, quotes doubled (RFC 4180).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** A whole file: the headings (words a person reads, never attribute paths), then a line per row. */
export function csvFile(headings: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [headings, ...rows].map((row) => row.map(csvCell).join(','))
  return `${utf8Bom}${lines.join('\r\n')}\r\n`
}

/** A file name part from a profile's or list's name: "Okta (EU) users" → "okta-eu-users". */
export function fileNamePart(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'export'
  )
}
