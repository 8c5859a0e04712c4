import { describe, expect, it } from 'vitest'
import { displayValues, labelFor } from '../../../renderer/src/components/attributeValues'
import { emptyValue, formatValue } from '../../../renderer/src/components/changeLines'

describe('how attribute values read for people', () => {
  it('reads [a;;b] and arrays as lists, yes/no for booleans, nothing for blanks', () => {
    expect(displayValues('[red;;green;;blue]')).toEqual(['red', 'green', 'blue'])
    expect(displayValues(['Buyers', 'Approvers'])).toEqual(['Buyers', 'Approvers'])
    expect(displayValues('[not a list]')).toEqual(['[not a list]'])
    expect(displayValues(false)).toEqual(['No'])
    expect(displayValues('  ')).toEqual([])
    expect(displayValues(null)).toEqual([])
  })

  it('labels an indexed path like the plain one', () => {
    expect(labelFor('emails[0].value')).toBe('Email')
    expect(labelFor('emails.value')).toBe('Email')
  })

  it('writes a change line value as one text, (empty) for none', () => {
    expect(formatValue(['Engineering', 'Sales'])).toBe('Engineering, Sales')
    expect(formatValue('')).toBe(emptyValue)
    expect(formatValue(undefined)).toBe('(empty)')
  })
})
