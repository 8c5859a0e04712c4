import { describe, expect, it } from 'vitest'
import { describeOktaError, oktaRetryAfter } from '../../../../electron/connectors/okta/oktaErrors'

const answer = (status: number, data: unknown, headers: Record<string, string> = {}) => ({ status, data, headers })

describe('Okta error bodies', () => {
  it('reads code, summary, causes and request id', () => {
    const description = describeOktaError(
      answer(
        404,
        { errorCode: 'E0000007', errorSummary: 'Not found: Resource not found: 00u1 (User)', errorCauses: [] },
        { 'x-okta-request-id': 'req-7' },
      ),
    )
    expect(description).toEqual({
      targetCode: 'E0000007',
      summary: 'Not found: Resource not found: 00u1 (User)',
      causes: [],
      requestId: 'req-7',
    })
  })

  it('calls a duplicate login a conflict', () => {
    const description = describeOktaError(
      answer(400, {
        errorCode: 'E0000001',
        errorSummary: 'Api validation failed: login',
        errorCauses: [{ errorSummary: 'login: An object with this field already exists in the current organization' }],
      }),
    )
    expect(description.code).toBe('conflict')
    expect(description.message).toContain('already used')
  })

  it('calls a wrong-status lifecycle 403 a conflict, not a permission problem', () => {
    const description = describeOktaError(answer(403, { errorCode: 'E0000038', errorSummary: "This operation is not allowed in the user's current status." }))
    expect(description.code).toBe('conflict')
    expect(description.message).toContain("user's current status")
  })

  it('accepts errorCauses sent as one object', () => {
    expect(describeOktaError(answer(400, { errorCode: 'E0000001', errorCauses: { errorSummary: 'one' } })).causes).toEqual(['one'])
  })

  it('survives a body that is not Okta’s', () => {
    expect(describeOktaError(answer(502, '<html>bad gateway</html>'))).toMatchObject({ targetCode: undefined, causes: [] })
  })
})

describe('Okta rate-limit reset', () => {
  it('waits until X-Rate-Limit-Reset measured against the answer’s Date header', () => {
    const date = 'Mon, 05 Jan 2026 09:00:00 GMT'
    const reset = String(Date.parse(date) / 1000 + 3)
    expect(oktaRetryAfter(answer(429, {}, { 'x-rate-limit-reset': reset, date }), 0)).toBe(3_100)
  })

  it('uses the local clock without a Date header, and says nothing without the reset header', () => {
    expect(oktaRetryAfter(answer(429, {}, { 'x-rate-limit-reset': '1000' }), 999_000)).toBe(1_100)
    expect(oktaRetryAfter(answer(429, {}, {}))).toBeNull()
  })
})
