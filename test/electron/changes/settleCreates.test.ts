import { describe, expect, it } from 'vitest'
import type { NewIntent } from '../../../electron/journal/Journal'
import type { FakeDirectory } from '../../support/fakeConnector'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { startServices } from '../directory/directoryHarness'
import { crashedWith } from '../journal/crashedJournal'

/*
 * Settling a create whose answer was lost (issue 11, defect 3): only the object that attempt could
 * have made counts — the right values, made no earlier than the attempt began, claimed by no other
 * entry — and when the evidence cannot single it out the entry says "could not tell".
 */

const newDirectory = useTemporaryDirectories()
const userName = 'grace.hopper@example.com'

function createOf(overrides: Partial<NewIntent> = {}): Partial<NewIntent> {
  return {
    action: 'create',
    target: { objectType: 'users', id: '', name: 'Grace Hopper' },
    changes: [
      { attribute: 'userName', before: null, after: userName },
      { attribute: 'title', before: null, after: 'Rear Admiral' },
    ],
    ...overrides,
  }
}

/** Creates journaled at the given times with no outcome (answers lost), then a restart. */
async function unfinishedCreates(times: string[], prepare: (fake: FakeDirectory) => void) {
  const crashed = await crashedWith(newDirectory(), ({ fake }) => {
    prepare(fake)
    return times.map((at) => ({ at, ...createOf() }))
  })
  const services = await startServices(crashed.directory, { fake: crashed.fake, secretStore: crashed.secretStore })
  return { ...crashed, services, settled: await services.handlers['journal.reconciled']({}) }
}

describe('settling an unfinished create', () => {
  it('gives the object to the attempt that made it, not also to a later retry, by its creation time', async () => {
    let grace = ''
    const { settled } = await unfinishedCreates(['2026-11-20T09:00:00.000Z', '2026-11-20T09:10:00.000Z'], (fake) => {
      grace = fake.addUser('Grace', 'Hopper', { title: 'Rear Admiral', 'meta.created': '2026-11-20T09:00:01.000Z' })
    })
    expect(settled.map((entry) => [entry.outcome.status, entry.target.id])).toEqual([
      ['applied', grace],
      ['failed', ''],
    ])
    expect(settled[1]!.outcome.message).toContain(`the journal records it as made by another entry (${settled[0]!.id})`)
  })

  it('says it could not tell when two unfinished creates could each have made the object, and gives it to neither', async () => {
    let grace = ''
    const { settled } = await unfinishedCreates(['2026-11-20T09:00:00.000Z', '2026-11-20T09:00:10.000Z'], (fake) => {
      grace = fake.addUser('Grace', 'Hopper', { title: 'Rear Admiral', 'meta.created': '2026-11-20T09:00:11.000Z' })
    })
    // Made after both began: either could have made it, and the evidence cannot say which.
    expect(settled.map((entry) => entry.outcome.status)).toEqual(['undetermined', 'undetermined'])
    expect(settled[0]!.outcome.message).toMatch(/^Could not tell whether it took effect: Found Grace Hopper at the target, but another unfinished create/)
    expect(settled[0]!.summary).toBe('Started to create user Grace Hopper; Lanyard could not tell whether it took effect')
    expect(settled.filter((entry) => entry.target.id === grace)).toEqual([])
  })

  it('says it could not tell when the object holds other values than the create sent', async () => {
    const { settled, directory, fake, secretStore } = await unfinishedCreates(['2026-11-20T09:00:00.000Z'], (fake) => {
      fake.addUser('Grace', 'Hopper', { title: 'Programmer' })
    })
    expect(settled[0]!.outcome).toMatchObject({ status: 'undetermined', reconciled: true, message: expect.stringContaining('other values for title') })
    // Settled: the next start does not check it again.
    const again = await startServices(directory, { fake, secretStore })
    expect(await again.handlers['journal.reconciled']({})).toEqual([])
  })

  it('settles a retry alone as failed when the object was made before it began', async () => {
    const { settled } = await unfinishedCreates(['2026-11-20T09:10:00.000Z'], (fake) => {
      fake.addUser('Grace', 'Hopper', { title: 'Rear Admiral', 'meta.created': '2026-11-20T09:00:01.000Z' })
    })
    expect(settled[0]!.outcome).toMatchObject({ status: 'failed', message: expect.stringContaining('it was created at 2026-11-20T09:00:01.000Z, before this attempt began') })
  })

  it('settles a create as applied when exactly that object is there, and as failed when nothing is', async () => {
    let grace = ''
    const found = await unfinishedCreates(['2026-11-20T09:00:00.000Z'], (fake) => {
      grace = fake.addUser('Grace', 'Hopper', { title: 'Rear Admiral', 'meta.created': '2026-11-20T09:00:01.000Z' })
    })
    expect(found.settled[0]).toMatchObject({ target: { id: grace }, outcome: { status: 'applied' } })
    const missing = await unfinishedCreates(['2026-11-20T09:00:00.000Z'], () => {})
    expect(missing.settled[0]!.outcome).toMatchObject({ status: 'failed', message: 'Grace Hopper is not at the target: it was not created.' })
  })
})
