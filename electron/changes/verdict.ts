/**
 * What reading the target says about an intent left without an outcome. A module of its own so
 * that checkIntent and the per-action verdicts it calls (createVerdict, lifecycleVerdict) share
 * the shape without importing each other in a circle.
 */
export interface Verdict {
  /** `undetermined`: the target was read, and it cannot say ("could not tell"). */
  status: 'applied' | 'failed' | 'partial' | 'pending' | 'undetermined'
  message: string
  target?: { id: string; name: string }
}

export function uncheckable(reason: string): Verdict {
  return { status: 'pending', message: `Could not be checked: ${reason} Lanyard checks it again once the target answers, or use Check now.` }
}
