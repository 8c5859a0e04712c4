import { z } from 'zod'
import { accountActionIds } from './accountActions'
import type { Attributes } from './attributes'
import { changeReasonSchema, ownAccountOverrideSchema } from './changeReason'
import { profileIdSchema } from './profiles'
import { freeText, lineText, textRecord } from './text'

// The directory model: a target's objects, their pages and the calls that carry them. Their
// attribute values are defined in ./attributes, which the catalogue imports without this model.
export { attributeValueSchema, type AttributeValue, type Attributes } from './attributes'

/**
 * Attributes as the renderer sends them: the same values, as text a target can take (no lone
 * surrogate, no NUL), under keys that are not built-in object names. What the targets answer and
 * the journal holds is read with `attributeValueSchema`, which takes whatever a target stored.
 */
const attributeInputSchema = z.union([freeText(), z.number(), z.boolean(), z.array(freeText()), z.null()])
export const attributesSchema = textRecord(attributeInputSchema)

/** How a status badge looks; the label is the target's own word (SUSPENDED, inactive, …). */
export type StatusTone = 'ok' | 'warning' | 'danger' | 'neutral'

export interface ObjectStatus {
  /** The target's own status, e.g. `ACTIVE`, `SUSPENDED`, `DEPROVISIONED`. */
  label: string
  tone: StatusTone
  /** SCIM `active`. */
  active: boolean
}

/** One user, group or other object, as every view shows it. */
export interface DirectoryObject {
  id: string
  /** The descriptor's object type id (`users`, `groups`, `roles`, …). */
  objectType: string
  /** The object's name in tables, headings and typed-name confirmations. */
  displayName: string
  /** A second line: a user's userName, a group's type or description. */
  secondary: string
  status: ObjectStatus | null
  attributes: Attributes
  /**
   * Set when the target refuses changes to this one object (an Okta APP_GROUP or BUILT_IN
   * group), with the reason. The UI greys its edit / delete / membership buttons and says why.
   */
  readOnlyReason: string | null
  /**
   * Per-attribute explanations the panel shows as a tooltip beside the value (Coupa: a boolean
   * custom property that came back empty is shown as false, and says why). Absent when none.
   */
  attributeNotes?: Record<string, string>
}

/**
 * One page of a list. `nextCursor` is opaque to the renderer (an Okta `after` cursor, an offset, a
 * Cognito token) and null at the end. `total` is set only when the target reports one.
 */
export interface DirectoryPage<Item = DirectoryObject> {
  items: Item[]
  nextCursor: string | null
  total: number | null
}

/**
 * What a table shows of an object: all but its attributes. Lists are sent to the renderer as rows
 * (the detail panel reads the object by id): a Coupa user's 45 attributes were 1.9 kB of IPC a row
 * that the table dropped on arrival.
 */
export type DirectoryRow = Omit<DirectoryObject, 'attributes' | 'attributeNotes'>

const objectTypeSchema = z.string().regex(/^[a-z][a-zA-Z-]*$/, 'Not an object type')
/**
 * An object's id as the target gave it. Whether it may hold `/` or `.` depends on the connector (a
 * Cognito username may, an Okta id may not): main checks that per connector.
 */
const objectIdSchema = lineText().min(1, 'An id is required').max(512)
const cursorSchema = lineText().max(4096).nullable().optional()
/**
 * Lists carry a request key: a new request with the same key cancels the one still running (the
 * previous keystroke's search). The renderer uses one key per table.
 */
const requestKeySchema = lineText().max(200).optional()

/** The profile is `profileId`, as in every call; the object is `objectId`. */
export const objectRefSchema = profileIdSchema.extend({ objectType: objectTypeSchema, objectId: objectIdSchema })
export type ObjectRef = z.infer<typeof objectRefSchema>

export const listObjectsSchema = profileIdSchema.extend({
  objectType: objectTypeSchema,
  /** Free text; the connector turns it into the target's own search. Empty lists everything. */
  search: lineText().max(200).default(''),
  cursor: cursorSchema,
  /** Rows wanted; the connector asks the target in its own steps and never returns more. */
  pageSize: z.number().int().min(1).max(1000).default(100),
  requestKey: requestKeySchema,
})
export type ListObjectsInput = z.infer<typeof listObjectsSchema>

export const createObjectSchema = profileIdSchema.extend({
  objectType: objectTypeSchema,
  attributes: attributesSchema,
  /** A new user's first password: goes to the target once, never stored, logged or returned. */
  password: lineText().max(1000).optional(),
  /**
   * Groups (ids of the target's `groups` type) a new user joins as part of the create, where the
   * target adds members from the group side (Cognito): the create then has an "Add to …" step each.
   */
  groups: z.array(objectIdSchema).max(100).optional(),
})
export type CreateObjectInput = z.infer<typeof createObjectSchema>

export const updateObjectSchema = objectRefSchema.extend({
  /** Only the attributes that change; null clears one. */
  changes: attributesSchema,
})
export type UpdateObjectInput = z.infer<typeof updateObjectSchema>

export const deleteObjectSchema = objectRefSchema.extend({
  /** The object's display name, typed by the person: delete is irreversible. */
  confirmName: lineText().max(1000),
})
export type DeleteObjectInput = z.infer<typeof deleteObjectSchema>

/** One everyday account action (shared/accountActions.ts) on one user. */
export const accountActionSchema = objectRefSchema.extend({ action: z.enum(accountActionIds) })
export type AccountActionInput = z.infer<typeof accountActionSchema>

/** Memberships seen from one side: a group's members or a user's groups. */
export const listRelatedSchema = objectRefSchema.extend({
  /**
   * For a user's memberships: which group-like type to list (Coupa: `roles`, `account-groups`…).
   * Absent means the target's `groups`. Ignored when listing a group's members.
   */
  relatedType: objectTypeSchema.optional(),
  cursor: cursorSchema,
  pageSize: z.number().int().min(1).max(1000).default(100),
  requestKey: requestKeySchema,
})
export type ListRelatedInput = z.infer<typeof listRelatedSchema>

export const membershipChangeSchema = profileIdSchema.extend({
  /** The group-like type on the group side (Coupa: `roles`, `account-groups`…); default `groups`. */
  groupType: objectTypeSchema.default('groups'),
  groupId: objectIdSchema,
  userId: objectIdSchema,
})
export type MembershipChangeInput = z.infer<typeof membershipChangeSchema>

export const deprovisionSchema = profileIdSchema.extend({
  userId: objectIdSchema,
  /** A ticket or reason, journaled with the change (see changeReason.ts). */
  reason: changeReasonSchema,
  /** Deprovision the account this profile signs in with anyway, for this stated reason (journaled). */
  ownAccountOverride: ownAccountOverrideSchema.optional(),
})
export type DeprovisionInput = z.infer<typeof deprovisionSchema>

/** Asks, before a create, what the target would do that the person should know (GoTo re-activation). */
export const checkCreateSchema = profileIdSchema.extend({ objectType: objectTypeSchema, attributes: attributesSchema })
export type CheckCreateInput = z.infer<typeof checkCreateSchema>

/** Warnings to show in the create confirmation; empty when there is nothing to say. */
export interface CreateCheck {
  warnings: string[]
}

export const cancelRequestSchema = z.object({ requestKey: lineText().max(200) })

/** What "Test connection" shows: a one-line answer and the facts the target gave. */
export interface ConnectionReport {
  summary: string
  facts: { label: string; value: string }[]
}
