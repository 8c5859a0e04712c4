import { describe, expect, it } from 'vitest'
import { findObjectType, getDescriptor, type ConnectorId } from '../../shared/catalogue'
import type { ObjectTypeDescriptor } from '../../shared/catalogue/types'
import { fieldProblem, validateChanges, validateNewObject } from '../../shared/directoryValidation'

/*
 * Issue 15, "Check before the confirmation, not after": each finding reached the confirmation
 * dialog and failed at the target. The shared checks refuse each one, on create and update, in
 * words a help desk reads: never a raw pattern.
 */

function objectType(connector: ConnectorId, id: string): ObjectTypeDescriptor {
  const found = findObjectType(getDescriptor(connector), id)
  if (!found) throw new Error(`${connector} has no ${id}`)
  return found
}

/** Something that reads as a regular expression rather than words. */
const rawPattern = /\\p\{|\[\\|\[\^|\]\+|\^\[|\$$|\(\?/

function expectWords(message: string | undefined): void {
  expect(message, 'a message').toBeTruthy()
  expect(message).not.toMatch(rawPattern)
}

const cognitoUsers = objectType('cognito', 'users')
const cognitoGroups = objectType('cognito', 'groups')
const coupaUsers = objectType('coupa', 'users')
const goToUsers = objectType('gotomeeting', 'users')
const oktaUsers = objectType('okta', 'users')
const long = 'x'.repeat(5000)

describe("the issue's findings are refused by the shared checks, in words", () => {
  it('Coupa: a requisition approval limit of "abc"', () => {
    const problems = validateChanges(coupaUsers, { 'Extension.requisitionApprovalLimit': 'abc' })
    expectWords(problems['Extension.requisitionApprovalLimit'])
    expect(problems['Extension.requisitionApprovalLimit']).toMatch(/amount/)
  })

  it('GoTo: the time zone "Mars/Olympus", on update and on create', () => {
    expectWords(validateChanges(goToUsers, { timezone: 'Mars/Olympus' }).timezone)
    const created = validateNewObject(goToUsers, { 'emails[0].value': 'a@example.com', 'name.givenName': 'A', 'name.familyName': 'B', timezone: 'Mars/Olympus' }, undefined)
    expect(created.timezone).toMatch(/time zone/i)
  })

  it('Cognito: a group precedence of −3 (the hint says from 0)', () => {
    const problems = validateChanges(cognitoGroups, { 'Extension.Precedence': -3 })
    expectWords(problems['Extension.Precedence'])
    expect(problems['Extension.Precedence']).toMatch(/from 0/)
    expect(validateChanges(cognitoGroups, { 'Extension.Precedence': '-3' })['Extension.Precedence']).toBeTruthy()
    expect(validateChanges(cognitoGroups, { 'Extension.Precedence': '2.5' })['Extension.Precedence']).toBeTruthy()
  })

  it('Cognito: the phone number "555-1234"', () => {
    const problems = validateChanges(cognitoUsers, { 'phoneNumbers[0].value': '555-1234' })
    expectWords(problems['phoneNumbers[0].value'])
    expect(problems['phoneNumbers[0].value']).toMatch(/\+/)
  })

  it('Cognito: the group name "help desk", refused in words rather than with AWS\'s regular expression', () => {
    const problems = validateNewObject(cognitoGroups, { displayName: 'help desk' }, undefined)
    expectWords(problems.displayName)
    expect(problems.displayName).toMatch(/space/)
  })

  it('5,000-character values, where the target documents a length', () => {
    const cases: [ObjectTypeDescriptor, string, number][] = [
      [cognitoUsers, 'name.givenName', 2048],
      [cognitoGroups, 'Extension.Description', 2048],
      [coupaUsers, 'name.givenName', 40],
      [coupaUsers, 'Extension.EmployeeNumber', 255],
      [oktaUsers, 'addresses.locality', 128],
      [oktaUsers, 'name.familyName', 50],
    ]
    for (const [type, path, maximum] of cases) {
      const problem = validateChanges(type, { [path]: long })[path]
      expectWords(problem)
      expect(problem, path).toContain(maximum.toLocaleString('en-US'))
      expect(validateChanges(type, { [path]: 'x'.repeat(maximum) })[path], `${path} at its limit`).toBeUndefined()
    }
    expect(validateNewObject(cognitoUsers, { userName: long, 'emails[0].value': 'a@example.com' }, undefined).userName).toContain('128')
  })
})

describe('the field checks accept what the targets take', () => {
  it('takes well-formed values of every kind', () => {
    expect(validateChanges(coupaUsers, { 'Extension.requisitionApprovalLimit': '100000.00', 'Extension.invoiceApprovalLimit': 5000 })).toEqual({})
    expect(validateChanges(goToUsers, { timezone: 'Europe/London', locale: 'en_US' })).toEqual({})
    expect(validateChanges(cognitoGroups, { 'Extension.Precedence': 0, 'Extension.RoleArn': 'arn:aws:iam::123456789012:role/help-desk' })).toEqual({})
    expect(validateChanges(cognitoUsers, { 'phoneNumbers[0].value': '+447700900123' })).toEqual({})
    expect(validateNewObject(cognitoGroups, { displayName: 'help-desk' }, undefined)).toEqual({})
    expect(validateChanges(oktaUsers, { timezone: 'America/Los_Angeles', locale: 'fr_FR', 'addresses.country': 'GB' })).toEqual({})
    expect(validateChanges(coupaUsers, { locale: 'en-US', 'Extension.defaultCurrency': 'EUR', 'Extension.AuthenticationMethod': 'saml' })).toEqual({})
  })

  it('says the spelling of a time zone typed in the wrong case', () => {
    expect(validateChanges(goToUsers, { timezone: 'europe/london' }).timezone).toContain('Europe/London')
  })

  it('refuses clearing what the target always keeps, in its words', () => {
    expect(validateChanges(goToUsers, { timezone: null }).timezone).toMatch(/always keeps/)
    expect(validateChanges(cognitoGroups, { 'Extension.Precedence': null })['Extension.Precedence']).toMatch(/cannot remove/)
  })

  it('checks one field as it is typed, without asking for the mandatory ones', () => {
    expect(fieldProblem(coupaUsers, 'Extension.requisitionApprovalLimit', 'abc')).toMatch(/amount/)
    expect(fieldProblem(coupaUsers, 'Extension.requisitionApprovalLimit', '')).toBeUndefined()
    expect(fieldProblem(coupaUsers, 'name.givenName', 'Ada')).toBeUndefined()
  })

  it('checks a Cognito password against the documented 256 characters and no spaces', () => {
    expect(validateNewObject(cognitoUsers, { userName: 'ada', 'emails[0].value': 'a@example.com' }, 'has a space').password).toMatch(/space/)
    expect(validateNewObject(cognitoUsers, { userName: 'ada', 'emails[0].value': 'a@example.com' }, 'x'.repeat(257)).password).toContain('256')
  })
})
