import type { GoToAccountDirectory } from './GoToAccountDirectory'
import type { GoToGroupRecord, GoToLicenseRecord, GoToUserRecord, GoToUserStatus } from './goToRecords'

/**
 * What the Admin API answers (coupa-gotomeeting.md B.3–B.5): every key a JSON string. No created
 * or last-modified dates, which GoTo does not give (the reference connector's first limitation).
 */

export function renderUser(user: GoToUserRecord, directory: GoToAccountDirectory, status: GoToUserStatus = directory.statusOf(user)): Record<string, unknown> {
  const group = user.groupKey === null ? undefined : directory.groupByKey(user.groupKey)
  const admin = user.adminRoles.length > 0
  return {
    key: user.key,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    locale: user.locale,
    timeZone: user.timeZone,
    status,
    inviteCount: user.inviteCount,
    products: directory.productsOf(user),
    licenseKeys: [...user.licenseKeys],
    adminRoles: [...user.adminRoles],
    roleSets: [...user.roleSets],
    ...(group ? { groupKey: group.key, groupName: group.name } : {}),
    admin,
    passwordCreated: user.signedIn,
    nameLocked: false,
    emailLocked: false,
    identityReadOnly: false,
    canAuthenticate: status !== 'SUSPENDED' && status !== 'DELETED',
  }
}

/** Flat groups: each is a root, so its key and name paths hold only itself. */
export function renderGroup(group: GoToGroupRecord, directory: GoToAccountDirectory): Record<string, unknown> {
  const userKeys = directory.membersOf(group.key).map((user) => user.key)
  return {
    key: group.key,
    name: group.name,
    keyPath: [group.key],
    namePath: [group.name],
    userKeys,
    totalMemberCount: userKeys.length,
  }
}

/** The licence shape of GoTo's own example (G6 `test/licenses.json`). */
export function renderLicense(license: GoToLicenseRecord, directory: GoToAccountDirectory): Record<string, unknown> {
  const holders = directory.holdersOf(license.key)
  return {
    key: license.key,
    seats: license.seats,
    userCount: holders.length,
    enabled: license.enabled,
    description: license.description,
    type: license.type,
    channel: license.channel,
    userKeys: holders.map((user) => user.key),
    invitedUserKeys: holders.filter((user) => !user.signedIn).map((user) => user.key),
    deviceKeys: [],
    deviceCount: 0,
    products: [...license.products],
    childLicenseKeys: [],
    devicesOnly: false,
    devicesAllowed: false,
    externallyManaged: false,
  }
}
