/**
 * Arrival jitter: a request sent just after a window's end may reach a target that counts it in the
 * window before, and one sent early may be counted late (it waited on the way, or at the target).
 * Every documented window is widened by the jitter allowed for, so any window of the target's holds
 * at most its limit as long as no request is delayed more than that relative to another.
 *
 * What was measured (`npx tsx test/bench/budgetArrivalBench.ts`: the sandbox logs when each request
 * reached it, on the clock both processes share): on a loaded machine the delay from the budget's
 * `sending()` to the target is a millisecond or two for most requests, and now and then 30–80 ms
 * for a few in a row (the client or the target process stalled: the scheduler, a collection). The
 * spread of the last 32 answer times, what the budget allowed for before, forgot a stall within a
 * quarter of a second at Cognito's 120 a second and allowed 9–10 ms (median) where the next stall
 * delayed requests by 25–78 ms: Cognito's isolated TooManyRequestsExceptions. A stall hits the
 * answer's way back as often as the request's way out, so the answer times see the same stalls:
 * the allowance is the spread of the answer times of the last `memoryWindows` windows, which keeps
 * a loaded machine's stalls in view between them, and is small again on a quiet one.
 *
 * At least `minimumJitterMs`, doubled by each rate refusal that came anyway, at most a tenth of
 * the window (the margin the budget kept before it measured). Every 25 ms costs 2.4% of a
 * one-second quota's rate (`npm run bench`, "budget:" rows, shows the rate and the 429s).
 */
export const minimumJitterMs = 10
/** What a plan's estimate allows for: a network a little busier than this computer's own. */
export const typicalJitterMs = 25
const maximumJitterShare = 0.1
/** Answers timed before their spread is trusted (a family's first requests allow for the most). */
const answersToMeasure = 8
/** How long a slow answer is remembered, in windows: stalls on a loaded machine come every few seconds. */
const memoryWindows = 20
/** Answer times are kept as the least and the most of each slot of this many windows (a bounded memory at any rate). */
const slotWindows = 1

interface Slot {
  startsAt: number
  least: number
  most: number
}

export class ArrivalJitter {
  private readonly slots: Slot[] = []
  private answers = 0
  /** The spread of the remembered answer times, kept up to date as they come and go. */
  private spreadMs = 0
  /** The allowance rate refusals asked for: each doubles what was allowed for when it came. */
  private refusedMs = 0

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** The arrival jitter allowed for now. */
  jitterMs(): number {
    const most = this.windowMs * maximumJitterShare
    // Until a few answers have been timed the spread is not known: allow for the most.
    if (this.answers < answersToMeasure) return most
    if (this.slots.length > 0 && (this.slots[0] as Slot).startsAt <= this.now() - memoryWindows * this.windowMs) this.forgetOld()
    return Math.min(most, Math.max(minimumJitterMs, this.spreadMs, this.refusedMs))
  }

  /** An answer came `ms` after its request was sent. */
  answeredIn(ms: number): void {
    this.answers++
    const now = this.now()
    const last = this.slots.at(-1)
    if (last && last.startsAt > now - slotWindows * this.windowMs) {
      last.least = Math.min(last.least, ms)
      last.most = Math.max(last.most, ms)
    } else this.slots.push({ startsAt: now, least: ms, most: ms })
    this.forgetOld()
  }

  /** The target refused a request for its rate all the same: the jitter was more than allowed for. */
  refused(): void {
    this.refusedMs = Math.min(this.windowMs * maximumJitterShare, 2 * this.jitterMs())
  }

  private forgetOld(): void {
    const from = this.now() - memoryWindows * this.windowMs
    while (this.slots.length > 1 && (this.slots[0] as Slot).startsAt <= from) this.slots.shift()
    this.spreadMs = Math.max(...this.slots.map((slot) => slot.most)) - Math.min(...this.slots.map((slot) => slot.least))
  }
}
