import type { FaultControl, FaultKind, ScriptedFault } from '../types'
import type { Random } from './random'

/** Faults that strike before the tenant sees the request: the default random kinds. */
export const allFaultKinds: readonly FaultKind[] = ['rate_limit', 'server_error', 'bad_gateway', 'unavailable', 'reset', 'timeout']

/**
 * Faults that strike after the tenant carried the request out (the answer is lost). Opt-in: they
 * change the tenant's state, so a client that was told of a failure may still find its write done.
 */
export const answerLosingFaultKinds: readonly FaultKind[] = ['lost_answer', 'lost_answer_5xx']

interface ScriptEntry {
  fault: ScriptedFault
  /** Matching requests still to let through before striking. */
  toSkip: number
  /** Faults still to deliver. */
  remaining: number
}

/**
 * Decides, per request, whether a fault answers it instead of the tenant. Scripted faults are
 * checked first (in the order given; each request consumes at most one entry), then the random
 * rate. The dice come from the tenant's seeded random, so a run can be replayed.
 */
export class FaultInjector implements FaultControl {
  private entries: ScriptEntry[] = []
  private rate = 0
  private kinds: FaultKind[] = [...allFaultKinds]
  private readonly counts: Partial<Record<FaultKind, number>> = {}

  constructor(
    private readonly random: Random,
    rate = 0,
    kinds?: FaultKind[],
  ) {
    this.setRate(rate, kinds)
  }

  script(faults: ScriptedFault[]): void {
    for (const fault of faults) {
      this.entries.push({ fault, toSkip: fault.after ?? 0, remaining: fault.times ?? 1 })
    }
  }

  setRate(rate: number, kinds?: FaultKind[]): void {
    if (!(rate >= 0 && rate <= 1)) throw new RangeError(`A fault rate is a share between 0 and 1, not ${rate}.`)
    this.rate = rate
    if (kinds) {
      if (kinds.length === 0) throw new RangeError('Give at least one fault kind, or a rate of 0.')
      this.kinds = [...kinds]
    }
  }

  clear(): void {
    this.entries = []
    this.rate = 0
  }

  /** The fault for this request, if any. Consumes script entries. */
  draw(method: string, path: string): FaultKind | undefined {
    for (const entry of this.entries) {
      if (!matches(entry.fault, method, path)) continue
      if (entry.toSkip > 0) {
        entry.toSkip--
        continue
      }
      entry.remaining--
      if (entry.remaining <= 0) this.entries = this.entries.filter((other) => other !== entry)
      return this.count(entry.fault.kind)
    }
    if (this.rate > 0 && this.random.chance(this.rate)) return this.count(this.random.pick(this.kinds))
    return undefined
  }

  delivered(): Partial<Record<FaultKind, number>> {
    return { ...this.counts }
  }

  private count(kind: FaultKind): FaultKind {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1
    return kind
  }
}

function matches(fault: ScriptedFault, method: string, path: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false
  if (fault.path === undefined) return true
  return typeof fault.path === 'string' ? fault.path === path : fault.path.test(path)
}
