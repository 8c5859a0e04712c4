import { describe, expect, it } from 'vitest'
import { getDescriptor } from '../../../shared/catalogue'
import { AppError } from '../../../electron/errors/AppError'
import { assertValidValues, plainHttpImportRefusal } from '../../../electron/profiles/profileRules'
import { describeIssues } from '../../../shared/errors'

/*
 * A profile's field messages are written to stand under their field ("Enter the Scopes: Coupa
 * profiles need it."). Joined into one message, for an IPC caller or an import, each is one clause:
 * no ".;" between them and no ".." at the end.
 */

function refusal(run: () => void): string {
  try {
    run()
  } catch (error: unknown) {
    if (error instanceof AppError) return error.message
    throw error
  }
  throw new Error('nothing was refused')
}

describe('field problems in one message', () => {
  it('joins messages that end in a full stop as clauses, with one full stop at the end', () => {
    const coupa = getDescriptor('coupa')
    expect(refusal(() => assertValidValues(coupa, { url: 'https://acme.coupahost.com', authMethod: 'oauth' }, 'real'))).toBe(
      'Some values are not valid — Client identifier: Enter the Client identifier: Coupa profiles need it; Scopes: Enter the Scopes: Coupa profiles need it.',
    )
    expect(refusal(() => assertValidValues(coupa, { url: 'https://acme.coupahost.com', authMethod: 'api_key' }, 'real'))).toBe(
      'Some values are not valid — Sign in with: "api_key" is not one of the choices for Sign in with: pick one from the list, e.g. oauth.',
    )
  })

  it('ends an import refusal\'s problems with one full stop before what to do', () => {
    const refused = plainHttpImportRefusal(getDescriptor('okta'), { url: 'http://acme.okta.com' }, 'real')
    expect(refused).toMatch(/instead\. Skip this profile, or correct its address in the file and import it again\.$/)
    expect(refused).not.toMatch(/\.\./)
  })

  it('does the same for a call whose input its contract refuses', () => {
    const described = describeIssues([
      { code: 'custom', path: ['name'], message: 'Give the profile a name.', input: '' },
      { code: 'custom', path: ['values', 'url'], message: 'Enter a full address', input: 'x' },
    ])
    expect(described.message).toBe('Some values are not valid — name: Give the profile a name; values.url: Enter a full address.')
  })
})
