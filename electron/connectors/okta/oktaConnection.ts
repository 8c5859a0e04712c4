import type { ConnectionReport } from '../../../shared/directory'
import type { HttpResponse } from '../../http/types'
import { AppError } from '../../errors/AppError'
import { oktaOrgSchema, parseAnswer, type OktaContext } from './oktaTypes'
import { fetchUser } from './oktaUsers'
import { userDisplayName } from './oktaMapping'

/**
 * `GET /api/v1/org`, or null when the token's admin role may not read the org settings (403
 * E0000006): only super and org admins can, and a help-desk token that manages users and groups
 * is still a working token. Any other failure (a wrong token, a wrong URL) fails the test.
 */
async function readOrgSettings(context: OktaContext, signal?: AbortSignal): Promise<HttpResponse | null> {
  try {
    return await context.http.request({ method: 'GET', path: '/api/v1/org', signal })
  } catch (error: unknown) {
    if (error instanceof AppError && error.extra.details?.targetCode === 'E0000006') return null
    throw error
  }
}

/** `GET /api/v1/org` and `GET /api/v1/users/me`: the organisation and the administrator behind the token. */
export async function testConnection(context: OktaContext, signal?: AbortSignal): Promise<ConnectionReport> {
  const orgResponse = await readOrgSettings(context, signal)
  const org = orgResponse ? parseAnswer(oktaOrgSchema, orgResponse.data, 'the organisation settings') : null
  const admin = await fetchUser(context, 'me', signal)
  const company = org?.companyName || org?.subdomain || context.host
  const login = typeof admin.profile.login === 'string' ? admin.profile.login : admin.id
  const adminName = `${userDisplayName(admin)} (${login})`
  const facts = [
    { label: 'Organisation', value: company },
    ...(org?.subdomain ? [{ label: 'Subdomain', value: org.subdomain }] : []),
    ...(org?.status ? [{ label: 'Organisation status', value: org.status }] : []),
    ...(org ? [] : [{ label: 'Organisation settings', value: "Not shown: this token's admin role may not read them (Okta E0000006)." }]),
    { label: 'Signed in as', value: adminName },
    { label: 'Administrator status', value: admin.status },
  ]
  const limit = orgResponse?.headers['x-rate-limit-limit']
  if (limit) facts.push({ label: 'Rate limit', value: `${limit} requests per minute for this kind of request` })
  return { summary: `Connected to ${company} as ${adminName}`, facts }
}
