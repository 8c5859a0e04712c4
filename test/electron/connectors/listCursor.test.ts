import { describe, expect, it } from 'vitest'
import { decodeListCursor, encodeListCursor, isPosition, listFingerprint } from '../../../electron/connectors/listCursor'
import { expectAppError } from '../../support/expectAppError'

describe('the cursors adapters hand out', () => {
  it('gives the position back to the adapter that made it', () => {
    const cursor = encodeListCursor('test1.', { o: 150, q: listFingerprint('users?login=ada') })
    expect(cursor.startsWith('test1.')).toBe(true)
    expect(decodeListCursor('test1.', cursor)).toEqual({ o: 150, q: listFingerprint('users?login=ada') })
  })

  it("refuses another adapter's cursor, a damaged one and one that is not an object, as stale", async () => {
    const other = encodeListCursor('okta1.', { o: 1 })
    for (const cursor of [other, 'test1.!!!', encodeListCursor('test1.', { o: 1 }).slice(0, 9), `test1.${Buffer.from('[1,2]').toString('base64url')}`]) {
      await expectAppError(Promise.resolve().then(() => decodeListCursor('test1.', cursor)), 'invalid_input')
    }
  })

  it('tells lists apart by their fingerprint and accepts only whole positions from 0', () => {
    expect(listFingerprint('users?login=ada')).toBe(listFingerprint('users?login=ada'))
    expect(listFingerprint('users?login=ada')).not.toBe(listFingerprint('users?login=bob'))
    expect([0, 50].every(isPosition)).toBe(true)
    expect([-1, 1.5, '50', null].some(isPosition)).toBe(false)
  })
})
