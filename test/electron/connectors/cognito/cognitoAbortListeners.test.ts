import { getEventListeners } from 'node:events'
import { afterEach, describe, expect, it } from 'vitest'
import { readCognitoSettings } from '../../../../electron/connectors/cognito/cognitoSettings'
import { createCognitoTransport, type CognitoTransport } from '../../../../electron/connectors/cognito/cognitoTransport'
import { createRecordingLogger } from '../../../support/recordingLogger'
import { expectAppError } from '../../../support/expectAppError'

/**
 * The Cognito side of abortListeners.test.ts: a profile's transport lives as long as the profile and
 * a caller's signal (a job's change, a search) longer than each call it covers, so a call must not
 * leave abort listeners behind, nor add one per call to a signal every call shares. The budget bench
 * read 1,200 Cognito users at once and Node warned "11 abort listeners added to [AbortSignal]" from
 * the transport's closing signal, which every call listened to.
 */
const warnings: Error[] = []
process.on('warning', (warning: Error) => void warnings.push(warning))
afterEach(() => {
  warnings.length = 0
})

const listenerExcess = () => warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning').map((warning) => warning.message)
const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length

/** A transport whose calls never reach the wire: each `run` is the test's own (nothing listens on port 9). */
function transport(concurrency = 4): CognitoTransport {
  const logger = createRecordingLogger()
  const settings = readCognitoSettings({
    profileId: 'profile-1',
    profileName: 'Sandbox Cognito',
    environment: 'sandbox',
    values: { accessKeyId: 'AKIAEXAMPLE', region: 'eu-west-1', userPoolId: 'eu-west-1_abc', url: 'http://127.0.0.1:9' },
    secrets: { accessSecret: 'example-secret' },
    logger,
  })
  return createCognitoTransport(settings, logger, 'Sandbox Cognito', { concurrency, timeoutMs: 10_000 })
}

/** A call held until its attempt's signal aborts (the wire rejects so on abort). */
function held(_client: unknown, abortSignal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => abortSignal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })), { once: true }))
}

describe('the Cognito transport: abort listeners', () => {
  it('warns of no listener excess with more calls in flight and queued than Node’s limit of 10, and close still cancels each', async () => {
    const cognito = transport()
    // Half sent alone, half reads (shared reads have a controller of their own): 4 in flight, the rest queued.
    const pending = Array.from({ length: 14 }, (_, index) =>
      index % 2 === 0 ? cognito.send(`AdminGetUser${index}`, true, held) : cognito.read('ListUsers', { index }, (client, _input, signal) => held(client, signal)),
    )
    await new Promise((resolve) => setImmediate(resolve))
    cognito.close()
    for (const call of pending) expect((await expectAppError(call, 'cancelled')).message).toMatch(/profile was closed/)
    await expectAppError(cognito.send('AdminGetUser', true, held), 'cancelled')
    await new Promise((resolve) => setImmediate(resolve))
    expect(listenerExcess()).toEqual([])
  })

  it('adds at most one listener per call to a caller’s signal, and none once they are cancelled or answered', async () => {
    const cognito = transport(2)
    const caller = new AbortController()
    const pending = [1, 2, 3].map((index) => cognito.send(`ListUsers${index}`, true, held, { signal: caller.signal }))
    await new Promise((resolve) => setImmediate(resolve))
    expect(abortListeners(caller.signal)).toBeLessThanOrEqual(pending.length)
    caller.abort()
    for (const call of pending) await expectAppError(call, 'cancelled')
    expect(abortListeners(caller.signal)).toBe(0)

    const reader = new AbortController()
    for (let index = 0; index < 12; index++) await cognito.send('DescribeUserPool', true, async () => ({ index }), { signal: reader.signal })
    expect(abortListeners(reader.signal)).toBe(0)
    cognito.close()
  })
})
