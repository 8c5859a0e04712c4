import type { DirectoryObject } from '../../shared/directory'
import type { Connector, DeprovisionSnapshot } from '../connectors/Connector'

/** Enough for anyone's groups; a longer chain of pages means the target keeps answering a cursor. */
const maxPages = 100

/** Every group of one group-like type a user is in, following the adapter's pages to the end. */
export async function readAllGroupsOf(
  connector: Connector,
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

/**
 * The snapshot's groups the user is no longer in, read per group-like type (a Coupa snapshot
 * holds roles and account groups beside content groups).
 */
export async function missingSnapshotGroups(
  connector: Connector,
  snapshot: DeprovisionSnapshot,
  signal?: AbortSignal,
): Promise<DeprovisionSnapshot['groups']> {
  const types = [...new Set(snapshot.groups.map((group) => group.objectType ?? 'groups'))]
  const present = new Set<string>()
  for (const type of types) {
    for (const group of await readAllGroupsOf(connector, snapshot.userId, type, signal)) present.add(`${type}:${group.id}`)
  }
  return snapshot.groups.filter((group) => !present.has(`${group.objectType ?? 'groups'}:${group.id}`))
}
