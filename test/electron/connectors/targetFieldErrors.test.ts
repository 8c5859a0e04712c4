import { describe, expect, it } from 'vitest'
import { findObjectType, getDescriptor } from '../../../shared/catalogue'
import { describeCoupaError } from '../../../electron/connectors/coupa/coupaErrors'
import { describeGoToError } from '../../../electron/connectors/gotomeeting/goToErrors'
import { describeOktaError } from '../../../electron/connectors/okta/oktaErrors'
import { AppError } from '../../../electron/errors/AppError'
import { withFormFields } from '../../../electron/directory/targetFields'

/*
 * Issue 15, "Errors where the eye is": a target's refusal names the field it refused in its own
 * words and names (Okta's errorCauses, Coupa's Rails messages, GoTo's `user.<field>.invalid`). Each
 * adapter reads the target's field names; the directory service turns them into the form's paths.
 */

const answer = (status: number, data: unknown) => ({ status, data, headers: {} })

describe("the target's own field names, read from its refusal", () => {
  it("Okta: each errorCause's attribute, and the password", () => {
    const described = describeOktaError(
      answer(400, {
        errorCode: 'E0000001',
        errorSummary: 'Api validation failed: title',
        errorCauses: [{ errorSummary: 'title: The field is too long' }, { errorSummary: 'password: Password requirements were not met.' }],
      }),
    )
    expect(described.fields).toEqual({ 'profile.title': 'Okta says: "The field is too long".', password: 'Okta says: "Password requirements were not met.".' })
  })

  it("Coupa: the attribute a Rails message starts with, by Coupa's attribute name", () => {
    const described = describeCoupaError(answer(400, { errors: { user: ['Login has already been taken', 'Employee number is too long (maximum is 255 characters)'] } }))
    expect(described.fields).toEqual({
      login: 'Coupa says: "Login has already been taken".',
      'employee-number': 'Coupa says: "Employee number is too long (maximum is 255 characters)".',
    })
  })

  it('GoTo: the field its code names, and the email of a clash', () => {
    expect(describeGoToError(answer(400, { errors: [{ code: 'user.firstName.invalid', value: 'x' }] })).fields).toEqual({
      firstName: 'GoTo did not accept the first name "x". Correct it and try again.',
    })
    expect(describeGoToError(answer(409, { errors: [{ code: 'user.name.conflict', value: 'a@b.co' }] })).fields).toEqual({
      email: expect.stringContaining('already has the email "a@b.co"'),
    })
  })

  it('a refusal that names no field has none', () => {
    expect(describeOktaError(answer(400, { errorCode: 'E0000001', errorSummary: 'Api validation failed', errorCauses: [] })).fields).toBeUndefined()
    expect(describeCoupaError(answer(400, { errors: { account: ["Segment 1 - Cost Center can't be blank"] } })).fields).toBeUndefined()
  })
})

describe("the target's field names as the form's paths", () => {
  const oktaUsers = findObjectType(getDescriptor('okta'), 'users')!
  const coupaUsers = findObjectType(getDescriptor('coupa'), 'users')!

  it('maps each through the object type’s rows, keeps the password, and drops a name no field has', () => {
    const refused = new AppError('invalid_input', 'Okta refused.', {
      targetFields: { 'profile.title': 'too long', password: 'weak', 'profile.unknownThing': 'no' },
      details: { status: '400' },
    })
    const mapped = withFormFields(oktaUsers, refused)
    expect(mapped).toBeInstanceOf(AppError)
    expect((mapped as AppError).toValue()).toEqual({ code: 'invalid_input', message: 'Okta refused.', fields: { title: 'too long', password: 'weak' }, details: { status: '400' } })
    expect(((withFormFields(coupaUsers, new AppError('conflict', 'x', { targetFields: { login: 'taken' } })) as AppError).toValue()).fields).toEqual({
      userName: 'taken',
    })
  })

  it("keeps the adapter's own field messages and leaves other errors alone", () => {
    const own = new AppError('invalid_input', 'x', { fields: { title: 'mine' }, targetFields: { 'profile.title': 'theirs' } })
    expect((withFormFields(oktaUsers, own) as AppError).toValue().fields).toEqual({ title: 'mine' })
    const plain = new Error('boom')
    expect(withFormFields(oktaUsers, plain)).toBe(plain)
  })
})
