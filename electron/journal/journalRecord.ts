import { createHash } from 'node:crypto'
import { z } from 'zod'
import { connectorIds } from '../../shared/catalogue/types'
import { attributeValueSchema } from '../../shared/directory'
import { stepReportSchema } from '../../shared/errors'
import { journalActions, operationActions, outcomeStatuses } from '../../shared/journal'
import { canonicalJson } from './canonicalJson'

/**
 * One line of `journal.jsonl`. Every change writes two records: an intent before the target is
 * called and an outcome after it. Each record carries `seq` (1, 2, 3, …), `prevHash` (the hash of
 * the record before it, or the genesis value for the first) and `hash`, the SHA-256 of `prevHash`
 * followed by the canonical JSON of the record without its hash. Editing, deleting or reordering
 * a line therefore breaks the chain at that line.
 *
 * Invariant: no record ever holds a secret (a new user's password is not journaled, write-only
 * attributes are recorded as "not recorded").
 *
 * Versions: a record without `v` is format 1, as every Lanyard before operations wrote it; records
 * written now carry `v: 2`. Format 2 adds the `operation` record and an intent's `operationId`;
 * a format-1 record holding either was not written by Lanyard. Both hash the same way, so a
 * journal that began in format 1 and continues in format 2 verifies as one chain.
 */
export const recordFormat = 2
export const genesisHash = '0'.repeat(64)

const objectNameSchema = z.object({ objectType: z.string(), id: z.string(), name: z.string() })

export const deprovisionSnapshotSchema = z.object({
  userId: z.string(),
  userName: z.string(),
  displayName: z.string(),
  status: z.string(),
  active: z.boolean(),
  /** `objectType` is absent for the target's `groups` (Coupa adds roles, account groups…). */
  groups: z.array(z.object({ id: z.string(), name: z.string(), objectType: z.string().optional() })),
  mode: z.string(),
  extra: z.record(z.string(), z.unknown()),
})

export const intentFieldsSchema = z.object({
  kind: z.literal('intent'),
  action: z.enum(journalActions),
  actor: z.string(),
  profileId: z.string(),
  profileName: z.string(),
  connectorId: z.enum(connectorIds),
  /** For a create, `id` is empty: the target gives the id, and the outcome records it. */
  target: objectNameSchema,
  related: objectNameSchema.nullable(),
  changes: z.array(z.object({ attribute: z.string(), before: attributeValueSchema, after: attributeValueSchema })),
  /** Deprovision and undo: the user's state before the deprovision. */
  snapshot: deprovisionSnapshotSchema.nullable(),
  /** Undo: the deprovision intent it reverses. */
  undoOf: z.string().nullable(),
  /**
   * Finishing or rolling back a change that stopped part-way: the partial create or update it
   * completes. Absent on every other record (and on records written before it existed).
   */
  completes: z.string().optional(),
  /**
   * Delete: the object's status word before it, where the target has one. A delete that runs in
   * steps (Okta deactivates first) and lost its answer is told apart from one that never began.
   * Absent on records written before it existed.
   */
  statusBefore: z.string().optional(),
  /** Format 2: the operation (an offboarding, a bulk job, an undo of an operation) this change is part of. */
  operationId: z.string().optional(),
  /** The ticket or reason the person gave (a deprovision, an offboarding's changes); absent when none. */
  reason: z.string().optional(),
  /** A deprovision of the account the profile signs in with: why the person went ahead anyway. */
  ownAccountOverride: z.string().optional(),
})
export type IntentFields = z.infer<typeof intentFieldsSchema>

export const outcomeFieldsSchema = z.object({
  kind: z.literal('outcome'),
  intentId: z.string(),
  /** `pending`: not known yet, checked again; `undetermined`: settled as "could not tell" (see OutcomeStatus). */
  status: z.enum(outcomeStatuses),
  message: z.string(),
  steps: z.array(stepReportSchema),
  details: z.record(z.string(), z.string()),
  /** Written by settling, which read the target, not by the change itself. */
  reconciled: z.boolean(),
  /** The object as the target answered: a created object's new id, a renamed object's name. */
  target: z.object({ id: z.string(), name: z.string() }).nullable(),
})
export type OutcomeFields = z.infer<typeof outcomeFieldsSchema>

