import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { emptyProfileFile, type StoredProfile } from '../../../electron/profiles/profileFileSchema'
import { ProfileRepository } from '../../../electron/profiles/ProfileRepository'
import { createRecordingLogger } from '../../support/recordingLogger'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const newDirectory = useTemporaryDirectories()
const startedAt = new Date('2025-03-04T05:06:07.089Z')

function profile(name: string): StoredProfile {
  return {
    id: crypto.randomUUID(),
    connectorId: 'okta',
    name,
    environment: 'real',
    values: { url: 'https://acme.okta.com' },
    createdAt: startedAt.toISOString(),
    updatedAt: startedAt.toISOString(),
  }
}

async function open(directory: string): Promise<ProfileRepository> {
  return ProfileRepository.open(directory, createRecordingLogger(), () => startedAt)
}

describe('ProfileRepository', () => {
  it('removes the temp files a crash mid-save left, and only its own', async () => {
    const directory = newDirectory()
    const first = await open(directory)
    await first.save({ ...emptyProfileFile(), profiles: [profile('Okta prod')] })
    const leftovers = ['.profiles.json.0123456789ab.tmp', '.profiles.json.fedcba987654.tmp']
    const others = ['.profiles.json.tmp', '.profiles.json.notours.tmp', '.journal.jsonl.0123456789ab.tmp', 'notes.tmp']
    for (const name of [...leftovers, ...others]) writeFileSync(join(directory, name), '{"schemaVersion":1,"prof')

    const next = await open(directory)
    expect(next.list().map((stored) => stored.name)).toEqual(['Okta prod'])
    expect(readdirSync(directory).sort()).toEqual([...others, 'profiles.json'].sort())
  })

  it('treats a missing profiles file as an empty list, without creating one', async () => {
    const directory = newDirectory()
    const repository = await open(directory)
    expect(repository.list()).toEqual([])
    expect(repository.storageProblem).toBeNull()
    expect(readdirSync(directory)).toEqual([])
  })

  it('writes a versioned file that a new start reads back', async () => {
    const directory = join(newDirectory(), 'not-yet-created')
    const first = await open(directory)
    const saved = [profile('Okta prod'), profile('Okta test')]
    await first.save({ ...emptyProfileFile(), profiles: saved })

    const onDisk = JSON.parse(readFileSync(join(directory, 'profiles.json'), 'utf8'))
    expect(onDisk.schemaVersion).toBe(1)
    expect(onDisk.profiles.map((p: StoredProfile) => p.name)).toEqual(['Okta prod', 'Okta test'])
    expect((await open(directory)).list()).toEqual(saved)
  })

  it('leaves no temporary files behind after writing', async () => {
    const directory = newDirectory()
    const repository = await open(directory)
    for (let count = 1; count <= 5; count++) {
      await repository.save({ ...emptyProfileFile(), profiles: Array.from({ length: count }, (_, n) => profile(`P${n}`)) })
    }
    expect(readdirSync(directory)).toEqual(['profiles.json'])
  })

  it('keeps the saved list and leaves no temp file when the final rename fails', async () => {
    const directory = newDirectory()
    const repository = await open(directory)
    const kept = [profile('Kept')]
    await repository.save({ ...emptyProfileFile(), profiles: kept })
    // Swap the file for a non-empty folder: the final rename must fail.
    const blocker = join(directory, 'profiles.json')
    rmSync(blocker)
    mkdirSync(join(blocker, 'inside'), { recursive: true })

    await expect(repository.save({ ...emptyProfileFile(), profiles: [profile('Lost')] })).rejects.toThrow()
    expect(readdirSync(directory)).toEqual(['profiles.json'])
    expect(readdirSync(blocker)).toEqual(['inside'])
    expect(repository.list()).toEqual(kept)
  })

  it('moves a file that is not JSON aside, reports it and never overwrites it', async () => {
    const directory = newDirectory()
    writeFileSync(join(directory, 'profiles.json'), '{ "schemaVersion": 1, "profiles": [ oops')
    const repository = await open(directory)

    const movedTo = join(directory, 'profiles.corrupt-2025-03-04T05-06-07-089Z.json')
    expect(repository.storageProblem).toEqual({ movedTo, reason: expect.stringContaining('not valid JSON') })
    expect(repository.list()).toEqual([])
    await repository.save({ ...emptyProfileFile(), profiles: [profile('New')] })
    expect(readFileSync(movedTo, 'utf8')).toBe('{ "schemaVersion": 1, "profiles": [ oops')
    expect(readdirSync(directory).sort()).toEqual(['profiles.corrupt-2025-03-04T05-06-07-089Z.json', 'profiles.json'])
  })

  it('moves aside a file of the wrong shape and says which part is wrong', async () => {
    const directory = newDirectory()
    writeFileSync(join(directory, 'profiles.json'), JSON.stringify({ schemaVersion: 1, profiles: [{ id: 'x' }] }))
    const repository = await open(directory)
    expect(repository.storageProblem?.reason).toMatch(/does not have the expected shape \(profiles\.0\./)
    expect(existsSync(join(directory, 'profiles.json'))).toBe(false)
  })

  it('moves aside a file from a newer Lanyard instead of losing its data', async () => {
    const directory = newDirectory()
    const future = JSON.stringify({ schemaVersion: 2, profiles: [], somethingNew: true })
    writeFileSync(join(directory, 'profiles.json'), future)
    const repository = await open(directory)
    expect(repository.storageProblem?.reason).toContain('newer version of Lanyard (schema version 2')
    expect(readFileSync(repository.storageProblem?.movedTo ?? '', 'utf8')).toBe(future)
  })

  it('does not reuse the name of an earlier moved-aside file', async () => {
    const directory = newDirectory()
    for (const content of ['first broken', 'second broken']) {
      writeFileSync(join(directory, 'profiles.json'), content)
      await open(directory)
    }
    const moved = readdirSync(directory).filter((name) => name.startsWith('profiles.corrupt-')).sort()
    expect(moved).toHaveLength(2)
    expect(moved.map((name) => readFileSync(join(directory, name), 'utf8')).sort()).toEqual(['first broken', 'second broken'])
  })

  it('refuses to write a profile list that breaks the schema', async () => {
    const repository = await open(newDirectory())
    const broken = { ...profile('Broken'), id: 'not-a-uuid' }
    await expect(repository.save({ ...emptyProfileFile(), profiles: [broken] })).rejects.toThrow()
    expect(repository.list()).toEqual([])
  })
})
