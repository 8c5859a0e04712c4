import { parseCustomProperties } from '../../shared/catalogue/customProperties'
import { getDescriptor } from '../../shared/catalogue'
import type { DirectoryObject } from '../../shared/directory'
import type { CoupaContext } from '../../electron/connectors/coupa/coupaTypes'
import { parseUserRow as parseCoupaRow } from '../../electron/connectors/coupa/coupaTypes'
import { userToObject as coupaUserToObject } from '../../electron/connectors/coupa/coupaUserMapping'
import { parseJsonLosslessly } from '../../electron/connectors/gotomeeting/goToJson'
import { userToObject as goToUserToObject } from '../../electron/connectors/gotomeeting/goToMapping'
import { parseUserRow as parseGoToRow } from '../../electron/connectors/gotomeeting/goToTypes'
import { userToObject as oktaUserToObject } from '../../electron/connectors/okta/oktaMapping'
import { parseUserRow as parseOktaRow } from '../../electron/connectors/okta/oktaTypes'

/**
 * What a bare loop does with each answer: `JSON.parse` and nothing else, or ("+ Lanyard's rows")
 * also what Lanyard's adapter does per row, its body parser (GoTo's lossless one) and each row
 * checked and mapped to the app's model. Beside Lanyard, the second tells the cost of the rows from
 * the cost of the way there (HTTP client, budget, paging).
 */
export interface BareWork {
  parse(text: string): unknown
  mapRow(row: unknown): void
}

export const parseOnly: BareWork = { parse: (text) => JSON.parse(text) as unknown, mapRow: () => undefined }

export function lanyardRowWork(target: 'okta' | 'gotomeeting' | 'coupa', tenant: Record<string, string>): BareWork {
  const users = getDescriptor(target).objectTypes.find((type) => type.id === 'users')!
  const keep = (object: DirectoryObject) => void (object.id === '' && console.log(object.id))
  if (target === 'okta') return { parse: parseOnly.parse, mapRow: (row) => keep(oktaUserToObject(users, parseOktaRow(row, 'a user'))) }
  if (target === 'gotomeeting') return { parse: parseJsonLosslessly, mapRow: (row) => keep(goToUserToObject(users, parseGoToRow(row, 'a user'))) }
  // The mapping reads only these two of the adapter's context.
  const context = { users, customProperties: parseCustomProperties(tenant.customProperties ?? '').properties } as unknown as CoupaContext
  return { parse: parseOnly.parse, mapRow: (row) => keep(coupaUserToObject(context, parseCoupaRow(row, 'a user'))) }
}
