import type { ConnectionReport } from '../../../shared/directory'
import { oktaOrgSchema, parseAnswer, type OktaContext } from './oktaTypes'
import { fetchUser } from './oktaUsers'
import { userDisplayName } from './oktaMapping'

/** `GET /api/v1/org` and `GET /api/v1/users/me`: the organisation and the administrator behind the token. */
export async function testConnection(context: OktaContext, signal?: AbortSignal): Promise<ConnectionReport> {
  const orgResponse = await context.http.request({ method: 'GET', path: '/api/v1/org', signal })
  const org = parseAnswer(oktaOrgSchema, orgResponse.data, 'the organisation settings')
  const admin = await fetchUser(context, 'me', signal)
  const company = org.companyName || org.subdomain || 'the Okta organisation'
  const login = typeof admin.profile.login === 'string' ? admin.profile.login : admin.id
  const adminName = `${userDisplayName(admin)} (${login})`
  const facts = [
    { label: 'Organisation', value: company },
    ...(org.subdomain ? [{ label: 'Subdomain', value: org.subdomain }] : []),
    ...(org.status ? [{ label: 'Organisation status', value: org.status }] : []),
    { label: 'Signed in as', value: adminName },
    { label: 'Administrator status', value: admin.status },
  ]
  const limit = orgResponse.headers['x-rate-limit-limit']
  if (limit) facts.push({ label: 'Rate limit', value: `${limit} requests per minute for this kind of request` })
  return { summary: `Connected to ${company} as ${adminName}`, facts }
}
