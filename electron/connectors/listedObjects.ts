import type { Attributes, DirectoryObject, DirectoryPage, DirectoryRow } from '../../shared/directory'

/** An object's attributes, and the notes beside some of them where the adapter has any (Coupa). */
export interface MappedAttributes {
  attributes: Attributes
  attributeNotes?: Record<string, string>
}

/**
 * A listed object whose attributes are mapped when first read, then kept. A table needs only the
 * row (see `rowPageOf`), so a listing no longer maps every attribute of every user: for Coupa's
 * forty-odd a row that was as much CPU as parsing the row. Whatever does read them (a job matching
 * its lines, people search, a spread, structured clone, JSON) gets the values the eager mapping
 * gives, since they are own enumerable getters over the row the target sent, which nothing changes.
 */
export function listedObject(row: DirectoryRow, map: () => MappedAttributes): DirectoryObject {
  let mapped: MappedAttributes | undefined
  const read = () => (mapped ??= map())
  // The keys in the order every object has them (mappedObject): exports and tests compare that too.
  return {
    id: row.id,
    objectType: row.objectType,
    displayName: row.displayName,
    secondary: row.secondary,
    status: row.status,
    get attributes() {
      return read().attributes
    },
    readOnlyReason: row.readOnlyReason,
    get attributeNotes() {
      return read().attributeNotes
    },
  }
}

/** The object for a row and its attributes, mapped now (an object read by id, created or changed). */
export function mappedObject(row: DirectoryRow, { attributes, attributeNotes }: MappedAttributes): DirectoryObject {
  const { id, objectType, displayName, secondary, status, readOnlyReason } = row
  return { id, objectType, displayName, secondary, status, attributes, readOnlyReason, ...(attributeNotes && { attributeNotes }) }
}

/** A row of its own for each object, without reading its attributes. */
export function rowOf({ id, objectType, displayName, secondary, status, readOnlyReason }: DirectoryRow): DirectoryRow {
  return { id, objectType, displayName, secondary, status, readOnlyReason }
}

/** What a table is sent of a page: its rows, not its objects' attributes. */
export function rowPageOf(page: DirectoryPage): DirectoryPage<DirectoryRow> {
  return { items: page.items.map(rowOf), nextCursor: page.nextCursor, total: page.total }
}
