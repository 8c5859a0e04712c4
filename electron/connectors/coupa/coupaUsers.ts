import { deriveCoupaUserAttributes, accountSecurityType, chartOfAccountsName } from '../../../shared/catalogue/coupaRules'
import type { Attributes, DirectoryObject, DirectoryPage } from '../../../shared/directory'
import { isBlank, validateNewObject } from '../../../shared/directoryValidation'
import { AppError, refuseProblems } from '../../errors/AppError'
import type { CreateOptions, ListQuery, PageRequest, UsersWithEmails } from '../Connector'
import { everyPage, usersInBatches } from '../emailBatches'
import { runSteps, type Step } from '../runSteps'
import type { QueryValue } from '../../http/types'
import { coupaPageSize, readOffsetPage, type OffsetList } from './coupaPaging'
import { userFields, userRowFields } from './coupaUserFields'
import { coupaEmailBatches, emailsFilters, userFilters } from './coupaSearch'
import { listedUser, userDisplayName, userToObject } from './coupaUserMapping'
import { userWrite, type UserWrite } from './coupaUserWrites'
import { coupaUserSchema, parseAnswer, parseUserRow, userPath, type CoupaContext, type CoupaUser } from './coupaTypes'

export async function fetchUser(context: CoupaContext, id: string, signal?: AbortSignal): Promise<CoupaUser> {
  const response = await context.http.request({ method: 'GET', path: userPath(id), signal })
  return parseAnswer(coupaUserSchema, response.data, 'a user')
}

/** Inactive users are still returned (soft delete only), and shown with an "inactive" badge. */
export async function getUser(context: CoupaContext, id: string, signal?: AbortSignal): Promise<DirectoryObject> {
  return userToObject(context, await fetchUser(context, id, signal))
}

/** `/api/users` with filters, asking only for the attributes Lanyard reads (see userFields), or for a table's rows only what they show. */
export function userList(context: CoupaContext, filters: Record<string, QueryValue>, page: Pick<PageRequest, 'rowsOnly'> = {}): OffsetList {
  const fields = page.rowsOnly ? userRowFields : userFields(context.users, context.customProperties)
  return { path: '/api/users', query: filters, fields, what: 'users' }
}

export async function listUsers(context: CoupaContext, query: ListQuery, signal?: AbortSignal): Promise<DirectoryPage> {
  const page = await readOffsetPage(context, userList(context, userFilters(query.search), query), query, signal, (row) => listedUser(context, parseUserRow(row, 'a user'), query))
  // Coupa reports no total count (A.3).
  return { items: page.rows, nextCursor: page.nextCursor, total: null }
}

/** Users whose email or login is one of `emails`: 25 to a list, by email then by login (coupaSearch.ts), every page read. */
export async function usersWithEmails(context: CoupaContext, emails: readonly string[], signal?: AbortSignal): Promise<UsersWithEmails> {
  return usersInBatches(emails, coupaEmailBatches, async (batch) => {
    const lists = await Promise.all(
      emailsFilters(batch).map((filters) =>
        everyPage(async (cursor) => {
          const page = await readOffsetPage(context, userList(context, filters), { cursor, pageSize: coupaPageSize }, signal)
          return { rows: page.rows.map((row) => userToObject(context, parseUserRow(row, 'a user'))), nextCursor: page.nextCursor }
        }),
      ),
    )
    return { users: lists.flatMap((list) => list.users), requests: lists.reduce((sum, list) => sum + list.requests, 0) }
  })
}

/** Segment 1 / 2 need the chart of accounts name (and so an account security type) first (CONNECTORS.md §2). */
export function refuseSegmentsWithoutChart(write: UserWrite, after: Attributes): void {
  const setsSegment = Object.values(write.segments ?? {}).some((value) => value !== null)
  if (!setsSegment || !isBlank(after[chartOfAccountsName])) return
  const message = 'Coupa needs the default chart of accounts name before segment 1 or 2: fill in that field too.'
  throw new AppError('invalid_input', `${message} Nothing was sent.`, { fields: { 'Extension.Segment1': message, 'Extension.Segment2': message } })
}

