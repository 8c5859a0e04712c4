import { describe, expect, it } from 'vitest'
import type { MappingRow } from '../../../shared/catalogue/types'
import { readMappedAttributes, readPath, writePath } from '../../../electron/connectors/descriptorMapping'

describe('reading and writing native paths', () => {
  it('reads own values only: a path through a built-in name finds nothing', () => {
    const native = { profile: { firstName: 'Ada' } }
    expect(readPath(native, 'profile.firstName')).toBe('Ada')
    for (const path of ['constructor', 'profile.toString', 'profile.constructor.name', '__proto__.valueOf']) {
      expect(readPath(native, path), path).toBeUndefined()
    }
  })

  it('maps rows the same way: own values only, through built-in names too', () => {
    const rows = ['profile.firstName', 'constructor', 'profile.toString', 'profile.constructor.name', 'profile.missing'].map(
      (native): MappingRow => ({ scim: `x.${native}`, native, access: 'readWrite' }),
    )
    expect(readMappedAttributes(rows, { profile: { firstName: 'Ada', toString: 'own' } })).toEqual({ 'x.profile.firstName': 'Ada', 'x.profile.toString': 'own' })
    expect(readMappedAttributes(rows, { profile: { firstName: 'Ada' } })).toEqual({ 'x.profile.firstName': 'Ada' })
  })

  it('writes under a fresh object where the path passes a built-in name, and never into a prototype', () => {
    const target: Record<string, unknown> = {}
    writePath(target, 'constructor.name', 'x')
    expect(target).toEqual({ constructor: { name: 'x' } })
    expect(() => writePath({}, '__proto__.polluted', 'x')).toThrow(/does not write/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
