import { describe, expect, it } from 'vitest'
import { callNames, eventNames } from '../../shared/contract'
import { contractCallNames, contractEventNames } from '../../shared/contractNames'

// The preload bundles the zod-free name lists; they must say exactly what the contract says.
describe('the contract name lists', () => {
  it('list exactly the contract calls', () => {
    expect([...contractCallNames].sort()).toEqual([...callNames].sort())
    expect(new Set(contractCallNames).size).toBe(contractCallNames.length)
  })

  it('list exactly the contract events', () => {
    expect([...contractEventNames].sort()).toEqual([...eventNames].sort())
    expect(new Set(contractEventNames).size).toBe(contractEventNames.length)
  })
})
