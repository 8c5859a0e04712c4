import { describe, expect, it } from 'vitest'
import { ConcurrencyLimiter } from '../../../electron/http/ConcurrencyLimiter'
import { expectAppError } from '../../support/expectAppError'

describe('ConcurrencyLimiter', () => {
  it('grants slots in arrival order as holders release them', async () => {
    const limiter = new ConcurrencyLimiter(1)
    const order: string[] = []
    const releaseFirst = await limiter.acquire()
    const second = limiter.acquire().then((release) => (order.push('second'), release))
    const third = limiter.acquire().then((release) => (order.push('third'), release))
    expect(limiter.inFlight).toBe(1)
    releaseFirst()
    ;(await second)()
    ;(await third)()
    expect(order).toEqual(['second', 'third'])
    expect(limiter.inFlight).toBe(0)
  })

  it('ignores a second release of the same slot', async () => {
    const limiter = new ConcurrencyLimiter(2)
    const release = await limiter.acquire()
    await limiter.acquire()
    release()
    release()
    expect(limiter.inFlight).toBe(1)
  })

  it('drops a waiter whose signal aborts, without giving it a slot', async () => {
    const limiter = new ConcurrencyLimiter(1)
    const release = await limiter.acquire()
    const controller = new AbortController()
    const waiting = limiter.acquire(controller.signal)
    controller.abort()
    await expectAppError(waiting, 'cancelled')
    release()
    expect(limiter.inFlight).toBe(0)
  })

  it('refuses a limit below one', () => {
    expect(() => new ConcurrencyLimiter(0)).toThrow(/≥ 1/)
  })
})