/**
 * Format 2: one record opens an operation, a change made of several changes; its children are the
 * intents that name it in `operationId`. Its outcome is theirs: it has no outcome record of its own.
 */
export const operationFieldsSchema = z.object({
  kind: z.literal('operation'),
  action: z.enum(operationActions),
  actor: z.string(),
  /** One line for the reader: "Offboarding of Ada Lovelace", "Undo of Offboarding of Ada Lovelace". */
  title: z.string(),
  /** An undo of an operation: the operation it reverses. */
  undoOf: z.string().nullable(),
  /** The ticket or reason the person gave for the whole (an offboarding); absent when none. */
  reason: z.string().optional(),
})
export type OperationFields = z.infer<typeof operationFieldsSchema>

const headerSchema = z.object({
  /** Absent in format 1. */
  v: z.literal(recordFormat).optional(),
  seq: z.number().int().min(1),
  id: z.string().min(1),
  time: z.string(),
  prevHash: z.string(),
  hash: z.string(),
})

/** The fields every record has, whatever its kind. */
export const recordHeaderKeys = Object.keys(headerSchema.shape)

export const journalRecordSchema = z.discriminatedUnion('kind', [
  headerSchema.extend(intentFieldsSchema.shape),
  headerSchema.extend(outcomeFieldsSchema.shape),
  headerSchema.extend(operationFieldsSchema.shape),
])
export type JournalRecord = z.infer<typeof journalRecordSchema>
export type IntentRecord = Extract<JournalRecord, { kind: 'intent' }>
export type OutcomeRecord = Extract<JournalRecord, { kind: 'outcome' }>
export type OperationRecord = Extract<JournalRecord, { kind: 'operation' }>

/** What only format 2 can hold: a format-1 record (no `v`) holding it was edited. */
export function needsFormat2(record: JournalRecord): boolean {
  return record.kind === 'operation' || (record.kind === 'intent' && record.operationId !== undefined)
}

/** The hash a record must carry: over the previous hash and the record's canonical JSON without `hash`. */
export function hashOf(record: { prevHash: string; hash?: string }): string {
  const { hash: _ignored, ...body } = record
  return createHash('sha256').update(body.prevHash).update(canonicalJson(body)).digest('hex')
}

/** The text of one line: the record's canonical JSON, newline-terminated. */
export function recordLine(record: JournalRecord): string {
  return `${canonicalJson(record)}\n`
}

export type ParsedLine = { ok: true; record: JournalRecord } | { ok: false; reason: string }

export function parseRecordLine(line: string): ParsedLine {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch {
    return { ok: false, reason: 'is not a complete JSON record' }
  }
  const format = (json as { v?: unknown } | null)?.v
  if (format !== undefined && format !== recordFormat) {
    return { ok: false, reason: `is in a journal format this version of Lanyard does not know (format ${JSON.stringify(format)}; written by a newer version, or edited)` }
  }
  const parsed = journalRecordSchema.safeParse(json)
  if (!parsed.success) return { ok: false, reason: 'does not have the shape of a journal record' }
  // zod drops unknown keys; a line with extra keys hashes differently from its parsed form. Lanyard
  // writes canonical lines, so the line itself is compared first and re-serialised only when it differs.
  const canonical = canonicalJson(parsed.data)
  if (canonical !== line && canonical !== canonicalJson(json)) return { ok: false, reason: 'holds fields this version of Lanyard does not know (edited, or written by a newer version)' }
  if (parsed.data.v === undefined && needsFormat2(parsed.data)) {
    return { ok: false, reason: 'holds an operation in a format-1 record, which no version of Lanyard writes (edited)' }
  }
  return { ok: true, record: parsed.data }
}
