import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** One line of the benchmark's table. Figures only: no benchmark fails on timing. */
export interface BenchRow {
  benchmark: string
  measured: string
  bound: string
  ratio: string
  notes: string
}

export function ratioOf(measuredMs: number, boundMs: number): string {
  return boundMs > 0 ? `${(measuredMs / boundMs).toFixed(2)}×` : '–'
}

export function milliseconds(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`
}

export function printTable(rows: readonly BenchRow[]): void {
  printColumns({ benchmark: 'benchmark', measured: 'measured', bound: 'lower bound', ratio: 'ratio', notes: 'notes' }, rows)
}

/** Prints `rows` as aligned columns under `headings` (its keys name the columns, in order). */
export function printColumns<Column extends string>(headings: Record<Column, string>, rows: readonly Record<Column, string>[]): void {
  const columns = Object.keys(headings) as Column[]
  const widths = columns.map((column) => Math.max(...[headings, ...rows].map((row) => row[column].length)))
  const line = (row: Record<Column, string>) => columns.map((column, index) => row[column].padEnd(widths[index] ?? 0)).join(' │ ')
  console.log(line(headings))
  console.log(widths.map((width) => '─'.repeat(width)).join('─┼─'))
  for (const row of rows) console.log(line(row))
}

/** Samples the process's memory while `work` runs; returns the peaks. */
export async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ value: T; peakRss: number; peakHeap: number }> {
  let peakRss = 0
  let peakHeap = 0
  const sample = () => {
    const usage = process.memoryUsage()
    peakRss = Math.max(peakRss, usage.rss)
    peakHeap = Math.max(peakHeap, usage.heapUsed)
  }
  sample()
  const timer = setInterval(sample, 5)
  try {
    const value = await work()
    sample()
    return { value, peakRss, peakHeap }
  } finally {
    clearInterval(timer)
  }
}

setFlagsFromString('--expose-gc')
/** A full collection (tsx exposes no `gc`), so a heap figure is what is kept, not what waits to be collected. */
export const collectGarbage = runInNewContext('gc') as () => void
