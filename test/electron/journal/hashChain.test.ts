import { readdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../electron/journal/canonicalJson'
import { genesisHash, hashOf } from '../../../electron/journal/journalRecord'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { journalOnDisk, journalPath } from '../directory/directoryHarness'
import { openJournal, updateIntent } from './journalFixtures'

const newDirectory = useTemporaryDirectories()

async function journalWithFourRecords(directory: string) {
  const { journal } = await openJournal(directory)
  for (const name of ['Ada Lovelace', 'Grace Hopper']) {
    const intent = await journal.recordIntent(updateIntent(name))
    await journal.recordOutcome({ intentId: intent.id, status: 'applied', message: 'Done.', steps: [], details: {}, reconciled: false, target: null })
  }
  return journal
}

function lines(directory: string): string[] {
  return readFileSync(journalPath(directory), 'utf8').split('\n').filter((line) => line !== '')
}

function writeLines(directory: string, content: string[]): void {
  writeFileSync(journalPath(directory), content.map((line) => `${line}\n`).join(''))
}

describe('the journal hash chain', () => {
  it('chains every record to the one before it, the first to the genesis value', async () => {
    const directory = newDirectory()
    const journal = await journalWithFourRecords(directory)
    const records = journalOnDisk(directory)
    expect(records.map((record) => record.seq)).toEqual([1, 2, 3, 4])
    expect(records[0]!.prevHash).toBe(genesisHash)
    for (const [index, record] of records.entries()) {
      expect(record.hash).toBe(hashOf(record))
      if (index > 0) expect(record.prevHash).toBe(records[index - 1]!.hash)
    }
    expect(await journal.verify()).toEqual({ intact: true, records: 4, problem: null })
  })

  it('writes each line as canonical JSON, keys in a stable order', async () => {
    const directory = newDirectory()
    await journalWithFourRecords(directory)
    for (const line of lines(directory)) expect(line).toBe(canonicalJson(JSON.parse(line)))
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}')
  })

  it('continues the chain after a restart', async () => {
    const directory = newDirectory()
    await journalWithFourRecords(directory)
    const { journal } = await openJournal(directory)
    await journal.recordIntent(updateIntent('Alan Turing'))
    expect(await journal.verify()).toEqual({ intact: true, records: 5, problem: null })
    expect(journalOnDisk(directory).at(-1)!.seq).toBe(5)
  })

  it('names the first edited line', async () => {
    const directory = newDirectory()
    const journal = await journalWithFourRecords(directory)
    const content = lines(directory)
    content[2] = content[2]!.replace('Grace Hopper', 'Someone Else')
    writeLines(directory, content)
    expect(await journal.verify()).toEqual({
      intact: false,
      records: 4,
      problem: { line: 3, reason: expect.stringContaining('Line 3 was edited after it was written') },
    })
  })

  it('names the line after a deleted record', async () => {
    const directory = newDirectory()
    const journal = await journalWithFourRecords(directory)
    const content = lines(directory)
    content.splice(1, 1)
    writeLines(directory, content)
    const verification = await journal.verify()
    expect(verification).toMatchObject({ intact: false, records: 3, problem: { line: 2 } })
    expect(verification.problem?.reason).toMatch(/A record is missing before line 2: records were deleted/)
  })

  it('names the first line out of place when records are reordered', async () => {
    const directory = newDirectory()
    const journal = await journalWithFourRecords(directory)
    const [first, second, third, fourth] = lines(directory)
    writeLines(directory, [first!, third!, second!, fourth!])
    const verification = await journal.verify()
    expect(verification).toMatchObject({ intact: false, problem: { line: 2 } })
    expect(verification.problem?.reason).toMatch(/out of order \(record 3 where record 2 belongs\): records were moved/)
  })

  it('reports a line that is not a record at all', async () => {
    const directory = newDirectory()
    const journal = await journalWithFourRecords(directory)
    const content = lines(directory)
    content[0] = '{"seq": 1, "hello": "world"}'
    writeLines(directory, content)
    expect((await journal.verify()).problem).toEqual({ line: 1, reason: expect.stringMatching(/^Line 1 does not have the shape of a journal record/) })
  })

  it('sets a torn last line aside at start-up, reports it, and keeps appending whole lines', async () => {
    const directory = newDirectory()
    await journalWithFourRecords(directory)
    const whole = lines(directory)
    const torn = whole[3]!.slice(0, 40)
    writeFileSync(journalPath(directory), `${whole.slice(0, 3).join('\n')}\n${torn}`)

    const { journal, logger } = await openJournal(directory)
    const tornFiles = readdirSync(directory).filter((name) => name.startsWith('journal.torn-'))
    expect(tornFiles).toHaveLength(1)
    expect(readFileSync(join(directory, tornFiles[0]!), 'utf8')).toBe(torn)
    expect(lines(directory)).toEqual(whole.slice(0, 3))
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('set aside') }))
    expect(await journal.verify()).toEqual({
      intact: true,
      records: 3,
      problem: { line: 4, reason: expect.stringContaining(`moved to ${join(directory, tornFiles[0]!)}`) },
    })

    await journal.recordIntent(updateIntent('Alan Turing'))
    expect(journalOnDisk(directory).map((record) => record.seq)).toEqual([1, 2, 3, 4])
    expect((await journal.verify()).intact).toBe(true)
  })

  it('keeps a whole last record that only lost its newline', async () => {
    const directory = newDirectory()
    await journalWithFourRecords(directory)
    const whole = lines(directory)
    writeFileSync(journalPath(directory), whole.join('\n'))
    const { journal } = await openJournal(directory)
    expect(readdirSync(directory).some((name) => name.startsWith('journal.torn-'))).toBe(false)
    expect(await journal.verify()).toEqual({ intact: true, records: 4, problem: null })
    await journal.recordIntent(updateIntent('Alan Turing'))
    expect(await journal.verify()).toEqual({ intact: true, records: 5, problem: null })
  })

  it('reports an unfinished line written after start-up', async () => {
    const directory = newDirectory()
    const journal = await journalWithFourRecords(directory)
    appendFileSync(journalPath(directory), '{"seq":5,"id":"x"')
    expect(await journal.verify()).toEqual({ intact: false, records: 4, problem: { line: 5, reason: expect.stringContaining('incomplete') } })
  })

  it('refuses to write a record it could not read back, and writes nothing', async () => {
    const directory = newDirectory()
    const { journal } = await openJournal(directory)
    await journal.recordIntent(updateIntent('Ada Lovelace'))
    // An adapter's snapshot with a group that has no name: JSON would silently drop the field.
    const snapshot = { userId: '00u-grace', userName: 'grace', displayName: 'Grace Hopper', status: 'ACTIVE', active: true, groups: [{ id: '00g-1', name: undefined as unknown as string }], mode: 'suspend', extra: {} }
    await expect(journal.recordIntent(updateIntent('Grace Hopper', { action: 'deprovision', changes: [], snapshot }))).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('could not be read back'),
    })
    expect(journalOnDisk(directory)).toHaveLength(1)
    expect(journal.list({})).toHaveLength(1)
    await journal.recordIntent(updateIntent('Alan Turing'))
    expect(await journal.verify()).toEqual({ intact: true, records: 2, problem: null })
  })

  it('serialises appends made at the same time', async () => {
    const directory = newDirectory()
    const { journal } = await openJournal(directory)
    await Promise.all(['A', 'B', 'C', 'D', 'E', 'F'].map((name) => journal.recordIntent(updateIntent(name))))
    expect(journalOnDisk(directory).map((record) => record.seq)).toEqual([1, 2, 3, 4, 5, 6])
    expect((await journal.verify()).intact).toBe(true)
  })
})
