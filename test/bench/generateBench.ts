import { generateDirectory } from '../../electron/sandbox/people/generateDirectory'
import { megabytes, milliseconds, withPeakMemory, type BenchRow } from './benchTable'

/** Seeding the largest sandbox the tenants allow: what a first start with 100,000 users costs. */
export async function benchGenerateDirectory(count: number): Promise<BenchRow[]> {
  const started = performance.now()
  const { value, peakHeap } = await withPeakMemory(async () => generateDirectory({ count, seed: 'lanyard', domain: 'corp.example' }))
  const elapsed = performance.now() - started
  return [
    {
      benchmark: `Sandbox: generate ${count.toLocaleString('en')} people`,
      measured: milliseconds(elapsed),
      bound: '–',
      ratio: '–',
      notes: `${value.people.length.toLocaleString('en')} people, ${value.groups.length} groups; peak heap ${megabytes(peakHeap)}`,
    },
  ]
}
