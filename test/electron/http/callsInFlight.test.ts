import { describe, expect, it } from 'vitest'
import { getEventListeners } from 'node:events'
import { CallsInFlight } from '../../../electron/http/cancellation'

/** The calls in flight of a profile's client, its Cognito transport or a job run: each its own signal, close aborts them all. */
describe('CallsInFlight', () => {
  it("a call follows its caller's signal with one listener, removed when it ends, and close aborts it", async () => {
    const calls = new CallsInFlight()
    const caller = new AbortController()
    let seen: AbortSignal | undefined
    let finish: () => void = () => undefined
    const call = calls.follow(caller.signal, (signal) => {
      seen = signal
      return new Promise<void>((resolve) => (finish = resolve))
    })
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(1)
    calls.close()
    expect(seen!.aborted).toBe(true)
    finish()
    await call
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0)
    expect(calls.closed).toBe(true)
  })

  it('a call whose caller already gave up starts aborted, as one after close does', async () => {
    const calls = new CallsInFlight()
    const gaveUp = AbortSignal.abort()
    expect(await calls.follow(gaveUp, async (signal) => signal.aborted)).toBe(true)
    calls.close()
    expect(await calls.follow(undefined, async (signal) => signal.aborted)).toBe(true)
  })
})
