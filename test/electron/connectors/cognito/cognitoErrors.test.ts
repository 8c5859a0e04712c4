import { describe, expect, it } from 'vitest'
import { appErrorOf, classifyFailure, isThrottled, isTransient, type FailureContext } from '../../../../electron/connectors/cognito/cognitoErrors'
import { CognitoServiceError } from '../../../../electron/connectors/cognito/cognitoWire'
import { readCognitoSettings } from '../../../../electron/connectors/cognito/cognitoSettings'
import { AppError } from '../../../../electron/errors/AppError'
import { createRecordingLogger } from '../../../support/recordingLogger'

const live = new AbortController().signal

/** An error answer as the wire reads it. */
function serviceException(name: string, message: string, status = 400) {
  return new CognitoServiceError(name, message, status, 'req-123')
}

const context: FailureContext = {
  operation: 'AdminGetUser',
  accessKeyId: 'AKIAEXAMPLEKEY000001',
  userPoolId: 'eu-west-1_Pool1',
  host: 'cognito-idp.eu-west-1.amazonaws.com',
  idempotent: true,
  timeoutMs: 30_000,
  waits: 5,
  scrub: (text) => text.split('S3cr3t').join('[redacted]'),
}

function mapped(name: string, message = 'Something.', status = 400) {
  return appErrorOf(classifyFailure(serviceException(name, message, status), live), context)
}

describe('Cognito exceptions as shared error codes', () => {
  it.each([
    ['UserNotFoundException', 'not_found'],
    ['ResourceNotFoundException', 'not_found'],
    ['UsernameExistsException', 'conflict'],
    ['GroupExistsException', 'conflict'],
    ['AliasExistsException', 'conflict'],
    ['InvalidPasswordException', 'invalid_input'],
    ['InvalidParameterException', 'invalid_input'],
    ['NotAuthorizedException', 'auth_failed'],
    ['UnrecognizedClientException', 'auth_failed'],
    ['InvalidSignatureException', 'auth_failed'],
    ['TooManyRequestsException', 'rate_limited'],
    ['LimitExceededException', 'conflict'],
  ])('%s is %s', (name, code) => {
    expect(mapped(name).code).toBe(code)
  })

  it("keeps the exception name, AWS's message and the request id in the details", () => {
    expect(mapped('UserNotFoundException', 'User does not exist.').extra.details).toEqual({
      targetCode: 'UserNotFoundException',
      targetMessage: 'User does not exist.',
      requestId: 'req-123',
      status: '400',
      operation: 'AdminGetUser',
    })
  })

  it('names the access key, never the secret, when AWS refuses the credentials', () => {
    const error = mapped('InvalidSignatureException', 'The request signature we calculated does not match, S3cr3t.')
    expect(error.message).toContain('AKIAEXAMPLEKEY000001')
    expect(JSON.stringify(error.toValue())).not.toContain('S3cr3t')
  })

  it("reads AWS's refusals of a user's state (NotAuthorizedException about the user, not the key) as a conflict, in AWS's words", () => {
    for (const message of ['User password cannot be reset in the current state.', 'User is disabled.']) {
      const error = mapped('NotAuthorizedException', message)
      expect(error.code).toBe('conflict')
      expect(error.message).toContain(`AWS says: "${message}"`)
      expect(error.message).not.toContain(context.accessKeyId)
    }
    expect(mapped('NotAuthorizedException', 'User: arn:aws:iam::1:user/x is not authorized').code).toBe('auth_failed')
  })

  it('says a quota is not waited out for LimitExceeded, and that the rate limit was waited for throttling', () => {
    expect(mapped('LimitExceededException').message).toMatch(/Waiting does not help/)
    expect(mapped('TooManyRequestsException').message).toMatch(/waited 5 times/)
  })

  it('treats server faults as network trouble that may be retried, and throttling as waited out', () => {
    const fault = classifyFailure(serviceException('InternalErrorException', 'Internal server error.', 500), live)
    expect(isTransient(fault)).toBe(true)
    expect(appErrorOf(fault, context).code).toBe('network')
    expect(isThrottled(classifyFailure(serviceException('TooManyRequestsException', 'Too many requests'), live))).toBe(true)
    expect(isTransient(classifyFailure(serviceException('LimitExceededException', 'limit'), live))).toBe(false)
    expect(isThrottled(classifyFailure(serviceException('LimitExceededException', 'limit'), live))).toBe(false)
  })

  it('reads connection failures as network errors and an aborted call as cancelled', () => {
    const reset = classifyFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), live)
    expect(reset).toEqual({ kind: 'network', systemCode: 'ECONNRESET' })
    expect(appErrorOf(reset, { ...context, idempotent: false }).message).toContain('may have been carried out anyway')
    const aborted = new AbortController()
    aborted.abort()
    expect(classifyFailure(new Error('whatever'), aborted.signal)).toEqual({ kind: 'cancelled' })
    expect(appErrorOf({ kind: 'cancelled' }, context).code).toBe('cancelled')
  })
})

describe('Cognito profile settings', () => {
  const base = {
    profileId: 'p',
    profileName: 'Pool',
    environment: 'sandbox' as const,
    values: { accessKeyId: 'AKIAEXAMPLEKEY000001', region: 'eu-west-1', userPoolId: 'eu-west-1_AbC123' },
    secrets: { accessSecret: 'secret' },
    logger: createRecordingLogger(),
  }

  it('uses AWS’s own endpoint unless the Target URL overrides it', () => {
    expect(readCognitoSettings(base).endpoint).toBeUndefined()
    expect(readCognitoSettings({ ...base, values: { ...base.values, url: 'http://127.0.0.1:4000' } }).endpoint).toBe('http://127.0.0.1:4000')
  })

  it('refuses a pool id of another Region before anything is sent, saying which Region it belongs to', () => {
    let error: unknown
    try {
      readCognitoSettings({ ...base, values: { ...base.values, userPoolId: 'us-east-1_AbC123' } })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).message).toContain('belongs to the Region us-east-1')
  })

  it('refuses a profile without its access secret', () => {
    expect(() => readCognitoSettings({ ...base, secrets: {} })).toThrow(/no Access Secret/)
  })
})
