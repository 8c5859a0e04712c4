import { describe, expect, it } from 'vitest'
import { FaultInjector } from '../../../electron/sandbox/framework/FaultInjector'
import { createRandom } from '../../../electron/sandbox/framework/random'

const draws = (faults: FaultInjector, requests: [string, string][]) => requests.map(([method, path]) => faults.draw(method, path) ?? 'ok')

describe('FaultInjector', () => {
  it('strikes a scripted fault after letting the given number of matching requests through, the given number of times', () => {
    const faults = new FaultInjector(createRandom(1))
    faults.script([{ kind: 'server_error', method: 'get', path: '/api/v1/users', after: 1, times: 2 }])
    const requests: [string, string][] = [
      ['GET', '/api/v1/users'],
      ['POST', '/api/v1/users'],
      ['GET', '/api/v1/groups'],
      ['GET', '/api/v1/users'],
      ['GET', '/api/v1/users'],
      ['GET', '/api/v1/users'],
    ]
    expect(draws(faults, requests)).toEqual(['ok', 'ok', 'ok', 'server_error', 'server_error', 'ok'])
  })

  it('counts the faults it delivered, by kind, scripted and random alike', () => {
    const faults = new FaultInjector(createRandom(3), 1, ['timeout'])
    faults.script([{ kind: 'lost_answer', times: 2 }])
    draws(faults, [['POST', '/a'], ['POST', '/b'], ['GET', '/c']])
    expect(faults.delivered()).toEqual({ lost_answer: 2, timeout: 1 })
  })

  it('matches paths by regular expression and runs script entries in order', () => {
    const faults = new FaultInjector(createRandom(1))
    faults.script([{ kind: 'reset', path: /^\/api\/v1\/groups/ }, { kind: 'rate_limit' }])
    expect(draws(faults, [['GET', '/api/v1/users'], ['PUT', '/api/v1/groups/00g1/users/00u1'], ['GET', '/x']])).toEqual(['rate_limit', 'reset', 'ok'])
  })

  it('answers about the given share of requests with the given kinds, the same way for the same seed', () => {
    const run = () => {
      const faults = new FaultInjector(createRandom('seed'), 0.25, ['unavailable', 'bad_gateway'])
      return Array.from({ length: 2000 }, () => faults.draw('GET', '/'))
    }
    const first = run()
    const struck = first.filter((kind) => kind !== undefined)
    expect(struck.length).toBeGreaterThan(400)
    expect(struck.length).toBeLessThan(600)
    expect(new Set(struck)).toEqual(new Set(['unavailable', 'bad_gateway']))
    expect(run()).toEqual(first)
  })

  it('stops every fault on clear and refuses a rate outside 0..1', () => {
    const faults = new FaultInjector(createRandom(1), 1)
    faults.script([{ kind: 'timeout', times: 5 }])
    faults.clear()
    expect(draws(faults, [['GET', '/'], ['GET', '/']])).toEqual(['ok', 'ok'])
    expect(() => faults.setRate(1.5)).toThrow(/between 0 and 1/)
    expect(() => faults.setRate(0.5, [])).toThrow(/at least one fault kind/)
  })
})
