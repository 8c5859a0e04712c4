import type { DeprovisionSnapshot, Deprovisions, SnapshotPart } from '../connectors/Connector'

/*
 * One comparison of a user's live state with a journaled deprovision snapshot, for every connector:
 * the status, each group-like membership by id, and each list an adapter keeps in `extra` (GoTo's
 * licences, admin roles and custom roles). The connector says which parts its deprovision takes
 * away (`deprovisionTakes`); undo brings back all of them. Settling an unfinished deprovision or
 * undo, and undo's own read-back, both judge from this.
 */

interface Item {
  id: string
  name: string
}

/** One part of the snapshot: what was recorded, and which of it the target does not hold now. */
export interface PartState {
  part: SnapshotPart
  /** Taken away by a deprovision (the rest it keeps). */
  taken: boolean
  recorded: Item[]
  missing: Item[]
}

export interface SnapshotComparison {
  /** The user's state read now, in the snapshot's shape. */
  live: DeprovisionSnapshot
  /** Only parts the snapshot recorded something in: an empty list cannot be taken or brought back. */
  parts: PartState[]
}

/** Words for the lists adapters keep in `extra`; any other list is named by its key. */
const listWords: Record<string, string> = { licenses: 'licences', adminRoles: 'admin roles', roleSets: 'custom roles' }

/** Reads the user again (the same reads as before a deprovision) and compares part by part. */
export async function compareWithTarget(connector: Deprovisions, snapshot: DeprovisionSnapshot, signal?: AbortSignal): Promise<SnapshotComparison> {
  const live = await connector.readDeprovisionSnapshot(snapshot.userId, signal)
  return { live, parts: compareSnapshots(snapshot, live, connector.deprovisionTakes(snapshot)) }
}

function compareSnapshots(recorded: DeprovisionSnapshot, live: DeprovisionSnapshot, takes: readonly SnapshotPart[]): PartState[] {
  const parts: SnapshotPart[] = ['status', 'groups', ...Object.keys(recorded.extra).filter((key) => Array.isArray(recorded.extra[key])).map((key) => `extra.${key}` as const)]
  return parts
    .map((part) => {
      const before = itemsOf(recorded, part)
      const now = new Set(itemsOf(live, part).map((item) => item.id))
      return { part, taken: takes.includes(part), recorded: before, missing: before.filter((item) => !now.has(item.id)) }
    })
    .filter((state) => state.recorded.length > 0)
}

function itemsOf(snapshot: DeprovisionSnapshot, part: SnapshotPart): Item[] {
  if (part === 'status') return [{ id: snapshot.status, name: snapshot.status }]
  if (part === 'groups') return snapshot.groups.map((group) => ({ id: `${group.objectType ?? 'groups'}:${group.id}`, name: group.name }))
  const list = snapshot.extra[part.slice('extra.'.length)]
  return Array.isArray(list) ? list.map(itemOf) : []
}

/** A list entry: a plain string (a role), or a record with a key or id and perhaps a name (a licence). */
export function itemOf(entry: unknown): Item {
  if (typeof entry === 'string') return { id: entry, name: entry }
  if (entry && typeof entry === 'object') {
    const record = entry as Record<string, unknown>
    const id = typeof record.key === 'string' ? record.key : typeof record.id === 'string' ? record.id : JSON.stringify(entry)
    return { id, name: typeof record.name === 'string' ? record.name : id }
  }
  return { id: JSON.stringify(entry), name: String(entry) }
}

function partWord(part: SnapshotPart): string {
  if (part === 'status' || part === 'groups') return part
  const key = part.slice('extra.'.length)
  return listWords[key] ?? key
}

const names = (items: readonly Item[]) => items.map((item) => item.name).join(', ')

/**
 * What the user lacks compared with the snapshot, one sentence each: undo's read-back, and the
 * reason an unfinished undo is settled as partial.
 */
export function differencesFrom(comparison: SnapshotComparison): string[] {
  const { live, parts } = comparison
  return parts.flatMap(({ part, recorded, missing }) => {
    if (missing.length === 0) return []
    if (part === 'status') return [`The status is ${live.status}; it was ${recorded[0]!.name} before the deprovision.`]
    if (part === 'groups') return missing.map((group) => `Not back in ${group.name}.`)
    return [`The ${partWord(part)} ${names(missing)} are not back.`]
  })
}

/** "the status ACTIVE", "the groups Finance, Sales", "the licences GoTo Meeting Business": what a part still holds or lacks. */
export function describePart(state: PartState, items: readonly Item[]): string {
  return `the ${partWord(state.part)} ${names(items)}`
}
