import { describe, expect, it } from 'vitest'
import { parseCustomProperties } from '../../../shared/catalogue/customProperties'

describe('parseCustomProperties', () => {
  it('reads the documented example, trailing ";" included', () => {
    expect(parseCustomProperties('cost_center|string;new_user|boolean;')).toEqual({
      properties: [
        { name: 'cost_center', type: 'string' },
        { name: 'new_user', type: 'boolean' },
      ],
      errors: [],
    })
  })

  it('reads entries without a trailing ";" and ignores spaces around names, types and separators', () => {
    expect(parseCustomProperties(' cost_center | string ; new_user|Boolean ').properties).toEqual([
      { name: 'cost_center', type: 'string' },
      { name: 'new_user', type: 'boolean' },
    ])
  })

  it('treats an empty or blank string as no properties', () => {
    expect(parseCustomProperties('')).toEqual({ properties: [], errors: [] })
    expect(parseCustomProperties('   ')).toEqual({ properties: [], errors: [] })
  })

  it('names the entry and the expected form when the "|" is missing', () => {
    const { properties, errors } = parseCustomProperties('cost_center|string;new_user;')
    expect(properties).toEqual([{ name: 'cost_center', type: 'string' }])
    expect(errors).toEqual([
      'Entry 2 "new_user" has no "|" between the field name and the data type: write it as field_name|data_type, e.g. cost_center|string.',
    ])
  })

  it('refuses an entry with more than one "|"', () => {
    expect(parseCustomProperties('a|string|boolean').errors).toEqual([
      'Entry 1 "a|string|boolean" has more than one "|": write it as field_name|data_type, e.g. cost_center|string.',
    ])
  })

  it('refuses a data type other than string or boolean and says which ones are allowed', () => {
    const { properties, errors } = parseCustomProperties('budget|number;')
    expect(properties).toEqual([])
    expect(errors).toEqual(['Entry 1 "budget|number": the data type must be string or boolean, not "number".'])
  })

  it('refuses a missing field name or a missing data type', () => {
    expect(parseCustomProperties('|string;cost_center|').errors).toEqual([
      'Entry 1 "|string" has no field name before "|": write it as field_name|data_type, e.g. cost_center|string.',
      'Entry 2 "cost_center|" has no data type after "|": add string or boolean, e.g. cost_center|string.',
    ])
  })

  it('refuses a field name with characters Coupa field names cannot hold', () => {
    expect(parseCustomProperties('cost center|string').errors).toEqual([
      'Entry 1 "cost center|string": the field name "cost center" may only hold letters, digits, "_" and "-", starting with a letter.',
    ])
  })

  it('reports an empty entry between two ";"', () => {
    const { properties, errors } = parseCustomProperties('a|string;;b|boolean;')
    expect(properties.map((property) => property.name)).toEqual(['a', 'b'])
    expect(errors).toEqual(['Entry 2 is empty (two ";" in a row): remove the extra ";".'])
  })

  it('reports a repeated field name, whatever its case, and keeps the first', () => {
    const { properties, errors } = parseCustomProperties('cost_center|string;Cost_Center|boolean;')
    expect(properties).toEqual([{ name: 'cost_center', type: 'string' }])
    expect(errors).toEqual(['Entry 2 "Cost_Center|boolean" repeats the field "Cost_Center" of entry 1: list each field once.'])
  })

  it('gives one message per malformed entry and keeps the good ones', () => {
    const { properties, errors } = parseCustomProperties('a|string;b;c|date;d|boolean;a|boolean')
    expect(properties.map((property) => property.name)).toEqual(['a', 'd'])
    expect(errors).toHaveLength(3)
    expect(errors.map((error) => error.slice(0, 8))).toEqual(['Entry 2 ', 'Entry 3 ', 'Entry 5 '])
  })
})
