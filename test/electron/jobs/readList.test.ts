import { describe, expect, it } from 'vitest'
import { readList } from '../../../electron/jobs/readList'
import { expectAppError } from '../../support/expectAppError'

const file = (bytes: Buffer | string) => ({ base64: Buffer.from(bytes).toString('base64') })

describe('reading a list of people', () => {
  it('reads a pasted list of one email per line, without a header, dropping empty lines', () => {
    const list = readList({ text: 'dana.lee@example.com\n\n  sam.khan@example.com  \n\n' })
    expect(list).toMatchObject({ hasHeader: false, columns: ['Column 1'], rows: [['dana.lee@example.com'], ['sam.khan@example.com']], suggestedColumn: 0, problems: [] })
  })

  it("reads Excel's semicolon CSV with a byte-order mark, finds the header and suggests the email column", () => {
    const list = readList(file('\uFEFFName;E-mail;Leaving\nDana Lee;dana.lee@example.com;2026-12-31\n"Khan; Sam";sam.khan@example.com;2026-12-31\n'))
    expect(list).toMatchObject({ delimiter: ';', encoding: 'utf-8', hasHeader: true, columns: ['Name', 'E-mail', 'Leaving'], suggestedColumn: 1 })
    expect(list.rows).toEqual([
      ['Dana Lee', 'dana.lee@example.com', '2026-12-31'],
      ['Khan; Sam', 'sam.khan@example.com', '2026-12-31'],
    ])
  })

  it('finds a header by its values when its names are unknown, and tabs and bars as delimiters', () => {
    expect(readList({ text: 'Who\tWhen\nana@example.com\tMonday\nbo@example.com\tFriday' })).toMatchObject({ delimiter: '\t', hasHeader: true, columns: ['Who', 'When'], suggestedColumn: 0 })
    expect(readList({ text: 'x|ana@example.com\ny|bo@example.com' })).toMatchObject({ delimiter: '|', hasHeader: false, suggestedColumn: 1 })
  })

  it('keeps a quoted value with a line break as one value, read as a space and said so by row and column', () => {
    const list = readList({ text: 'email,note\nana@example.com,"moves to\nSales"\nbo@example.com,ok\n' })
    expect(list.rows).toEqual([
      ['ana@example.com', 'moves to Sales'],
      ['bo@example.com', 'ok'],
    ])
    expect(list.problems).toEqual([{ row: 2, column: 2, message: expect.stringMatching(/line break/) }])
  })

  it('keeps duplicate rows (the plan says which line repeats which)', () => {
    expect(readList({ text: 'ana@example.com\nana@example.com\n' }).rows).toHaveLength(2)
  })

  it('reads UTF-16 with and without a byte-order mark, and Windows-1252', () => {
    const text = 'email,name\nzoe@example.com,Zoë Lefèvre\n'
    const le = readList(file(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])))
    expect(le).toMatchObject({ encoding: 'utf-16le', rows: [['zoe@example.com', 'Zoë Lefèvre']] })
    const be = Buffer.from(text, 'utf16le').swap16()
    expect(readList(file(be))).toMatchObject({ encoding: 'utf-16be', rows: [['zoe@example.com', 'Zoë Lefèvre']] })
    expect(readList(file(Buffer.from(text, 'latin1')))).toMatchObject({ encoding: 'windows-1252', rows: [['zoe@example.com', 'Zoë Lefèvre']] })
  })

  it('names the row of an unclosed quote and of a row with too many values, and still reads the rest', () => {
    const ragged = readList({ text: 'email,name\nana@example.com,Ana\nbo@example.com,Bo,extra\n' })
    expect(ragged.rows).toHaveLength(2)
    expect(ragged.problems).toEqual([{ row: 3, column: null, message: expect.stringMatching(/3 values where the list has 2 columns/) }])
    const unclosed = readList({ text: 'email,name\nana@example.com,"Ana\nbo@example.com,Bo\n' })
    expect(unclosed.rows).toEqual([
      ['ana@example.com', 'Ana'],
      ['bo@example.com', 'Bo'],
    ])
    expect(unclosed.problems).toEqual([{ row: 2, column: 2, message: expect.stringMatching(/opens a quote it never closes/) }])
  })

  /** A header and 14 people; `seventh` stands in for the 7th person's row (file row 8). */
  function fourteen(seventh: string, eighth?: string): string {
    const people = Array.from({ length: 14 }, (_, index) => `Person ${index + 1},p${index + 1}@example.com`)
    people[6] = seventh
    if (eighth !== undefined) people[7] = eighth
    return ['name,email', ...people].join('\n')
  }

  it('reads every row after a quote never closed, naming the row and column of the quote', () => {
    const list = readList({ text: fourteen('"Person 7,p7@example.com') })
    expect(list.rows).toHaveLength(14)
    expect(list.rows[6]).toEqual(['Person 7', 'p7@example.com'])
    expect(list.rows.slice(7).map((row) => row[1])).toEqual(Array.from({ length: 7 }, (_, index) => `p${index + 8}@example.com`))
    expect(list.problems).toEqual([{ row: 8, column: 1, message: expect.stringMatching(/opens a quote it never closes.*read as a row of its own/) }])
  })

  it('reads the row after a quote closed only by the next row, naming the row and column of the quote', () => {
    const list = readList({ text: fourteen('"Person 7,p7@example.com', 'Person 8,"p8@example.com"') })
    expect(list.rows).toHaveLength(14)
    expect(list.rows.slice(6, 8)).toEqual([
      ['Person 7', 'p7@example.com'],
      ['Person 8', 'p8@example.com'],
    ])
    expect(list.problems).toEqual([{ row: 8, column: 1, message: expect.stringMatching(/opens a quote it never closes/) }])
  })

  it('says exactly which rows were read as one value when the rows cannot be told apart', () => {
    const list = readList({ text: fourteen('"Khan, Sam,p7@example.com', '"Lee, Bo",p8@example.com') })
    expect(list.rows).toHaveLength(13)
    expect(list.problems).toContainEqual({ row: 8, column: 1, message: 'Rows 8–9 were read as one value because row 8 opens a quote it never closes: close the quote and import again.' })
    expect(list.rows[7]).toEqual(['Person 9', 'p9@example.com'])
  })

  it('reads 10,000 rows and refuses what lies beyond, saying where it stopped', () => {
    const lines = Array.from({ length: 10_050 }, (_, index) => `user${index}@example.com`)
    const list = readList({ text: lines.join('\r\n') })
    expect(list.rows).toHaveLength(10_000)
    expect(list.rows.at(-1)).toEqual(['user9999@example.com'])
    expect(list.problems).toEqual([{ row: 10_001, column: null, message: expect.stringMatching(/at most 10,000 lines/) }])
  })

  it('refuses an empty list with what to do', async () => {
    const error = await expectAppError(Promise.resolve().then(() => readList({ text: '\n \n' })), 'invalid_input')
    expect(error.message).toMatch(/empty: paste one email/)
  })
})
