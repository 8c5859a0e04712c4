import { z } from 'zod'
import { accountActionIds } from './accountActions'
import type { ConnectorId } from './catalogue/types'
import type { AttributeValue } from './directory'
import type { StepReport } from './errors'
import { lineText } from './text'

/**
 * The journal as the renderer sees it: one entry per change, its intent and its outcome paired.
 * The file behind it (main only) is append-only JSON lines chained by SHA-256; see
 * electron/journal. Nothing here ever holds a secret: a new user's password is not journaled.
 */
export const journalActions = [
  'create',
  'update',
  'delete',
  'addMember',
  'removeMember',
  'deprovision',
  'undoDeprovision',
  /** One kind per everyday account action (shared/accountActions.ts): `unlock`, `resetFactors`, … */
  ...accountActionIds,
  /** A GoToMeeting licence given to or taken from a user (shared/licenses.ts); each undoes the other. */
  'assignLicense',
  'removeLicense',
] as const
export type JournalAction = (typeof journalActions)[number]

/**
 * What an operation groups: an offboarding of one person across profiles, a bulk job, a move of
 * memberships, or the undo of another operation.
 */
export const operationActions = ['offboard', 'bulk', 'move', 'undo'] as const
export type OperationAction = (typeof operationActions)[number]

/**
 * `pending`: whether the change took effect is not known yet (an intent without an outcome, or an
 * answer lost); Lanyard keeps checking. `undetermined`: settled as "could not tell" — the target
 * was read and its state fits this change and another cause alike. Journals written before it
 * existed simply never hold it.
 */
export const outcomeStatuses = ['applied', 'failed', 'partial', 'pending', 'undetermined'] as const
export type OutcomeStatus = (typeof outcomeStatuses)[number]

export interface AttributeChange {
  attribute: string
  before: AttributeValue
  after: AttributeValue
}

export interface JournalEntry {
  id: string
  time: string
  /** The workstation's user name. */
  actor: string
  action: JournalAction
  profileId: string
  /** The profile's name at the time (it may since have been renamed or deleted). */
  profileName: string
  connectorId: ConnectorId
  target: { objectType: string; id: string; name: string }
  /** For memberships: the other side (the group when the target is the user). */
  related: { objectType: string; id: string; name: string } | null
  /** One sentence: "Suspended Ada Lovelace and kept her 3 groups on record". */
  summary: string
  changes: AttributeChange[]
  outcome: {
    status: OutcomeStatus
    time: string | null
    message: string
    steps: StepReport[]
    /** Set when settling (at start-up, in the background or on demand) wrote this outcome by reading the target. */
    reconciled: boolean
    /** The target's code and request id of a failure, for the details fold. */
    details: Record<string, string>
  }
  /**
   * For deprovisions and their undos: the user's state read just before the deprovision and kept
   * for undo (the status in the target's own word, the groups by name).
   */
  recorded: { status: string; groups: string[] } | null
  /** For deprovisions: whether undo applies now, and why not. */
  undo: { available: boolean; reason: string | null; undoneBy: string | null } | null
  /** For an undo: the deprovision entry it reverses. */
  undoOf: string | null
  /**
   * For a create or update that stopped part-way: whether it can be finished or rolled back now,
   * and by which entry it was; for a deprovision that stopped part-way, whether it can be finished
   * (journal.finishDeprovision; there is no roll-back, its undo is the way back). Null for every other entry.
   */
  completion: ChangeCompletion | null
  /** For a finish or roll-back: the partial entry it completes. */
  completes: string | null
  /** The operation this change is part of (an offboarding, a bulk job, an undo of an operation). */
  operationId: string | null
  /** The ticket or reason the person gave, or null (main always says; optional so older fixtures and payloads still type). */
  reason?: string | null
  /** A deprovision of the account the profile signs in with: why the person went ahead anyway; null otherwise. */
  ownAccountOverride?: string | null
}

/** A change made of several changes: its record, its children in the order made, and whether undo applies. */
export interface JournalOperation {
  id: string
  time: string
  actor: string
  action: OperationAction
  title: string
  /** For an undo of an operation: the operation it reverses. */
  undoOf: string | null
  /** The ticket or reason the person gave for the whole, or null (main always says). */
  reason?: string | null
  entries: JournalEntry[]
  undo: OperationUndoState
}

