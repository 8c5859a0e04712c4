import type { ConnectionReport } from '../../../shared/directory'
import { AppError } from '../../errors/AppError'
import { listGroupLikes } from './coupaGroups'
import { coupaUserSchema, parseAnswer, parseRows, type CoupaContext } from './coupaTypes'
import { userDisplayName } from './coupaUserMapping'

/**
 * Coupa has no "who am I" call for an API key or a client-credentials token, so the test reads one user (`GET /api/users?limit=1`):
 * that proves the address, the key and the right to read users. Reading one role through GraphQL
 * is reported as a fact: without it the Roles tab stays empty, but users still work. For an OAuth
 * profile the report also names the scopes Coupa granted and what each missing one turns off.
 */
export async function testConnection(context: CoupaContext, signal?: AbortSignal): Promise<ConnectionReport> {
  const response = await context.http.request({ method: 'GET', path: '/api/users', query: { limit: 1 }, signal })
  const [first] = parseRows(response.data, 'users')
  const facts = [{ label: 'Instance', value: context.host }, ...(context.signInFacts?.() ?? [])]
  if (first !== undefined) facts.push({ label: 'First user', value: userDisplayName(parseAnswer(coupaUserSchema, first, 'a user')) })
  try {
    await listGroupLikes(context, 'roles', { search: '', pageSize: 1 }, signal)
    facts.push({ label: 'Roles', value: 'Readable (through Coupa GraphQL)' })
  } catch (error: unknown) {
    if (error instanceof AppError && error.code === 'cancelled') throw error
    facts.push({ label: 'Roles', value: `Not readable: ${error instanceof AppError ? error.message : 'an unexpected error'}` })
  }
  facts.push({ label: 'Custom properties', value: context.customProperties.map((property) => `${property.name} (${property.type})`).join(', ') || 'none' })
  facts.push({ label: 'Pages fetched at once', value: String(context.pagesAtOnce) })
  return { summary: `Connected to Coupa at ${context.host}`, facts }
}