export function segmentsStep(context: CoupaContext, userId: () => string, name: string, write: UserWrite): Step {
  return {
    name: `Set ${name}'s default account segments`,
    writes: Object.keys(write.segments ?? {}).map((key) => (key === 'segment-1' ? 'Extension.Segment1' : 'Extension.Segment2')),
    run: async () => void (await context.http.request({ method: 'PUT', path: userPath(userId()), body: { 'default-account': write.segments }, idempotent: true })),
  }
}

function withoutBlanks(attributes: Attributes): Attributes {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== null && value !== ''))
}

/**
 * What createUser (`current` null) and updateUser refuse from the profile alone, with no call: a
 * custom property the profile does not declare, segments without a chart of accounts. The
 * directory runs it before the change is journaled.
 */
export function refuseUnsendableUser(context: CoupaContext, attributes: Attributes, current: DirectoryObject | null): void {
  const given = current ? attributes : withoutBlanks(attributes)
  refuseSegmentsWithoutChart(userWrite(context, given), current ? { ...current.attributes, ...attributes } : given)
}

/**
 * `POST /api/users` (201) with every given attribute but the segments, the computed
 * account-security-type and the first password (never logged); then the segments in a second
 * step. A failed second step leaves the user created: `partial_failure` names it.
 */
export async function createUser(context: CoupaContext, attributes: Attributes, options: CreateOptions): Promise<DirectoryObject> {
  refuseProblems(validateNewObject(context.users, attributes, options.password), 'Nothing was sent')
  const given = withoutBlanks(attributes)
  const write = userWrite(context, given)
  refuseSegmentsWithoutChart(write, given)
  const body: Record<string, unknown> = { ...write.body }
  const derived = deriveCoupaUserAttributes(given)[accountSecurityType]
  if (derived !== undefined) body['account-security-type'] = derived
  for (const [key, { names }] of write.arrays) if (names.length > 0) body[key] = names.map((name) => ({ name }))
  const password = options.password ?? ''
  if (password !== '') body.password = password
  const name = `${String(given['name.givenName'] ?? '')} ${String(given['name.familyName'] ?? '')}`.trim() || String(given.userName)
  // Filled by the first step; a holder, since the steps run as callbacks.
  const made: { user: CoupaUser | null } = { user: null }
  const createdId = () => made.user?.id ?? ''
  const create: Step = {
    name: `Create ${name}`,
    required: true,
    writes: Object.keys(given).filter((path) => !path.startsWith('Extension.Segment')),
    run: async () => {
      const response = await context.http.request({ method: 'POST', path: '/api/users', body, secrets: password ? [password] : [] })
      made.user = parseAnswer(coupaUserSchema, response.data, 'the new user')
    },
  }
  if (!write.segments) {
    await create.run()
    return getUserFrom(context, made.user)
  }
  const reports = await runSteps([create, segmentsStep(context, createdId, name, write)], {
    signal: context.signal,
    operation: `Creating ${name}`,
    advice: "The user exists in Coupa: finish the change from the Activity view, or set the segments from the user's panel.",
    // Coupa refused the create (its reason says what to do: another login, correct values). A create
    // whose answer was lost is not refused: the journal says it is not known and checks it.
    adviceWhenNothingApplied: 'Nothing was created.',
    details: (): Record<string, string> => (made.user ? { objectId: made.user.id, objectName: userDisplayName(made.user) } : {}),
  })
  options.onSteps?.(reports)
  return getUser(context, createdId())
}

function getUserFrom(context: CoupaContext, user: CoupaUser | null): DirectoryObject {
  if (!user) throw new AppError('internal', 'Coupa answered the create without the new user.')
  return userToObject(context, user)
}
