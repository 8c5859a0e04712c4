import { createHash, createHmac } from 'node:crypto'

/**
 * AWS Signature Version 4 for Cognito's JSON calls, as AWS publishes the algorithm ("Create a
 * signed AWS API request"): canonical request → string to sign → an HMAC chain from the secret.
 * Only what a call to one JSON endpoint needs: a POST with no query string, and the headers the
 * caller names signed. The sandbox checks signatures with its own code (verifySignature.ts), and
 * signatureV4.test.ts holds this against the AWS SDK's signer.
 */

export interface SigningCredentials {
  accessKeyId: string
  secretAccessKey: string
  region: string
  service: string
}

export interface SignedRequest {
  method: string
  /** The path as sent, already URI-encoded ("/"). */
  path: string
  /** Lower-case names; `host` among them. */
  headers: Record<string, string>
  body: string
}

const algorithm = 'AWS4-HMAC-SHA256'

/** A signer for one key and scope: the signing key is derived once a day, not once a call. */
export function createSigner(credentials: SigningCredentials): (request: SignedRequest, now?: number) => { amzDate: string; authorization: string } {
  let keyDay = ''
  let signingKey: Buffer = Buffer.alloc(0)
  return (request, now = Date.now()) => {
    const amzDate = basicFormat(now)
    const day = amzDate.slice(0, 8)
    if (day !== keyDay) {
      signingKey = [day, credentials.region, credentials.service, 'aws4_request'].reduce<Buffer>((key, part) => hmac(key, part), Buffer.from(`AWS4${credentials.secretAccessKey}`, 'utf8'))
      keyDay = day
    }
    const headers: Record<string, string> = { ...request.headers, 'x-amz-date': amzDate }
    const names = Object.keys(headers).sort()
    const canonical = [
      request.method,
      canonicalPath(request.path),
      '',
      names.map((name) => `${name}:${(headers[name] as string).trim().replace(/\s+/g, ' ')}\n`).join(''),
      names.join(';'),
      sha256Hex(request.body),
    ].join('\n')
    const scope = `${day}/${credentials.region}/${credentials.service}/aws4_request`
    const signature = hmac(signingKey, [algorithm, amzDate, scope, sha256Hex(canonical)].join('\n')).toString('hex')
    return { amzDate, authorization: `${algorithm} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}` }
  }
}

/** Every segment URI-encoded once more (the wire path is encoded already), as for every service but S3. */
function canonicalPath(path: string): string {
  if (path === '' || path === '/') return '/'
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/')
}

/** `2026-12-07T12:00:00.123Z` → `20261207T120000Z`. */
function basicFormat(milliseconds: number): string {
  const text = new Date(milliseconds).toISOString()
  return `${text.slice(0, 4)}${text.slice(5, 7)}${text.slice(8, 13)}${text.slice(14, 16)}${text.slice(17, 19)}Z`
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

function hmac(key: Buffer, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest()
}
