import type { DirectoryObject } from '../../shared/directory'
import type { ReadsMemberships } from '../connectors/Connector'

/** Enough for anyone's groups; a longer chain of pages means the target keeps answering a cursor. */
const maxPages = 100

/** Every group of one group-like type a user is in, following the adapter's pages to the end. */
export async function readAllGroupsOf(
  connector: ReadsMemberships,
  userId: string,
  groupType = 'groups',
  signal?: AbortSignal,
): Promise<DirectoryObject[]> {
  const groups: DirectoryObject[] = []
  let cursor: string | null = null
  for (let page = 0; page < maxPages; page++) {
    const answer = await connector.listGroupsOf(userId, groupType, { cursor, pageSize: 200 }, signal)
    groups.push(...answer.items)
    cursor = answer.nextCursor
    if (cursor === null) break
  }
  return groups
}
