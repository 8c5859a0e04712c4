import { z } from 'zod'

/**
 * The app's model of a target's objects: SCIM 2.0 attributes, flat, keyed by the SCIM path exactly
 * as the descriptor's mapping rows write it (`userName`, `name.givenName`, `emails.value`,
 * `Extension.Department`, `active`, `meta.created`). Keying by the row's path lets the detail
 * panel, the edit form and the change diff be generated from the descriptor for every connector.
 * Memberships (`groups[]`, `members[]`) are not attributes: they are paged lists of their own.
 *
 * A module of its own, importing only zod: the catalogue describes attributes and the directory
 * model (shared/directory.ts, which re-exports these) carries them, and neither may need the other.
 */
export const attributeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()])
export type AttributeValue = z.infer<typeof attributeValueSchema>
export type Attributes = Record<string, AttributeValue>
