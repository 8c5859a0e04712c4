import { describe, expect, it } from 'vitest'
import { describeGoToError, describeGoToSignInError, goToRetryAfter } from '../../../../electron/connectors/gotomeeting/goToErrors'
import { tokenEndpointFor } from '../../../../electron/connectors/gotomeeting/GoToTokens'

const answer = (status: number, data: unknown, headers: Record<string, string> = {}) => ({ status, data, headers })

describe('GoTo error answers', () => {
  it('reads the Admin API body: its code, the value and the incident id', () => {
    const description = describeGoToError(answer(409, { incidentId: 'inc-1', errors: [{ code: 'user.name.conflict', value: 'a@b.co' }] }))
    expect(description).toMatchObject({ code: 'conflict', targetCode: 'user.name.conflict', requestId: 'inc-1' })
    expect(description.message).toContain('"a@b.co"')
  })

  it('names the field GoTo refused', () => {
    const description = describeGoToError(answer(400, { incidentId: 'i', errors: [{ code: 'user.timeZone.invalid', value: 'Mars/Base' }] }))
    expect(description).toMatchObject({ code: 'invalid_input' })
    expect(description.message).toContain('time zone "Mars/Base"')
  })

  it('reads the gateway’s body and request id header', () => {
    const description = describeGoToError(answer(401, { int_err_code: 'InvalidToken', msg: 'Invalid token passed' }, { 'x-amzn-requestid': 'req-9' }))
    expect(description).toMatchObject({ code: 'auth_failed', targetCode: 'InvalidToken', requestId: 'req-9' })
    expect(describeGoToError(answer(502, { message: 'Internal server error' }))).toEqual({ summary: 'Internal server error', requestId: undefined, targetCode: undefined })
  })

  it('says what to fix in the profile for each sign-in refusal', () => {
    expect(describeGoToSignInError(answer(400, { error: 'invalid_grant', error_description: 'Bad credentials' })).message).toContain('Username and Password')
    expect(describeGoToSignInError(answer(401, { error: 'invalid_client' })).message).toContain('Client Id and Client Secret')
    expect(describeGoToSignInError(answer(400, { error: 'unsupported_grant_type' })).message).toContain('password grant')
    expect(describeGoToSignInError(answer(400, { error: 'invalid_grant' })).code).toBe('auth_failed')
  })

  it('waits a second after an unannounced 429, and leaves a Retry-After to the HTTP client', () => {
    expect(goToRetryAfter(answer(429, {}))).toBe(1000)
    expect(goToRetryAfter(answer(429, {}, { 'retry-after': '3' }))).toBeNull()
  })
})

describe('the token endpoint a Target URL signs in at', () => {
  it('is GoTo’s authentication host for the real API, and the Target URL’s own origin otherwise', () => {
    expect(tokenEndpointFor(new URL('https://api.getgo.com/admin/rest/v1/')).toString()).toBe('https://authentication.logmeininc.com/oauth/token')
    expect(tokenEndpointFor(new URL('https://API.GETGO.COM/admin/rest/v1')).host).toBe('authentication.logmeininc.com')
    expect(tokenEndpointFor(new URL('http://127.0.0.1:4321/admin/rest/v1/')).toString()).toBe('http://127.0.0.1:4321/oauth/token')
    expect(tokenEndpointFor(new URL('https://goto-proxy.acme.com/gt/admin/rest/v1/')).toString()).toBe('https://goto-proxy.acme.com/oauth/token')
  })
})
