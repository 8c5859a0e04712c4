import type { Attributes, DirectoryObject, DirectoryPage, DirectoryRow } from '../../shared/directory'

/** An object's attributes, and the notes beside some of them where the adapter has any (Coupa). */
export interface MappedAttributes {
  attributes: Attributes
  attributeNotes?: Record<string, string>
}

/**
 * What an object listed for its row only (`PageRequest.rowsOnly`) has for attributes: none mapped.
 * Frozen and shared, so nothing can take them for an object's attributes and write to them.
 */
export const notMapped: MappedAttributes = Object.freeze({ attributes: Object.freeze({}) })

/** The object for a row and its attributes (an object read by id, created, changed, or listed in full). */
export function mappedObject(row: DirectoryRow, { attributes, attributeNotes }: MappedAttributes): DirectoryObject {
  const { id, objectType, displayName, secondary, status, readOnlyReason } = row
  const object: DirectoryObject = { id, objectType, displayName, secondary, status, attributes, readOnlyReason }
  if (attributeNotes) object.attributeNotes = attributeNotes
  return object
}

/** A row of its own for each object, without its attributes. */
export function rowOf({ id, objectType, displayName, secondary, status, readOnlyReason }: DirectoryRow): DirectoryRow {
  return { id, objectType, displayName, secondary, status, readOnlyReason }
}

/** What a table is sent of a page: its rows, not its objects' attributes. */
export function rowPageOf(page: DirectoryPage): DirectoryPage<DirectoryRow> {
  return { items: page.items.map(rowOf), nextCursor: page.nextCursor, total: page.total }
}
