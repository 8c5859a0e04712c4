/**
 * The moment a call's request goes to the network: the wire has signed it and hands it to the
 * socket, with the signal the call was sent with. A target counts a request when it arrives, so the
 * request budget counts it sent then, not when the call started: with the AWS SDK a profile's first
 * calls spent 100–150 ms before that (budgetArrivalBench.ts), more than the budget allows for.
 * `reached(signal)` is the wire's side; `onTheWire(signal, then)` the transport's: `then` runs
 * once, when the call sent with `signal` reaches the network, or when the function it returns is
 * called first (an answer came: the request went, whatever happened on the way).
 */
export function wireMoments(): { reached: (signal: AbortSignal) => void; onTheWire: (signal: AbortSignal, then: () => void) => () => void } {
  const waiting = new WeakMap<AbortSignal, () => void>()
  return {
    reached: (signal) => waiting.get(signal)?.(),
    onTheWire: (signal, then) => {
      let done = false
      const once = () => {
        if (done) return
        done = true
        waiting.delete(signal)
        then()
      }
      waiting.set(signal, once)
      return once
    },
  }
}
