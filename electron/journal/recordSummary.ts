import { connectorIds } from '../../shared/catalogue/types'
import { journalActions, operationActions, outcomeStatuses } from '../../shared/journal'
import { createdName } from './createEvidence'
import {
  intentFieldsSchema,
  needsFormat2,
  operationFieldsSchema,
  outcomeFieldsSchema,
  recordFormat,
  recordHeaderKeys,
  type IntentRecord,
  type JournalRecord,
  type OperationRecord,
  type OutcomeRecord,
} from './journalRecord'

/** Where a record's line is in `journal.jsonl`, in bytes (without its newline): how its full record is read again. */
export interface RecordPlace {
  at: number
  length: number
}

/**
 * What the index keeps of a record: the fields queries, filters and undo / completion states read.
 * The rest (changes, snapshot, messages, steps, hashes) stays on disk and is read again, fully
 * validated, only for the entries a query returns (RecordLoader). At 100,000 changes the full
 * records took ~150 MB of heap; these take a fraction of it.
 */
export type IndexedIntent = Pick<
  IntentRecord,
  'kind' | 'seq' | 'id' | 'time' | 'action' | 'actor' | 'profileId' | 'profileName' | 'connectorId' | 'target' | 'undoOf' | 'completes' | 'operationId' | 'reason'
> &
  RecordPlace & {
    /** A create's unique name (createdName): what tells rival creates apart. */
    createdName?: string
  }
export type IndexedOutcome = Pick<OutcomeRecord, 'kind' | 'intentId' | 'status' | 'target'> & RecordPlace
export type IndexedOperation = Pick<OperationRecord, 'kind' | 'seq' | 'id' | 'time' | 'action' | 'actor' | 'title' | 'undoOf' | 'reason'> & RecordPlace
export type IndexedRecord = IndexedIntent | IndexedOutcome | IndexedOperation

export type SummarizedLine = { ok: true; summary: IndexedRecord } | { ok: false; reason: string }

/**
 * The start-up check of one line: JSON, a known format, no field this version does not know, and
 * the right types for every field the index keeps. It is what start-up can afford at 100,000 lines;
 * the full schema check (nested fields, canonical form) runs when the record is read for an entry
 * and on every line in `journal.verify`, and the hash chain is checked by verify only (as before).
 */
export function summarizeLine(line: string, place: RecordPlace): SummarizedLine {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch {
    return { ok: false, reason: 'is not a complete JSON record' }
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { ok: false, reason: 'does not have the shape of a journal record' }
  const record = json as Record<string, unknown>
  if (record.v !== undefined && record.v !== recordFormat) return { ok: false, reason: 'is in a journal format this version of Lanyard does not know' }
  const problem = structuralProblem(record)
  if (problem) return { ok: false, reason: `does not have the shape of a journal record (${problem})` }
  if (record.v === undefined && needsFormat2(record as JournalRecord)) return { ok: false, reason: 'holds an operation in a format-1 record (edited)' }
  return { ok: true, summary: summaryOf(record as JournalRecord, place) }
}

/** The index's part of a record: for a line read at start-up, and for a record this process just wrote. */
export function summaryOf(record: JournalRecord, place: RecordPlace): IndexedRecord {
  const { at, length } = place
  if (record.kind === 'outcome') {
    const target = record.target && { id: record.target.id, name: record.target.name }
    return { kind: 'outcome', intentId: record.intentId, status: record.status, target, at, length }
  }
  if (record.kind === 'operation') {
    const { seq, id, time, action, title, undoOf, reason } = record
    const operation: IndexedOperation = { kind: 'operation', seq, id, time, action, actor: shared(record.actor), title, undoOf, at, length }
    if (reason !== undefined) operation.reason = reason
    return operation
  }
  const { seq, id, time, action, undoOf, completes, operationId, reason } = record
  const target = { objectType: shared(record.target.objectType), id: record.target.id, name: record.target.name }
  const summary: IndexedIntent = {
    kind: 'intent',
    seq,
    id,
    time,
    action,
    actor: shared(record.actor),
    profileId: shared(record.profileId),
    profileName: shared(record.profileName),
    connectorId: record.connectorId,
    target,
    undoOf,
    at,
    length,
  }
  // Absent rather than undefined: a property per intent costs memory at 100,000 intents.
  if (completes !== undefined) summary.completes = completes
  if (operationId !== undefined) summary.operationId = operationId
  // Kept for the Activity search, which finds an entry by its ticket or reason too.
  if (reason !== undefined) summary.reason = reason
  if (action === 'create') summary.createdName = createdName(record)
  return summary
}

/**
 * The few values repeated on most records (profile ids and names, actors, object types) held once
 * each: JSON.parse makes a new copy of every string longer than a few characters.
 */
const sharedStrings = new Map<string, string>()
function shared(value: string): string {
  const known = sharedStrings.get(value)
  if (known !== undefined) return known
  if (sharedStrings.size < 10_000) sharedStrings.set(value, value)
  return value
}

const knownKeys = {
  intent: new Set([...recordHeaderKeys, ...Object.keys(intentFieldsSchema.shape)]),
  outcome: new Set([...recordHeaderKeys, ...Object.keys(outcomeFieldsSchema.shape)]),
  operation: new Set([...recordHeaderKeys, ...Object.keys(operationFieldsSchema.shape)]),
}
const actions = new Set<unknown>(journalActions)
const statuses = new Set<unknown>(outcomeStatuses)
const operationActionSet = new Set<unknown>(operationActions)
const connectors = new Set<unknown>(connectorIds)

/** What is wrong with the fields the index keeps (and the header every record has), or null. */
function structuralProblem(record: Record<string, unknown>): string | null {
  const kind = record.kind
  if (kind !== 'intent' && kind !== 'outcome' && kind !== 'operation') return 'no known kind'
  for (const key in record) if (!knownKeys[kind].has(key)) return `unknown field "${key}"`
  if (!Number.isInteger(record.seq) || (record.seq as number) < 1) return 'seq'
  if (!isText(record.id) || record.id === '') return 'id'
  if (!isText(record.time) || !isText(record.prevHash) || !isText(record.hash)) return 'time or hashes'
  if (kind === 'outcome') {
    if (!isText(record.intentId) || !statuses.has(record.status)) return 'intentId or status'
    const target = record.target as Record<string, unknown> | null
    if (target !== null && !(isObject(target) && isText(target.id) && isText(target.name))) return 'target'
    return null
  }
  if (!isText(record.actor) || !isNullableText(record.undoOf)) return 'actor or undoOf'
  if (!isOptionalText(record.reason)) return 'reason'
  if (kind === 'operation') return operationActionSet.has(record.action) && isText(record.title) ? null : 'action or title'
  if (!actions.has(record.action) || !connectors.has(record.connectorId)) return 'action or connectorId'
  if (!isText(record.profileId) || !isText(record.profileName)) return 'profile'
  const target = record.target as Record<string, unknown>
  if (!isObject(target) || !isText(target.objectType) || !isText(target.id) || !isText(target.name)) return 'target'
  if (!isOptionalText(record.completes) || !isOptionalText(record.operationId)) return 'completes or operationId'
  // createdName reads the changes of a create; their full shape is checked when the record is read again.
  if (!Array.isArray(record.changes) || !record.changes.every(isObject)) return 'changes'
  return null
}

function isText(value: unknown): value is string {
  return typeof value === 'string'
}

function isNullableText(value: unknown): boolean {
  return value === null || typeof value === 'string'
}

function isOptionalText(value: unknown): boolean {
  return value === undefined || typeof value === 'string'
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
