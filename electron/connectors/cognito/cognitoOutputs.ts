import { CognitoServiceError } from './cognitoWire'

/**
 * Cognito's JSON answers as the adapter reads them: the shapes of the AWS SDK's output types
 * (without the SDK's `$metadata`), checked where the adapter relies on them, and each timestamp
 * (epoch seconds on the wire) made a `Date`, as the SDK made it. Each shaper changes the parsed
 * answer in place and walks only the records that carry dates: a ListUsers page is read once, not
 * copied.
 */

export type Output = Record<string, unknown>
export type Answer<T> = Omit<T, '$metadata'>

/** An answer Lanyard cannot use: said as Cognito having a problem answering, and retried as one. */
export function unreadableAnswer(problem: string): CognitoServiceError {
  return new CognitoServiceError('UnreadableAnswer', `Cognito's answer ${problem}.`, 200, null)
}

function record(value: unknown, what: string): Output {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Output
  throw unreadableAnswer(`has ${what} that is not an object`)
}

function records(output: Output, key: string): Output[] {
  const list = output[key]
  if (list === undefined || list === null) return []
  if (!Array.isArray(list)) throw unreadableAnswer(`has ${key} that is not a list`)
  return list.map((item) => record(item, `an item of ${key}`))
}

function dated(item: Output, first: string, second: string): void {
  for (const key of [first, second]) {
    const seconds = item[key]
    if (seconds === undefined || seconds === null) continue
    if (typeof seconds !== 'number' || !Number.isFinite(seconds)) throw unreadableAnswer(`has ${key} that is not a time in seconds`)
    item[key] = new Date(seconds * 1000)
  }
}

/** An answer with nothing the adapter reads (a change's empty `{}`). */
export const answerWith =
  <T>() =>
  (output: Output): Answer<T> =>
    output as Answer<T>

/** ListUsers, ListUsersInGroup: `Users`. */
export function usersDates<T>(output: Output): Answer<T> {
  for (const user of records(output, 'Users')) dated(user, 'UserCreateDate', 'UserLastModifiedDate')
  return output as Answer<T>
}

/** AdminGetUser: the user's fields at the top. */
export function userDates<T>(output: Output): Answer<T> {
  dated(output, 'UserCreateDate', 'UserLastModifiedDate')
  return output as Answer<T>
}

/** AdminCreateUser: `User`. */
export function createdUserDates<T>(output: Output): Answer<T> {
  if (output.User !== undefined) dated(record(output.User, 'User'), 'UserCreateDate', 'UserLastModifiedDate')
  return output as Answer<T>
}

/** GetGroup, CreateGroup, UpdateGroup: `Group`. */
export function groupDates<T>(output: Output): Answer<T> {
  if (output.Group !== undefined) dated(record(output.Group, 'Group'), 'CreationDate', 'LastModifiedDate')
  return output as Answer<T>
}

/** ListGroups, AdminListGroupsForUser: `Groups`. */
export function groupsDates<T>(output: Output): Answer<T> {
  for (const group of records(output, 'Groups')) dated(group, 'CreationDate', 'LastModifiedDate')
  return output as Answer<T>
}

/** DescribeUserPool: `UserPool`. */
export function poolDates<T>(output: Output): Answer<T> {
  if (output.UserPool !== undefined) dated(record(output.UserPool, 'UserPool'), 'CreationDate', 'LastModifiedDate')
  return output as Answer<T>
}
