import { bodyText, sendOverNode } from '../../http/network/nodeRequest'
import type { NetworkAgents } from '../../http/network/networkAgents'
import { refusePlainHttp } from '../../http/requestUrl'
import type { CognitoProfileSettings } from './cognitoSettings'
import { createSigner } from './signatureV4'

/** An error answer from Cognito, as the AWS JSON 1.1 protocol carries it (cognitoErrors.ts reads it). */
export class CognitoServiceError extends Error {
  constructor(
    /** The exception's short name: `UserNotFoundException`, or `HTTP 502` when the answer names none. */
    readonly exception: string,
    message: string,
    readonly status: number,
    readonly requestId: string | null,
    /**
     * Refused for the time it was signed at, which this computer's clock had wrong and the answer's
     * `Date` has since corrected: it was refused, so nothing was done, and it may be sent once more.
     */
    readonly refusedForItsTime = false,
  ) {
    super(message)
  }
}

export interface CognitoWire {
  /**
   * Sends one call, signed, and answers Cognito's JSON output. Throws a `CognitoServiceError` for an
   * error answer, or the system's own error for a network failure.
   */
  call(operation: string, input: object, signal: AbortSignal): Promise<Record<string, unknown>>
}

const jsonType = 'application/x-amz-json-1.1'

/** AWS refuses a request signed more than five minutes away from its own clock. */
const allowedSkewMs = 5 * 60_000

/** The exceptions AWS answers a request signed at a time it does not accept with (as the SDK lists them). */
const clockRefusals = new Set(['AuthFailure', 'InvalidSignatureException', 'RequestExpired', 'RequestInTheFuture', 'RequestTimeTooSkewed', 'SignatureDoesNotMatch'])

/** Where the profile's calls go: its Target URL when set, the pool's regional endpoint otherwise. */
export function cognitoEndpoint(settings: Pick<CognitoProfileSettings, 'endpoint' | 'region'>): URL {
  const domain = settings.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'
  return new URL(settings.endpoint ?? `https://cognito-idp.${settings.region}.${domain}`)
}

/**
 * Cognito's API as it is on the wire, without the AWS SDK: a POST of the input as JSON to the
 * pool's regional endpoint, the operation in `X-Amz-Target`, signed with Signature Version 4
 * (signatureV4.ts), sent over the profile's agents like every other connector's request
 * (nodeRequest.ts). The SDK parsed each answer through its schemas and a middleware stack: half the
 * CPU of a 20,000-user listing (841 ms with the SDK, 418 ms without, issue 14).
 * `reached(signal)` is called as the signed request leaves, for the request budget's count.
 *
 * A workstation's clock can be minutes off, and AWS refuses a signature from more than five
 * minutes away. So, as the SDK does, every answer's `Date` corrects the time requests are signed
 * with when the two are that far apart, and a call refused for a time since corrected says so
 * (`refusedForItsTime`): the transport sends it once more, as an attempt of its own that the
 * request budget counts and the log shows. `clock` is a test seam.
 */
export function createCognitoWire(
  settings: CognitoProfileSettings,
  agents: NetworkAgents,
  profileName: string,
  reached: (signal: AbortSignal) => void,
  clock: () => number = Date.now,
): CognitoWire {
  const endpoint = cognitoEndpoint(settings)
  const path = endpoint.pathname === '' ? '/' : endpoint.pathname
  const sign = createSigner({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.accessSecret, region: settings.region, service: 'cognito-idp' })
  // AWS's time minus this computer's, once an answer showed them more than the allowed skew apart.
  let clockOffsetMs = 0

  /** Moves the signing time to the answer's Date when the two are more than the allowed skew apart. */
  function heedServerTime(date: string | null): void {
    const serverTime = date === null ? Number.NaN : Date.parse(date)
    if (Number.isNaN(serverTime) || Math.abs(serverTime - (clock() + clockOffsetMs)) < allowedSkewMs) return
    clockOffsetMs = serverTime - clock()
  }

  return {
    async call(operation, input, signal) {
      // A profile that may not use plain http:// never signs a request, let alone sends one.
      refusePlainHttp(endpoint, settings.environment, 'Cognito', profileName)
      const body = JSON.stringify(input)
      const headers = { host: endpoint.host, 'content-type': jsonType, 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` }
      const signedWithOffsetMs = clockOffsetMs
      const { amzDate, authorization } = sign({ method: 'POST', path, headers, body }, clock() + signedWithOffsetMs)
      reached(signal)
      const answer = await sendOverNode(agents, { method: 'POST', url: endpoint, headers: { ...headers, 'x-amz-date': amzDate, authorization, 'user-agent': 'Lanyard' }, body, signal })
      const text = await bodyText(answer.body)
      heedServerTime(headerText(answer.headers.date))
      const requestId = headerText(answer.headers['x-amzn-requestid'])
      const output = parsedObject(text)
      if (answer.status >= 200 && answer.status < 300) {
        if (output) return output
        throw new CognitoServiceError('UnreadableAnswer', `The answer to ${operation} was not a JSON object.`, answer.status, requestId)
      }
      const name = exceptionName(headerText(answer.headers['x-amzn-errortype']), output?.__type) ?? `HTTP ${answer.status}`
      // Refused for its time after this call's answer, or another's meanwhile, corrected the clock it was signed with.
      const refusedForItsTime = clockRefusals.has(name) && clockOffsetMs !== signedWithOffsetMs
      throw new CognitoServiceError(name, messageOf(output), answer.status, requestId, refusedForItsTime)
    },
  }
}

function parsedObject(text: string): Record<string, unknown> | null {
  if (text.trim() === '') return {}
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/**
 * The protocol's error type, from the header or the body's `__type`: either may carry a namespace
 * (`com.amazonaws…#UserNotFoundException`) or a trailing URL (`UserNotFoundException:http://…`).
 */
function exceptionName(header: string | null, type: unknown): string | null {
  const raw = header ?? (typeof type === 'string' ? type : null)
  if (!raw) return null
  const name = (raw.split(':')[0] ?? '').split('#').at(-1)?.trim() ?? ''
  return name === '' ? null : name
}

function messageOf(output: Record<string, unknown> | null): string {
  const message = output?.message ?? output?.Message
  return typeof message === 'string' ? message : ''
}

function headerText(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value
  return text && text !== '' ? text : null
}
