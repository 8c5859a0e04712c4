import { describe, expect, it } from 'vitest'
import { findCanaries } from './canaryForms'

const canaries = new Map([['okta token', '00secretTOKEN/with+odd=chars']])

/** The canary search is only worth its zero if it finds a canary in each form a secret can leave in. */
describe('canary search', () => {
  it.each([
    ['plain', 'Authorization: SSWS 00secretTOKEN/with+odd=chars'],
    ['URL-encoded', 'GET /x?token=00secretTOKEN%2Fwith%2Bodd%3Dchars'],
    ['base64', Buffer.from('00secretTOKEN/with+odd=chars').toString('base64')],
    ['base64url', `"${Buffer.from('00secretTOKEN/with+odd=chars').toString('base64url')}"`],
    ['base64 inside a longer text', `Basic ${Buffer.from('admin@example.com:00secretTOKEN/with+odd=chars').toString('base64')}`],
    ['base64 inside a longer text', `Basic ${Buffer.from('ab:00secretTOKEN/with+odd=chars!').toString('base64')}`],
  ])('finds a canary %s', (_form, text) => {
    expect(findCanaries(text, canaries)).toHaveLength(1)
  })

  it('finds nothing in text without it', () => {
    expect(findCanaries('{"ok":false,"error":{"code":"auth_failed","message":"Okta refused the token."}}', canaries)).toEqual([])
  })
})
