import { AdminGetUserCommand, AdminListGroupsForUserCommand } from '@aws-sdk/client-cognito-identity-provider'
import type { ConnectorId } from '../../../shared/catalogue/types'
import type { SandboxFixturePerson } from '../../../electron/sandbox/people/sandboxPeopleFixtures'
import { askJson, cognitoClient, goToToken, type TenantAccess } from './tenantApis'

/**
 * One person's accounts read through each target's OWN API, as that application's admin would
 * check them (never through Lanyard): the status and every membership, role and licence a
 * deprovision takes or keeps.
 */

export type { TenantAccess }
export type Tenants = Readonly<Record<ConnectorId, TenantAccess>>

export interface AccountState {
  /** The account's id at the target, as Lanyard's `userId`. */
  userId: string
  /** The target's own status fields (Okta `status`, Cognito `Enabled`, Coupa `active`, GoTo `status`). */
  status: Record<string, unknown>
  /** Every membership, role and licence by kind, sorted. */
  memberships: Record<string, unknown>
}

export const connectorOrder: readonly ConnectorId[] = ['okta', 'cognito', 'coupa', 'gotomeeting']

/** The person's four accounts as they stand now, by connector. */
export async function accountStates(tenants: Tenants, person: SandboxFixturePerson): Promise<Record<ConnectorId, AccountState>> {
  const states = await Promise.all(connectorOrder.map((connectorId) => readers[connectorId](tenants[connectorId], loginOf(person, connectorId))))
  return Object.fromEntries(connectorOrder.map((connectorId, index) => [connectorId, states[index]!])) as Record<ConnectorId, AccountState>
}

function loginOf(person: SandboxFixturePerson, connectorId: ConnectorId): string {
  const account = person.accounts[connectorId]
  if (!account) throw new Error(`${person.displayName} has no ${connectorId} account in the sandbox`)
  return account.login
}

const sorted = (names: string[]) => [...names].sort()

const readers: Record<ConnectorId, (access: TenantAccess, login: string) => Promise<AccountState>> = {
  async okta(access, login) {
    const ask = <T>(path: string) => askJson<T>(new URL(path, access.url), { Authorization: `SSWS ${access.token}` })
    const found = await ask<{ id: string }[]>(`/api/v1/users?search=${encodeURIComponent(`profile.login eq "${login}"`)}`)
    const id = found[0]?.id
    if (!id) throw new Error(`Okta has no user with login ${login}`)
    const user = await ask<{ status: string }>(`/api/v1/users/${id}`)
    const groups = await ask<{ profile: { name: string } }[]>(`/api/v1/users/${id}/groups`)
    return { userId: id, status: { status: user.status }, memberships: { groups: sorted(groups.map((group) => group.profile.name)) } }
  },

  async cognito(access, username) {
    const aws = cognitoClient(access)
    try {
      const user = await aws.send(new AdminGetUserCommand({ UserPoolId: access.userPoolId, Username: username }))
      const groups = await aws.send(new AdminListGroupsForUserCommand({ UserPoolId: access.userPoolId, Username: username, Limit: 60 }))
      return {
        userId: username,
        status: { Enabled: user.Enabled, UserStatus: user.UserStatus },
        memberships: { groups: sorted((groups.Groups ?? []).map((group) => group.GroupName!)) },
      }
    } finally {
      aws.destroy()
    }
  },

  async coupa(access, login) {
    const ask = <T>(path: string) => askJson<T>(new URL(path, access.url), { 'X-COUPA-API-KEY': access.apiKey! })
    const found = await ask<{ id: number }[]>(`/api/users?login=${encodeURIComponent(login)}`)
    const id = found[0]?.id
    if (id === undefined) throw new Error(`Coupa has no user with login ${login}`)
    const user = await ask<Record<string, unknown>>(`/api/users/${id}`)
    // Whatever lists of named things the user carries: roles, account groups, content and approval groups.
    const memberships = Object.fromEntries(
      Object.entries(user)
        .filter((entry): entry is [string, { name: string }[]] => Array.isArray(entry[1]) && entry[1].every((item) => typeof (item as { name?: unknown })?.name === 'string'))
        .map(([key, items]) => [key, sorted(items.map((item) => item.name))]),
    )
    return { userId: String(id), status: { active: user.active }, memberships }
  },

  async gotomeeting(access, email) {
    const token = await goToToken(access)
    const ask = <T>(path: string) => askJson<T>(new URL(path, access.url), { Authorization: `Bearer ${token}` })
    const users = `accounts/${access.accountKey}/users`
    // GoTo refuses a filter whose spaces are sent as `+`: encodeURIComponent sends %20.
    const found = await ask<{ results: { key: string }[] }>(`${users}?filter=${encodeURIComponent(`email eq "${email}"`)}`)
    const key = found.results[0]?.key
    if (!key) throw new Error(`GoTo has no user with email ${email}`)
    const user = await ask<{ status: string; licenseKeys?: unknown[]; adminRoles?: string[]; groupKey?: unknown }>(`${users}/${key}`)
    return {
      userId: String(key),
      status: { status: user.status },
      memberships: { licenseKeys: sorted((user.licenseKeys ?? []).map(String)), adminRoles: sorted(user.adminRoles ?? []), groupKey: user.groupKey ?? null },
    }
  },
}

/** Gives a GoTo user an admin role through GoTo's own API, as an account admin would. */
export async function grantGoToAdminRole(access: TenantAccess, userKey: string, role: string): Promise<void> {
  const token = await goToToken(access)
  const response = await fetch(new URL(`accounts/${access.accountKey}/users/${userKey}`, access.url), {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ adminRoles: [role] }),
  })
  if (response.status >= 300) throw new Error(`GoTo refused the admin role: ${response.status} ${await response.text()}`)
}
