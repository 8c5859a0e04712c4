import { withEchoedNulls } from './oktaProfileSchema'
import type { OktaGroupRecord, OktaOrgRecord, OktaUserRecord, OktaUserStatus } from './oktaRecords'

/** What the tenant answers, shaped as the OpenAPI `User`, `Group` and `OrgSetting` schemas. */

type Link = { href: string; method?: string }

/** Lifecycle links a status offers (okta.md §2.4 and the §3.1 table), each with its method. */
const lifecycleLinksByStatus: Record<OktaUserStatus, string[]> = {
  STAGED: ['activate'],
  PROVISIONED: ['resetPassword', 'reactivate', 'resetFactors', 'deactivate'],
  ACTIVE: ['suspend', 'resetPassword', 'forgotPassword', 'expirePassword', 'changeRecoveryQuestion', 'resetFactors', 'changePassword', 'deactivate'],
  RECOVERY: ['resetPassword', 'reactivate', 'resetFactors', 'deactivate'],
  PASSWORD_EXPIRED: ['resetPassword', 'expirePassword', 'resetFactors', 'deactivate'],
  LOCKED_OUT: ['unlock', 'resetPassword', 'expirePassword', 'resetFactors', 'deactivate'],
  SUSPENDED: ['unsuspend', 'resetPassword', 'resetFactors', 'deactivate'],
  DEPROVISIONED: ['activate', 'delete'],
}

const linkPaths: Record<string, string> = {
  activate: 'lifecycle/activate',
  reactivate: 'lifecycle/reactivate',
  deactivate: 'lifecycle/deactivate',
  suspend: 'lifecycle/suspend',
  unsuspend: 'lifecycle/unsuspend',
  unlock: 'lifecycle/unlock',
  resetPassword: 'lifecycle/reset_password',
  expirePassword: 'lifecycle/expire_password',
  resetFactors: 'lifecycle/reset_factors',
  forgotPassword: 'credentials/forgot_password',
  changePassword: 'credentials/change_password',
  changeRecoveryQuestion: 'credentials/change_recovery_question',
}

/** In collections each user carries only `self` (okta.md §2.4). */
export function renderUser(user: OktaUserRecord, baseUrl: string, options: { inCollection?: boolean } = {}): Record<string, unknown> {
  const self = `${baseUrl}/api/v1/users/${user.id}`
  const links: Record<string, Link> = { self: { href: self } }
  if (!options.inCollection) {
    links.schema = { href: `${baseUrl}/api/v1/meta/schemas/user/osc${user.typeId.slice(3)}` }
    links.type = { href: `${baseUrl}/api/v1/meta/types/user/${user.typeId}` }
    for (const name of lifecycleLinksByStatus[user.status]) {
      links[name] = name === 'delete' ? { href: self, method: 'DELETE' } : { href: `${self}/${linkPaths[name]}`, method: 'POST' }
    }
  }
  const credentials: Record<string, unknown> = {}
  if (user.hasPassword) credentials.password = {}
  if (user.recoveryQuestion) credentials.recovery_question = { question: user.recoveryQuestion }
  credentials.provider = { type: 'OKTA', name: 'OKTA' }
  return {
    id: user.id,
    status: user.status,
    created: user.created,
    activated: user.activated,
    statusChanged: user.statusChanged,
    lastLogin: user.lastLogin,
    lastUpdated: user.lastUpdated,
    passwordChanged: user.passwordChanged,
    type: { id: user.typeId },
    profile: withEchoedNulls(user.profile),
    credentials,
    _links: links,
  }
}

const groupLogos = [
  { name: 'medium', href: 'https://op3static.oktacdn.com/assets/img/logos/groups/odyssey/okta-medium.30ce6d4085dff29412984e4c191bc874.png', type: 'image/png' },
  { name: 'large', href: 'https://op3static.oktacdn.com/assets/img/logos/groups/odyssey/okta-large.c3cb8cda8ae0add1b4fe928f5844dbe3.png', type: 'image/png' },
]

/** Groups have no `_links.self` (okta.md §2.4). `usersCount` only with `expand=stats`. */
export function renderGroup(group: OktaGroupRecord, baseUrl: string, usersCount?: number): Record<string, unknown> {
  const links: Record<string, unknown> = {
    logo: groupLogos,
    users: { href: `${baseUrl}/api/v1/groups/${group.id}/users` },
    apps: { href: `${baseUrl}/api/v1/groups/${group.id}/apps` },
  }
  if (group.sourceAppId) links.source = { href: `${baseUrl}/api/v1/apps/${group.sourceAppId}` }
  const rendered: Record<string, unknown> = {
    id: group.id,
    created: group.created,
    lastUpdated: group.lastUpdated,
    lastMembershipUpdated: group.lastMembershipUpdated,
    objectClass: group.objectClass,
    type: group.type,
    profile: group.profile,
  }
  if (group.sourceAppId) rendered.source = { id: group.sourceAppId }
  // `hasAdminPrivlege` is spelled as Okta's spec spells it (Group._embedded.stats).
  if (usersCount !== undefined) rendered._embedded = { stats: { usersCount, appsCount: 0, groupPushMappingsCount: 0, hasAdminPrivlege: false } }
  rendered._links = links
  return rendered
}

export function renderOrg(org: OktaOrgRecord, baseUrl: string): Record<string, unknown> {
  return {
    id: org.id,
    companyName: org.companyName,
    subdomain: org.subdomain,
    website: org.website,
    status: 'ACTIVE',
    created: org.created,
    lastUpdated: org.created,
    address1: '100 First Street',
    city: 'San Francisco',
    state: 'CA',
    postalCode: '94105',
    country: 'United States',
    phoneNumber: '+1 415 555 0100',
    supportPhoneNumber: '+1 415 555 0199',
    endUserSupportHelpURL: `${org.website}/help`,
    _links: {
      contacts: { href: `${baseUrl}/api/v1/org/contacts` },
      logo: { href: `${baseUrl}/api/v1/org/logo` },
      oktaCommunication: { href: `${baseUrl}/api/v1/org/privacy/oktaCommunication` },
      oktaSupport: { href: `${baseUrl}/api/v1/org/privacy/oktaSupport` },
      preferences: { href: `${baseUrl}/api/v1/org/preferences` },
      uploadLogo: { href: `${baseUrl}/api/v1/org/logo`, hints: { allow: ['POST'] } },
    },
  }
}
