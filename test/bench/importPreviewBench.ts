import { planImport } from '../../electron/profiles/importPlan'
import { previewImport } from '../../electron/profiles/profileExchange'
import type { ExportFile } from '../../shared/profiles'
import { validValues } from '../support/profileInputs'
import { milliseconds, type BenchRow } from './benchTable'

/**
 * The import preview and plan with every entry named alike, the case that once took 80 s for
 * 2,000 entries. The service refuses files over 500 profiles; this times the naming and planning
 * beyond that limit, to show they grow linearly (20,000 should cost about ten times 2,000).
 */
export function benchImportPreview(counts: readonly number[]): BenchRow[] {
  previewImport(sameNameFile(100), []) // warm-up, so the first figure is not the compiler's
  return counts.map((count) => {
    const file = sameNameFile(count)
    const started = performance.now()
    const preview = previewImport(file, [])
    const plan = planImport(file, preview.map(({ index, suggestedName }) => ({ index, action: 'rename', name: suggestedName })), [])
    const elapsed = performance.now() - started
    return {
      benchmark: `Profiles: import preview + plan, ${count.toLocaleString('en')} entries with one name`,
      measured: milliseconds(elapsed),
      bound: '–',
      ratio: '–',
      notes: `${new Set(preview.map((line) => line.suggestedName)).size.toLocaleString('en')} distinct names, ${plan.additions.length.toLocaleString('en')} planned`,
    }
  })
}

function sameNameFile(count: number): ExportFile {
  return {
    format: 'lanyard-profiles',
    version: 1,
    exportedAt: new Date().toISOString(),
    profiles: Array.from({ length: count }, () => ({ connectorId: 'okta', name: 'Okta prod', environment: 'real', values: validValues.okta })),
  }
}
