import { describe, expect, it } from 'vitest'
import { getDescriptor } from '../../../shared/catalogue'
import { deriveCoupaUserAttributes } from '../../../shared/catalogue/coupaRules'

describe("Coupa's computed account security type", () => {
  it('is 2 when the chart of accounts name is set and the user has account groups', () => {
    expect(deriveCoupaUserAttributes({ 'Extension.defaultChartOfAccountsName': 'US COA', 'Extension.AccountGroups': ['NA Accounts'] })).toEqual({
      'Extension.accountSecurityType': 2,
    })
  })

  it('is 1 when the name is set and the user has no account groups', () => {
    expect(deriveCoupaUserAttributes({ 'Extension.defaultChartOfAccountsName': 'US COA', 'Extension.AccountGroups': [] })).toEqual({
      'Extension.accountSecurityType': 1,
    })
    expect(deriveCoupaUserAttributes({ 'Extension.defaultChartOfAccountsName': 'US COA' })).toEqual({ 'Extension.accountSecurityType': 1 })
  })

  it('leaves it unchanged when the name is not set', () => {
    expect(deriveCoupaUserAttributes({ 'Extension.defaultChartOfAccountsName': ' ', 'Extension.AccountGroups': ['NA Accounts'] })).toEqual({})
    expect(deriveCoupaUserAttributes({ 'Extension.defaultChartOfAccountsName': null })).toEqual({})
  })

  it('is what the Coupa descriptor gives the form', () => {
    const users = getDescriptor('coupa').objectTypes.find((type) => type.id === 'users')
    expect(users?.derive?.({ 'Extension.defaultChartOfAccountsName': 'US COA' })).toEqual({ 'Extension.accountSecurityType': 1 })
  })
})
