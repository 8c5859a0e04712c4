import { describe, expect, it } from 'vitest'
import { csvCell } from '../../../electron/journal/journalExport'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { openJournal, updateIntent } from './journalFixtures'

const newDirectory = useTemporaryDirectories()
const otherProfileId = '2f1c4f7e-5d4e-4b0e-9a57-0c0ffee00002'

/** Three days of activity: an update, a deprovision in another profile, and a membership change. */
async function journalWithActivity() {
  const opened = await openJournal(newDirectory())
  const { journal, clock } = opened
  const applied = async (intent: Parameters<typeof journal.recordIntent>[0], day: string) => {
    clock.now = new Date(`${day}T10:00:00.000Z`)
    const record = await journal.recordIntent(intent)
    await journal.recordOutcome({ intentId: record.id, status: 'applied', message: 'Done.', steps: [], details: {}, reconciled: false, target: null })
    return record.id
  }
  await applied(updateIntent('Ada Lovelace'), '2026-11-01')
  await applied(
    updateIntent('Grace Hopper', {
      action: 'deprovision',
      profileId: otherProfileId,
      profileName: 'Okta test',
      changes: [],
      snapshot: { userId: '00u-grace', userName: 'grace', displayName: 'Grace Hopper', status: 'ACTIVE', active: true, groups: [{ id: 'g', name: 'VPN' }], mode: 'suspend', extra: {} },
    }),
    '2026-11-02',
  )
  await applied(
    updateIntent('Ada Lovelace', { action: 'addMember', changes: [], related: { objectType: 'groups', id: '00g-eng', name: 'Engineering' } }),
    '2026-11-03',
  )
  return opened
}

describe('journal.list', () => {
  it('lists newest first with the sentences a help-desk person reads', async () => {
    const { journal } = await journalWithActivity()
    expect(journal.list({}).map((entry) => entry.summary)).toEqual([
      'Added Ada Lovelace to Engineering',
      'Suspended Grace Hopper (kept 1 group on record)',
      'Changed the title of Ada Lovelace',
    ])
    expect(journal.list({})[0]).toMatchObject({ actor: 'helpdesk.anna', profileName: 'Okta prod', outcome: { status: 'applied', time: '2026-11-03T10:00:00.000Z' } })
  })

  it('filters by profile, user, action and inclusive dates', async () => {
    const { journal } = await journalWithActivity()
    const names = (filter: Parameters<typeof journal.list>[0]) => journal.list(filter).map((entry) => `${entry.action} ${entry.target.name}`)
    expect(names({ profileId: otherProfileId })).toEqual(['deprovision Grace Hopper'])
    expect(names({ user: 'LOVELACE' })).toEqual(['addMember Ada Lovelace', 'update Ada Lovelace'])
    expect(names({ user: '00u-grace' })).toEqual(['deprovision Grace Hopper'])
    expect(names({ action: 'update' })).toEqual(['update Ada Lovelace'])
    expect(names({ from: '2026-11-02', to: '2026-11-02' })).toEqual(['deprovision Grace Hopper'])
    expect(names({ from: '2026-11-02T10:00:01Z' })).toEqual(['addMember Ada Lovelace'])
    expect(names({ to: '2026-11-01' })).toEqual(['update Ada Lovelace'])
  })

  it('refuses a date it cannot read, saying how to write one', async () => {
    const { journal } = await journalWithActivity()
    expect(() => journal.list({ from: 'last tuesday' })).toThrowError('"last tuesday" is not a date. Write it as 2026-11-01.')
  })

  it('shows an intent without an outcome as pending, in words', async () => {
    const { journal } = await openJournal(newDirectory())
    await journal.recordIntent(updateIntent('Ada Lovelace'))
    expect(journal.list({})[0]).toMatchObject({
      summary: 'Started to change the title of Ada Lovelace; whether it took effect is not known yet',
      outcome: { status: 'pending', time: null, reconciled: false },
    })
  })
})

describe('journal.export', () => {
  it('writes RFC 4180 CSV, filtered like the list, named with the date', async () => {
    const { journal, clock } = await journalWithActivity()
    clock.now = new Date('2026-11-20T08:00:00.000Z')
    const file = journal.export('csv', { user: 'ada' })
    expect(file.fileName).toBe('lanyard-journal-2026-11-20.csv')
    const rows = file.content.split('\r\n')
    // A UTF-8 byte order mark first, so a spreadsheet reads Lefèvre as Lefèvre; the local time, then the exact moment.
    expect(rows[0]).toMatch(/^\uFEFFTime,Time \(UTC\),Actor,Action,Summary,Outcome,/)
    expect(rows).toHaveLength(4) // header, two entries, and the empty string after the last CRLF
    expect(rows[3]).toBe('')
    expect(rows[1]).toContain(',Added Ada Lovelace to Engineering,applied,')
    expect(rows[2]).toContain('title: Analyst → Engineer')
  })

  it('quotes and neutralises cells a spreadsheet would misread', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('Lovelace, Ada')).toBe('"Lovelace, Ada"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`)
    for (const start of ['+', '-', '@']) expect(csvCell(`${start}cmd`)).toBe(`'${start}cmd`)
  })

  it('keeps a formula typed into a name from running when the CSV is opened', async () => {
    const { journal } = await openJournal(newDirectory())
    await journal.recordIntent(updateIntent('=cmd|calc!A1, @SUM(1)'))
    const row = journal.export('csv', {}).content.split('\r\n')[1]!
    expect(row).toContain(`"Started to change the title of =cmd|calc!A1, @SUM(1); whether it took effect is not known yet"`)
    expect(row).toContain(`,"'=cmd|calc!A1, @SUM(1)",`)
  })

  it('writes JSON with the filter and the entries', async () => {
    const { journal, clock } = await journalWithActivity()
    clock.now = new Date('2026-11-20T08:00:00.000Z')
    const file = journal.export('json', { action: 'deprovision' })
    expect(file.fileName).toBe('lanyard-journal-2026-11-20.json')
    const parsed = JSON.parse(file.content) as { format: string; filter: unknown; entries: { summary: string }[] }
    expect(parsed.format).toBe('lanyard-journal')
    expect(parsed.filter).toEqual({ action: 'deprovision' })
    expect(parsed.entries.map((entry) => entry.summary)).toEqual(['Suspended Grace Hopper (kept 1 group on record)'])
  })
})