/**
 * Whether undoing the operation would undo anything now: it does when at least one child can be
 * undone (`undoable` of them); otherwise why not, and which undo operation already did it.
 */
export interface OperationUndoState {
  available: boolean
  reason: string | null
  undoneBy: string | null
  undoable: number
}

/** What became of one child when its operation was undone (newest child first). */
export interface ChildUndoReport {
  entryId: string
  summary: string
  result: 'undone' | 'partial' | 'failed' | 'skipped'
  message: string
  /** The undo's own entry, where one was journaled. */
  undoEntryId: string | null
  differences: string[]
}

/** The undo of an operation: the new operation that holds the undos, and a report for each child. */
export interface OperationUndoReport {
  operation: JournalOperation
  children: ChildUndoReport[]
}

export const operationRefSchema = z.object({ operationId: lineText().min(1).max(100) }).strict()

export interface ChangeCompletion {
  available: boolean
  reason: string | null
  completedBy: string | null
  /** Finishing re-sends a password that is never journaled: the person types it again. */
  needsPassword: boolean
}

export const completionChoices = ['finish', 'rollback'] as const
export type CompletionChoice = (typeof completionChoices)[number]

/**
 * Finish the steps a partial create or update did not apply, or roll back the ones it did. Main
 * reads the object now and sends only what still differs, so running it twice changes nothing.
 */
export const completeChangeSchema = z
  .object({
    entryId: lineText().min(1).max(100),
    choice: z.enum(completionChoices),
    /** Only when finishing a step that sets a password; never stored, logged or returned. */
    password: lineText().max(1000).optional(),
  })
  .strict()
export type CompleteChangeInput = z.infer<typeof completeChangeSchema>

export const journalFilterSchema = z
  .object({
    profileId: lineText().max(100).optional(),
    /** Text found in the target's name or id, or in the ticket or reason, case-insensitively (the Activity search box). */
    user: lineText().max(200).optional(),
    /** Exactly this target's id (a user's entries, not every name that contains the text). */
    targetId: lineText().max(200).optional(),
    action: z.enum(journalActions).optional(),
    outcome: z.enum(outcomeStatuses).optional(),
    /** The changes of one operation. */
    operationId: lineText().max(100).optional(),
    /** ISO dates (inclusive): `2026-11-01`, or full timestamps. */
    from: lineText().max(40).optional(),
    to: lineText().max(40).optional(),
  })
  .strict()
export type JournalFilter = z.infer<typeof journalFilterSchema>

export const journalPageSizes = { default: 50, max: 500 } as const

/** One page of the filtered journal: `cursor` is the `nextCursor` of the page before (absent for the first). */
export const journalListSchema = journalFilterSchema
  .extend({
    cursor: lineText().max(100).optional(),
    limit: z.number().int().min(1).max(journalPageSizes.max).optional(),
  })
  .strict()
export type JournalListInput = z.infer<typeof journalListSchema>

/** Newest first; `nextCursor` reads the page after this one, null when there is none. */
export interface JournalPage {
  entries: JournalEntry[]
  nextCursor: string | null
}

export const journalEntryRefSchema = z.object({ entryId: lineText().min(1).max(100) }).strict()

/** The deprovision of this user in this profile that undo applies to now, found by exact ids. */
export const undoableForSchema = z.object({ profileId: lineText().min(1).max(100), userId: lineText().min(1).max(200) }).strict()

export const journalExportSchema = z
  .object({ format: z.enum(['csv', 'json']), filter: journalFilterSchema.default({}) })
  .strict()

export const undoDeprovisionSchema = z.object({ entryId: lineText().min(1).max(100) }).strict()

/** Finish a deprovision that stopped part-way (the entry itself or a finish of it): only its missing steps are sent. */
export const finishDeprovisionSchema = z.object({ entryId: lineText().min(1).max(100) }).strict()

/** Check now: read the target for an entry whose outcome is not known, and settle it. */
export const settleEntrySchema = z.object({ entryId: lineText().min(1).max(100) }).strict()

export interface ChainVerification {
  intact: boolean
  records: number
  /** The first line that breaks the chain (1-based) and what is wrong with it. */
  problem: { line: number; reason: string } | null
}

/** What undo did: the steps, and any difference between the snapshot and the user read back. */
export interface UndoReport {
  entry: JournalEntry
  differences: string[]
}
