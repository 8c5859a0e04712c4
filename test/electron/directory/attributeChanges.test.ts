import { describe, expect, it } from 'vitest'
import { findObjectType, getDescriptor } from '../../../shared/catalogue'
import { creationChanges, effectiveChanges, notRecorded } from '../../../electron/directory/attributeChanges'

const cognitoUsers = findObjectType(getDescriptor('cognito'), 'users')!
const oktaUsers = findObjectType(getDescriptor('okta'), 'users')!

describe('attribute changes as the journal records them', () => {
  it('never records a password', () => {
    expect(creationChanges({ userName: 'ada', password: 'Pa55-secret' })).toEqual([
      { attribute: 'userName', before: null, after: 'ada' },
      { attribute: 'password', before: null, after: notRecorded },
    ])
    const { changes, journal } = effectiveChanges(cognitoUsers, {}, { password: 'Pa55-secret' })
    expect(changes).toEqual({ password: 'Pa55-secret' })
    expect(journal).toEqual([{ attribute: 'password', before: notRecorded, after: notRecorded }])
  })

  it('records a write-only flag, which is no secret, and always counts it as a change', () => {
    const { changes, journal } = effectiveChanges(cognitoUsers, {}, { 'Extension.IsPasswordPermanent': true })
    expect(changes).toEqual({ 'Extension.IsPasswordPermanent': true })
    // The target never returns it: what it was is not known.
    expect(journal).toEqual([{ attribute: 'Extension.IsPasswordPermanent', before: notRecorded, after: true }])
  })

  it('keeps only the attributes whose value really changes, blank and null being the same', () => {
    const current = { title: 'Analyst', nickName: '', 'Extension.Custom.tags': ['a', 'b'] }
    const { changes, journal } = effectiveChanges(oktaUsers, current, {
      title: 'Analyst',
      nickName: null,
      'Extension.Custom.tags': ['a', 'c'],
      locale: 'en_GB',
    })
    expect(changes).toEqual({ 'Extension.Custom.tags': ['a', 'c'], locale: 'en_GB' })
    expect(journal).toEqual([
      { attribute: 'Extension.Custom.tags', before: ['a', 'b'], after: ['a', 'c'] },
      { attribute: 'locale', before: null, after: 'en_GB' },
    ])
  })
})

describe('attribute names that every plain object inherits', () => {
  it('compares against the object’s own values only, never a built-in function', () => {
    for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
      const { journal } = effectiveChanges(oktaUsers, { title: 'Engineer' }, { [name]: 'x' })
      expect(journal, name).toEqual([{ attribute: name, before: null, after: 'x' }])
      expect(() => JSON.stringify(journal)).not.toThrow()
    }
  })
})
