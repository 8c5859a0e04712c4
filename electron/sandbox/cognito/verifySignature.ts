import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { SandboxRequest } from '../framework/sandboxHttp'
import { cognitoErrors } from './cognitoErrors'

/**
 * AWS Signature Version 4, checked the way AWS publishes it ("Create a signed AWS API request"):
 * canonical request → string to sign → HMAC chain from the secret → signature. Written here from
 * that algorithm, not taken from the SDK's signer, so a signing bug on either side shows.
 * Only the `Authorization` header form is accepted (the SDK never presigns Cognito calls).
 */

export interface SigningKey {
  accessKeyId: string
  secretAccessKey: string
}

export interface SignatureContext {
  keys: readonly SigningKey[]
  region: string
  service: string
  now: number
}

const algorithm = 'AWS4-HMAC-SHA256'
/** AWS refuses requests signed more than five minutes away from its clock. */
const allowedSkewMs = 5 * 60_000

/** The access key id the request was signed with; throws the error AWS answers otherwise. */
export function verifySignature(request: SandboxRequest, context: SignatureContext): string {
  const authorization = headerValue(request, 'authorization')
  if (authorization === undefined) throw cognitoErrors.missingAuthentication()
  const parts = parseAuthorization(authorization)
  const amzDate = headerValue(request, 'x-amz-date')
  const dateHeader = headerValue(request, 'date')
  const missing = [
    parts.credential === undefined ? "Authorization header requires 'Credential' parameter." : '',
    parts.signature === undefined ? "Authorization header requires 'Signature' parameter." : '',
    parts.signedHeaders === undefined ? "Authorization header requires 'SignedHeaders' parameter." : '',
    amzDate === undefined && dateHeader === undefined ? "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header." : '',
  ].filter((sentence) => sentence !== '')
  if (!parts.algorithmMatches || missing.length > 0) {
    const sentences = missing.length > 0 ? missing : [`Unsupported signing algorithm; use ${algorithm}.`]
    throw cognitoErrors.incompleteSignature(`${sentences.join(' ')} Authorization=${authorization}`)
  }
  const credential = parts.credential as string
  const signedHeaders = parts.signedHeaders as string
  const signature = parts.signature as string

  const [accessKeyId = '', scopeDate = '', scopeRegion = '', scopeService = '', terminator = ''] = credential.split('/')
  const key = context.keys.find((candidate) => candidate.accessKeyId === accessKeyId)
  if (!key) throw cognitoErrors.unrecognizedClient()

  const requestTime = amzDate !== undefined ? parseAmzDate(amzDate) : Date.parse(dateHeader as string)
  if (Number.isNaN(requestTime)) throw cognitoErrors.incompleteSignature(`Date must be in ISO-8601 'basic format'. Got '${amzDate ?? dateHeader}'.`)
  const requestStamp = basicFormat(requestTime)
  if (scopeDate !== requestStamp.slice(0, 8)) {
    throw cognitoErrors.invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${requestStamp.slice(0, 8)}', from '${requestStamp}'.`,
    )
  }
  if (scopeRegion !== context.region) throw cognitoErrors.invalidSignature(`Credential should be scoped to a valid region, not '${scopeRegion}'.`)
  if (scopeService !== context.service) throw cognitoErrors.invalidSignature(`Credential should be scoped to correct service: '${context.service}'.`)
  if (terminator !== 'aws4_request') throw cognitoErrors.invalidSignature("Credential should be scoped with a valid terminator: 'aws4_request'.")
  const signedHeaderNames = signedHeaders.split(';')
  if (!signedHeaderNames.includes('host')) throw cognitoErrors.invalidSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")

  if (requestTime < context.now - allowedSkewMs) {
    throw cognitoErrors.invalidSignature(`Signature expired: ${requestStamp} is now earlier than ${basicFormat(context.now - allowedSkewMs)} (${basicFormat(context.now)} - 5 min.)`)
  }
  if (requestTime > context.now + allowedSkewMs) {
    throw cognitoErrors.invalidSignature(`Signature not yet current: ${requestStamp} is still later than ${basicFormat(context.now + allowedSkewMs)} (${basicFormat(context.now)} + 5 min.)`)
  }

  const scope = `${scopeDate}/${scopeRegion}/${scopeService}/aws4_request`
  const canonical = canonicalRequest(request, signedHeaderNames)
  const stringToSign = [algorithm, amzDate ?? requestStamp, scope, sha256Hex(canonical)].join('\n')
  const signingKey = [scopeDate, scopeRegion, scopeService, 'aws4_request'].reduce<Buffer>(
    (previous, part) => hmac(previous, part),
    Buffer.from(`AWS4${key.secretAccessKey}`, 'utf8'),
  )
  const expected = hmac(signingKey, stringToSign).toString('hex')
  if (!sameText(expected, signature)) throw cognitoErrors.invalidSignature()
  return accessKeyId
}

interface AuthorizationParts {
  algorithmMatches: boolean
  credential?: string
  signedHeaders?: string
  signature?: string
}

function parseAuthorization(header: string): AuthorizationParts {
  const trimmed = header.trim()
  const space = trimmed.indexOf(' ')
  const scheme = space === -1 ? trimmed : trimmed.slice(0, space)
  const parts: AuthorizationParts = { algorithmMatches: scheme === algorithm }
  for (const component of (space === -1 ? '' : trimmed.slice(space + 1)).split(',')) {
    const equals = component.indexOf('=')
    if (equals === -1) continue
    const name = component.slice(0, equals).trim()
    const value = component.slice(equals + 1).trim()
    if (name === 'Credential') parts.credential = value
    else if (name === 'SignedHeaders') parts.signedHeaders = value
    else if (name === 'Signature') parts.signature = value
  }
  return parts
}

function canonicalRequest(request: SandboxRequest, signedHeaderNames: string[]): string {
  const headers = signedHeaderNames.map((name) => `${name}:${canonicalHeaderValue(request.headers[name])}\n`).join('')
  return [
    request.method,
    canonicalPath(request.path),
    canonicalQuery(request.query),
    headers,
    signedHeaderNames.join(';'),
    sha256Hex(request.bodyText),
  ].join('\n')
}

/** Every segment URI-encoded once more (the wire path is encoded already), as for every service but S3. */
function canonicalPath(path: string): string {
  if (path === '' || path === '/') return '/'
  return path
    .split('/')
    .map((segment) => encodeRfc3986(segment))
    .join('/')
}

function canonicalQuery(query: URLSearchParams): string {
  return [...query.entries()]
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)] as const)
    .sort(([leftName, leftValue], [rightName, rightValue]) => (leftName === rightName ? compare(leftValue, rightValue) : compare(leftName, rightName)))
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
}

function canonicalHeaderValue(value: string | string[] | undefined): string {
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value]
  return values.map((item) => item.trim().replace(/\s+/g, ' ')).join(',')
}

function headerValue(request: SandboxRequest, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** `20240131T235959Z` → epoch milliseconds (NaN when not that shape). */
function parseAmzDate(text: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text)
  if (!match) return Number.NaN
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[]
  return Date.UTC(year as number, (month as number) - 1, day, hour, minute, second)
}

function basicFormat(milliseconds: number): string {
  return new Date(milliseconds).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

function hmac(key: Buffer, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest()
}

function sameText(left: string, right: string): boolean {
  const leftBytes = Buffer.from(left)
  const rightBytes = Buffer.from(right)
  return leftBytes.length === rightBytes.length && timingSafeEqual(leftBytes, rightBytes)
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0
}
