import { parseCustomProperties } from '../../shared/catalogue/customProperties'
import { getDescriptor } from '../../shared/catalogue'
import type { DirectoryObject } from '../../shared/directory'
import type { CoupaContext } from '../../electron/connectors/coupa/coupaTypes'
import { parseUserRow as parseCoupaRow } from '../../electron/connectors/coupa/coupaTypes'
import { listedUser as coupaListedUser } from '../../electron/connectors/coupa/coupaUserMapping'
import { rowOf } from '../../electron/connectors/listedObjects'
import { parseJsonLosslessly } from '../../electron/connectors/gotomeeting/goToJson'
import { listedUser as goToListedUser } from '../../electron/connectors/gotomeeting/goToMapping'
import { parseUserRow as parseGoToRow } from '../../electron/connectors/gotomeeting/goToTypes'
import { listedUser as oktaListedUser } from '../../electron/connectors/okta/oktaMapping'
import { parseUserRow as parseOktaRow } from '../../electron/connectors/okta/oktaTypes'

/**
 * What a bare loop does with each answer: `JSON.parse` and nothing else, or ("+ Lanyard's rows")
 * also what Lanyard does per row of a table's list: its body parser (GoTo's lossless one), each row
 * checked, listed for its row only and made the row a table is sent (attributes left unmapped, as
 * the app leaves them for a table). Beside Lanyard, the second tells the cost of the rows from the cost of the way
 * there (HTTP client, budget, paging).
 */
export interface BareWork {
  parse(text: string): unknown
  mapRow(row: unknown): void
}

export const parseOnly: BareWork = { parse: (text) => JSON.parse(text) as unknown, mapRow: () => undefined }

/** What a table asks of a list (DirectoryService). */
const table = { pageSize: 200, rowsOnly: true }

export function lanyardRowWork(target: 'okta' | 'gotomeeting' | 'coupa', tenant: Record<string, string>): BareWork {
  const users = getDescriptor(target).objectTypes.find((type) => type.id === 'users')!
  const keep = (object: DirectoryObject) => void (rowOf(object).id === '' && console.log(object.id))
  if (target === 'okta') return { parse: parseOnly.parse, mapRow: (row) => keep(oktaListedUser(users, parseOktaRow(row, 'a user'), table)) }
  if (target === 'gotomeeting') return { parse: parseJsonLosslessly, mapRow: (row) => keep(goToListedUser(users, parseGoToRow(row, 'a user'), table)) }
  // The mapping reads only these two of the adapter's context.
  const context = { users, customProperties: parseCustomProperties(tenant.customProperties ?? '').properties } as unknown as CoupaContext
  return { parse: parseOnly.parse, mapRow: (row) => keep(coupaListedUser(context, parseCoupaRow(row, 'a user'), table)) }
}
