import { coupa } from '../../../shared/catalogue/coupa'
import type { HttpResponse, TargetErrorDescription } from '../../http/types'
import { AppError } from '../../errors/AppError'
import { objectRecord } from './coupaTypes'

/*
 * Coupa's error bodies (coupa-gotomeeting.md A.4, A.7): `{"errors":{"user":["Login has already
 * been taken", …]}}`, keyed by the resource, with Rails' wording. Coupa has no error codes; the
 * resource key stands in as the target's code, and `X-Request-Id` (Rails sends one) as the request id.
 * 401 and 404 bodies are undocumented: the status alone decides those.
 */

function messagesOf(body: unknown): { subject: string | undefined; messages: string[] } {
  const errors = objectRecord(objectRecord(body)?.errors)
  if (!errors) return { subject: undefined, messages: [] }
  const messages: string[] = []
  let subject: string | undefined
  for (const [key, value] of Object.entries(errors)) {
    subject ??= key
    const list = Array.isArray(value) ? value : [value]
    for (const item of list) if (typeof item === 'string' && item.trim() !== '') messages.push(item.trim())
  }
  return { subject, messages }
}

/** `employee-number` → "Employee number", as Rails' `humanize` opens its messages about an attribute. */
function humanized(name: string): string {
  const words = name.replace(/-/g, ' ')
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`
}

/** Coupa's own attribute names a form can write (`login`, `employee-number`), longest words first. */
const attributeNames = [
  ...new Set(coupa.objectTypes.flatMap((type) => type.mapping.map((row) => row.native)).filter((native) => /^[a-z][a-z-]*$/.test(native))),
].sort((left, right) => right.length - left.length)

/** Each message that opens with an attribute's words ("Login has already been taken") names that attribute. */
function fieldsOf(messages: readonly string[]): Record<string, string> | undefined {
  const fields: Record<string, string> = {}
  for (const message of messages) {
    const name = attributeNames.find((candidate) => message.startsWith(`${humanized(candidate)} `))
    if (name) fields[name] ??= `Coupa says: "${message}".`
  }
  return Object.keys(fields).length > 0 ? fields : undefined
}

/** The attributes Coupa's uniqueness messages name ("Login has already been taken" → "login"), in its order. */
function takenAttributes(messages: readonly string[]): string[] {
  const taken = messages.filter((message) => /has already been taken/i.test(message))
  const names = taken.map((message) => attributeNames.find((candidate) => message.startsWith(`${humanized(candidate)} `)) ?? 'value')
  return [...new Set(names)].map((name) => name.replace(/-/g, ' '))
}

/**
 * A refusal because a unique value is another user's: the request reached Coupa and changed nothing,
 * so the way on is that user, or another value (never "search before creating again").
 */
function alreadyUsed(taken: readonly string[], said: string): string {
  const values = new Intl.ListFormat('en', { type: 'conjunction' }).format(taken)
  return `The ${values} ${taken.length > 1 ? 'are' : 'is'} already used by another Coupa user (Coupa says: "${said}"). Open that user, or choose another ${values}.`
}

/** `authKind`: how the profile signs in, which decides what a 401 or 403 asks the person to fix. */
export function describeCoupaError(response: HttpResponse, authKind: 'apiKey' | 'oauth' = 'apiKey'): TargetErrorDescription {
  const { subject, messages } = messagesOf(response.data)
  const fields = fieldsOf(messages)
  const description: TargetErrorDescription = {
    targetCode: subject,
    causes: messages,
    requestId: response.headers['x-request-id'] ?? response.headers['x-coupa-request-id'],
    ...(fields ? { fields } : {}),
  }
  const said = messages.join(' — ')
  const taken = takenAttributes(messages)
  if (response.status === 400 && taken.length > 0) return { ...description, code: 'conflict', message: alreadyUsed(taken, said) }
  if (response.status === 400 && messages.length > 0) {
    return { ...description, code: 'invalid_input', message: `Coupa refused the values (Coupa says: "${said}"). Correct them and try again.` }
  }
  if (response.status === 401 && authKind === 'oauth') {
    return {
      ...description,
      code: 'auth_failed',
      message:
        "Coupa did not accept Lanyard's access token, even after signing in again. Test the profile's connection; " +
        'a Coupa administrator may have revoked or changed the OAuth client.',
    }
  }
  if (response.status === 401) {
    return {
      ...description,
      code: 'auth_failed',
      message:
        'Coupa did not accept the API key. It may be wrong, expired or revoked: ask a Coupa administrator for a new one ' +
        '(Setup › API Keys) and save it in the profile, or sign in with an OAuth client instead.',
    }
  }
  if (response.status === 403) {
    const fix =
      authKind === 'oauth'
        ? "Ask a Coupa administrator to give the OAuth client the scope it needs (Setup › OAuth2/OpenID Connect Clients) and add it to the profile's Scopes."
        : 'Coupa serves some calls (GraphQL, and so roles) to OAuth clients only: edit the profile to sign in with OAuth client credentials.'
    return { ...description, code: 'auth_failed', message: `Coupa refused this request${said ? ` (Coupa says: "${said}")` : ''}. ${fix}` }
  }
  if (response.status === 406) {
    return { ...description, code: 'network', message: 'Coupa would not answer in JSON. Check that the Target URL is your Coupa instance.' }
  }
  return description
}

/**
 * Coupa's GraphQL endpoint answers 200 with `{"errors":[{"message"}]}` when it refuses a query
 * (A.3): that is a failure all the same.
 */
export function graphqlError(body: unknown, what: string): AppError | null {
  const errors = objectRecord(body)?.errors
  if (!Array.isArray(errors) || errors.length === 0) return null
  const said = errors
    .map((error) => objectRecord(error)?.message)
    .filter((message): message is string => typeof message === 'string')
    .join(' — ')
  return new AppError(
    'network',
    `Coupa could not list ${what} (Coupa says: "${said || 'an unknown GraphQL error'}"). Roles are read through Coupa's GraphQL API: ` +
      "check that the profile's OAuth client may read it (scope core.common.read), or ask a Coupa administrator.",
    { details: { targetMessage: said.slice(0, 500) } },
  )
}
