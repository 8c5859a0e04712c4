import { describe, expect, it } from 'vitest'
import { describeCoupaError, graphqlError } from '../../../../electron/connectors/coupa/coupaErrors'
import { nameFilters, userFilters } from '../../../../electron/connectors/coupa/coupaSearch'

describe('Coupa search: the text as Coupa filters', () => {
  it('lists everyone, active and inactive, for an empty search', () => {
    expect(userFilters('  ')).toEqual({})
  })

  it('finds by status word, email, first and last name, or login', () => {
    expect(userFilters('Inactive')).toEqual({ active: false })
    expect(userFilters('active')).toEqual({ active: true })
    expect(userFilters('ada@exa')).toEqual({ 'email[contains]': 'ada@exa' })
    expect(userFilters('Ada Love lace')).toEqual({ 'firstname[starts_with]': 'Ada', 'lastname[starts_with]': 'Love lace' })
    expect(userFilters('ada.l')).toEqual({ 'login[contains]': 'ada.l' })
  })

  it('finds roles and groups by part of the name', () => {
    expect(nameFilters(' Buy ')).toEqual({ 'name[contains]': 'Buy' })
    expect(nameFilters('')).toEqual({})
  })
})

describe('Coupa errors', () => {
  const response = (status: number, data: unknown) => ({ status, data, headers: { 'x-request-id': 'req-1' } })

  it('makes a taken login a conflict, with Coupa\'s words and request id', () => {
    const described = describeCoupaError(response(400, { errors: { user: ['Login has already been taken', 'Email has already been taken'] } }))
    expect(described).toMatchObject({ code: 'conflict', targetCode: 'user', requestId: 'req-1' })
    expect(described.message).toContain('Login has already been taken — Email has already been taken')
    expect(described.message).toMatch(/^The login and email are already used by another Coupa user .*Open that user, or choose another login and email\.$/)
  })

  it('names a taken value it cannot tie to an attribute as "value"', () => {
    const described = describeCoupaError(response(400, { errors: { user: ['Badge has already been taken'] } }))
    expect(described.message).toMatch(/^The value is already used by another Coupa user \(Coupa says: "Badge has already been taken"\)\. Open that user, or choose another value\.$/)
  })

  it('passes other validation messages on as invalid input', () => {
    const described = describeCoupaError(response(400, { errors: { account: ["Segment 1 - Cost Center can't be blank"] } }))
    expect(described).toMatchObject({ code: 'invalid_input', targetCode: 'account' })
    expect(described.message).toContain("Segment 1 - Cost Center can't be blank")
  })

  it('says what to do about a refused API key', () => {
    expect(describeCoupaError(response(401, '')).message).toMatch(/API key.*Setup › API Keys/)
  })

  it('leaves an undocumented body to the status', () => {
    expect(describeCoupaError(response(404, '<html>'))).toEqual({ targetCode: undefined, causes: [], requestId: 'req-1' })
  })

  it('reads a GraphQL refusal answered with 200', () => {
    expect(graphqlError({ errors: [{ message: "Field 'x' doesn't exist" }] }, 'roles')?.message).toContain("Field 'x' doesn't exist")
    expect(graphqlError({ data: { roles: [] } }, 'roles')).toBeNull()
  })
})
