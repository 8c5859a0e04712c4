import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConnectorId } from '../../../shared/catalogue/types'
import type { ExportFile } from '../../../shared/profiles'
import { planImport } from '../../../electron/profiles/importPlan'
import type { StoredProfile } from '../../../electron/profiles/profileFileSchema'
import { previewImport } from '../../../electron/profiles/profileExchange'
import { freeName, sameName } from '../../../electron/profiles/profileRules'
import { expectAppError } from '../../support/expectAppError'
import { createProfileServiceHarness } from '../../support/profileServiceHarness'
import { validValues } from '../../support/profileInputs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const newDirectory = useTemporaryDirectories()

function exportFile(entries: { connectorId: ConnectorId; name: string }[]): ExportFile {
  return {
    format: 'lanyard-profiles',
    version: 1,
    exportedAt: '2025-01-01T00:00:00.000Z',
    profiles: entries.map(({ connectorId, name }) => ({ connectorId, name, environment: 'real', values: validValues[connectorId] })),
  }
}

function storedProfiles(entries: { connectorId: ConnectorId; name: string }[]): StoredProfile[] {
  return entries.map(({ connectorId, name }, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    connectorId,
    name,
    environment: 'real',
    values: validValues[connectorId],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  }))
}

/** The names the preview suggested before it was made linear: every taken name compared with every candidate. */
function suggestedNamesAsBefore(file: ExportFile, existing: readonly StoredProfile[]): string[] {
  const taken = existing.map((profile) => ({ connectorId: profile.connectorId, name: profile.name }))
  const isTaken = (connectorId: string, name: string) => taken.some((other) => other.connectorId === connectorId && sameName(other.name, name))
  return file.profiles.map((entry) => {
    const suggestedName = isTaken(entry.connectorId, entry.name) ? freeName(entry.name, (candidate) => isTaken(entry.connectorId, candidate)) : entry.name
    taken.push({ connectorId: entry.connectorId, name: suggestedName })
    return suggestedName
  })
}

/**
 * Every name comparison lowercases both names (names count the same whatever their case), so the
 * number of `toLocaleLowerCase` calls is the work done on names: counted, never timed. Past the
 * budget it throws, so a superlinear algorithm fails at once instead of running for minutes.
 */
function countNameWork<T>(budget: number, work: () => T): { value: T; calls: number } {
  let calls = 0
  const original = String.prototype.toLocaleLowerCase
  vi.spyOn(String.prototype, 'toLocaleLowerCase').mockImplementation(function (this: string, ...locales: unknown[]) {
    if (++calls > budget) throw new Error(`more than ${budget} name comparisons`)
    return original.apply(this, locales as [])
  })
  try {
    return { value: work(), calls }
  } finally {
    vi.restoreAllMocks()
  }
}

const sameNameRepeated = (count: number) => exportFile(Array.from({ length: count }, () => ({ connectorId: 'okta' as const, name: 'Okta prod' })))

afterEach(() => vi.restoreAllMocks())

describe('import preview and plan at scale', () => {
  it('suggests the same names as before for small files, whatever the clashes', () => {
    const names = fc.constantFrom('Okta', 'okta', ' Okta ', 'Okta (2)', 'okta (3)', 'Okta (2) (2)', 'Pool', 'x'.repeat(118), 'X'.repeat(119))
    const entry = fc.record({ connectorId: fc.constantFrom<ConnectorId>('okta', 'cognito'), name: names })
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), fc.array(entry, { minLength: 1, maxLength: 12 }), (existingEntries, fileEntries) => {
        const existing = storedProfiles(existingEntries)
        const file = exportFile(fileEntries)
        expect(previewImport(file, existing).map((line) => line.suggestedName)).toEqual(suggestedNamesAsBefore(file, existing))
      }),
      { seed: 11, numRuns: 300 },
    )
  })

  it('gives 2,000 entries with one repeated name 2,000 distinct names, in order', () => {
    const existing = storedProfiles([{ connectorId: 'okta', name: 'Okta prod' }])
    const preview = previewImport(sameNameRepeated(2_000), existing)
    expect(preview.map((line) => line.suggestedName)).toEqual(Array.from({ length: 2_000 }, (_, index) => `Okta prod (${index + 2})`))
    expect(preview.every((line) => line.clashesWith === existing[0]?.id)).toBe(true)
  })

  it('previews 2,000 and 20,000 entries with one repeated name in work that grows linearly', () => {
    const workFor = (count: number) => countNameWork(20 * count, () => previewImport(sameNameRepeated(count), [])).calls
    const small = workFor(2_000)
    const large = workFor(20_000)
    expect(large).toBeLessThanOrEqual(11 * small)
  })

  it('plans the import of 2,000 and 20,000 renamed entries in work that grows linearly', () => {
    const workFor = (count: number) => {
      const file = sameNameRepeated(count)
      const existing = storedProfiles([{ connectorId: 'okta', name: 'Okta prod' }])
      const resolutions = file.profiles.map((_, index) => ({ index, action: 'rename' as const, name: `Okta prod ${index}` }))
      const { value, calls } = countNameWork(20 * count, () => planImport(file, resolutions, existing))
      expect(value.additions).toHaveLength(count)
      return calls
    }
    const small = workFor(2_000)
    const large = workFor(20_000)
    expect(large).toBeLessThanOrEqual(11 * small)
  })
})

describe('the size of an import file', () => {
  it('refuses more than 500 profiles before looking at any, naming the limit and what to do', async () => {
    const { service } = await createProfileServiceHarness(newDirectory())
    const content = JSON.stringify(sameNameRepeated(501))
    for (const call of [service.importPreview(content), service.import(content, [])]) {
      const error = await expectAppError(call, 'invalid_input')
      expect(error.message).toBe(
        'This file lists 501 profiles; Lanyard imports at most 500 at a time. Export the profiles in smaller groups and import each file.',
      )
    }
    expect(await service.list()).toEqual([])
    expect(await service.importPreview(JSON.stringify(sameNameRepeated(500)))).toHaveLength(500)
  })

  it('refuses a file over 1 MB before reading it as JSON', async () => {
    const { service } = await createProfileServiceHarness(newDirectory())
    const file = sameNameRepeated(1)
    const padded = JSON.stringify({ ...file, exportedAt: 'é'.repeat(512 * 1024) }) // 2 bytes each in UTF-8: just over 1 MB
    const error = await expectAppError(service.importPreview(padded), 'invalid_input')
    expect(error.message).toMatch(/^This file is 1\.0\d MB; a Lanyard profile export is at most 1 MB\. /)
    expect(error.message).toContain('Check that it is the right file, or export the profiles in smaller groups.')
  })
})
