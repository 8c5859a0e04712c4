import { coupa } from '../../../shared/catalogue/coupa'
import { coupaScopeUses, parseScopes } from '../../../shared/catalogue/coupaScopes'
import { chosenValue } from '../../../shared/catalogue/parameterChoice'
import { AppError } from '../../errors/AppError'
import type { HttpClient, HttpResponse, TargetErrorDescription } from '../../http/types'
import type { Logger } from '../../logging/Logger'
import { OAuthTokens } from '../OAuthTokens'
import type { ConnectorSettings } from '../Connector'

/** How a Coupa profile signs in: an OAuth client (client credentials, the default) or the legacy API key. */
export type CoupaAuth = { kind: 'oauth'; clientId: string; clientSecret: string; scopes: string[] } | { kind: 'apiKey'; apiKey: string }

function required(settings: ConnectorSettings, value: string | undefined, label: string): string {
  if (value && value.trim() !== '') return value.trim()
  throw new AppError('invalid_input', `The profile "${settings.profileName}" has no ${label}. Edit the profile and fill it in.`)
}

/** The profile's sign-in, from its values and secrets; a profile saved before the choice existed uses its API key. */
export function coupaAuthOf(settings: ConnectorSettings): CoupaAuth {
  const method = chosenValue(coupa, settings.values, 'authMethod')
  if (method === 'apiKey') return { kind: 'apiKey', apiKey: required(settings, settings.secrets.apiKey, 'API key') }
  if (method !== 'oauth') {
    throw new AppError('invalid_input', `The profile "${settings.profileName}" signs in with "${method}", which Coupa profiles do not know: edit the profile and choose OAuth client credentials or API key.`, {
      fields: { authMethod: 'Choose OAuth client credentials or API key.' },
    })
  }
  const scopes = parseScopes(settings.values.scopes ?? '')
  if (scopes.length === 0) throw new AppError('invalid_input', `The profile "${settings.profileName}" asks for no Scopes. Edit the profile: the default scopes are filled in for a new profile.`)
  return {
    kind: 'oauth',
    clientId: required(settings, settings.values.clientId, 'Client identifier'),
    clientSecret: required(settings, settings.secrets.clientSecret, 'Client secret'),
    scopes,
  }
}

/** Coupa's tokens last 24 hours when the answer does not say (A.2). */
const defaultLifetimeSeconds = 86_399
/** Coupa advises asking for a new token every ~20 hours (A.2): renewed 4 hours before expiry, or at a tenth of a shorter life. */
const renewMarginMs = 4 * 3600_000

/** The client-credentials grant (A.2): client id and secret in the form body, as Coupa's guide shows; no refresh token. */
export function createCoupaTokens(signIn: HttpClient, auth: Extract<CoupaAuth, { kind: 'oauth' }>, logger: Logger): OAuthTokens {
  return new OAuthTokens({
    http: signIn,
    path: '/oauth2/token',
    signInForm: { grant_type: 'client_credentials', client_id: auth.clientId, client_secret: auth.clientSecret, scope: auth.scopes.join(' ') },
    logger,
    targetName: 'Coupa',
    signInName: 'Coupa token endpoint',
    noTokenHint: "Check that the profile's Target URL is your Coupa instance.",
    defaultLifetimeSeconds,
    renewMarginMs,
  })
}

/** The token endpoint's refusals (RFC 6749 §5.2 bodies), each `auth_failed` with what to fix. */
export function describeCoupaSignInError(response: HttpResponse): TargetErrorDescription {
  const body = response.data && typeof response.data === 'object' ? (response.data as Record<string, unknown>) : {}
  const targetCode = typeof body.error === 'string' ? body.error : undefined
  const summary = typeof body.error_description === 'string' ? body.error_description : undefined
  const description: TargetErrorDescription = { targetCode, summary, requestId: response.headers['x-request-id'] }
  const say = (message: string): TargetErrorDescription => ({ ...description, code: 'auth_failed', message })
  switch (targetCode) {
    case 'invalid_client':
      return say("Coupa did not accept the profile's Client identifier and Client secret. Copy them again from Setup › OAuth2/OpenID Connect Clients and save the profile.")
    case 'invalid_scope':
      return say(
        `Coupa refused the scopes the profile asks for${summary ? ` (Coupa says: "${summary}")` : ''}. ` +
          "Correct the profile's Scopes, or ask a Coupa administrator to give the OAuth client those scopes.",
      )
    case 'unsupported_grant_type':
    case 'unauthorized_client':
      return say('This Coupa OAuth client may not use the client-credentials grant. Ask a Coupa administrator for a client whose grant type is Client credentials.')
  }
  if (response.status >= 400 && response.status < 500 && response.status !== 429) {
    return say(`Coupa refused to sign Lanyard in (HTTP ${response.status}). Check the profile's Target URL, Client identifier and Client secret.`)
  }
  return description
}

/** What Test connection says about the sign-in: the method, and for OAuth the scopes granted and what each missing one turns off. */
export function signInFacts(auth: CoupaAuth, tokens: OAuthTokens | null): { label: string; value: string }[] {
  if (auth.kind === 'apiKey' || tokens === null) {
    return [{ label: 'Signs in with', value: 'API key (legacy: Coupa has deprecated API keys and serves GraphQL, so roles, to OAuth clients only)' }]
  }
  const granted = tokens.grantedScope === null ? auth.scopes : parseScopes(tokens.grantedScope)
  const facts = [
    { label: 'Signs in with', value: `OAuth client ${auth.clientId} (client credentials)` },
    { label: 'Scopes granted', value: granted.join(' ') || 'none' },
  ]
  for (const use of coupaScopeUses) {
    if (!granted.includes(use.scope)) facts.push({ label: `Missing ${use.scope}`, value: `Without it, Lanyard cannot ${use.disables}.` })
  }
  return facts
}
