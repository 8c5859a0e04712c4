import type { RouteTable } from '../framework/RouteTable'
import { goToErrors } from './goToErrors'
import { envelope, parsePageRequest } from './goToPaging'
import { renderLicense } from './goToRepresentations'
import { ok, requireAccount, type GoToContext, type GoToHandler, type GoToReply } from './goToRouting'

/**
 * Who am I, the account, its licences (coupa-gotomeeting.md B.1, B.5). The account answers its
 * key and name only; how many users it has is the users list's `total`
 * (`GET …/users?pageSize=1`), the count a client can rely on (a `total` of 0 means none, G8).
 */
export function addAccountRoutes(routes: RouteTable<GoToHandler>): void {
  routes
    .add('GET', '/admin/rest/v1/me', me)
    .add('GET', '/admin/rest/v1/accounts/:accountKey', (context) => {
      requireAccount(context)
      return ok({ key: context.directory.account.key, name: context.directory.account.name })
    })
    .add('GET', '/admin/rest/v1/accounts/:accountKey/licenses', (context) => {
      requireAccount(context)
      return ok(envelope(context.directory.licenses(), parsePageRequest(context.query), (license) => renderLicense(license, context.directory)))
    })
}

/** `{key, email, firstName, lastName, accountKey, accounts:[{key,name}], adminRoles}` (B.7): the token's administrator. */
function me(context: GoToContext): GoToReply {
  const { directory } = context
  const admin = directory.userByKey(directory.adminUserKey)
  if (!admin) throw goToErrors.internal()
  return ok({
    key: admin.key,
    email: admin.email,
    firstName: admin.firstName,
    lastName: admin.lastName,
    locale: admin.locale,
    timeZone: admin.timeZone,
    accountKey: directory.account.key,
    accounts: [{ key: directory.account.key, name: directory.account.name, adminRoles: [...admin.adminRoles] }],
    adminRoles: [...admin.adminRoles],
  })
}
