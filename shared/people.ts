import { z } from 'zod'
import { connectorIds, type ConnectorId } from './catalogue/types'
import { environments, type Environment } from './profiles'
import type { JournalOperation } from './journal'
import { lanyardErrorSchema, type LanyardError } from './errors'
import { changeReasonSchema, ownAccountOverrideSchema } from './changeReason'
import { lineText } from './text'

/**
 * People: one person's accounts across the profiles of one profile set. A profile set is an
 * environment (`sandbox` or `real`): one search never mixes sandbox and real accounts.
 */
export type ProfileSet = Environment
export const profileSetSchema = z.enum(environments)

/** An account status in neutral words, from each target's own (kept as `statusLabel`). */
export const accountStates = ['active', 'inactive', 'deprovisioned', 'other'] as const
export type AccountState = (typeof accountStates)[number]

/** One account of a person, as the People search and the person page show it (checked at both doors, so a schema). */
export const personAccountSchema = z.object({
  profileId: z.string(),
  profileName: z.string(),
  connectorId: z.enum(connectorIds),
  /** The target's own name for the application ("Okta", "AWS Cognito", …). */
  application: z.string(),
  /** The user's id at the target: the `objectId` of the `directory.*` calls on `users`. */
  userId: z.string(),
  displayName: z.string(),
  userName: z.string().nullable(),
  /** From the attribute that holds it on this target (per descriptor), as the target gave it. */
  email: z.string().nullable(),
  /** Other addresses the target keeps for the user (aliases, secondary emails), when it gives them. */
  otherEmails: z.array(z.string()),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  state: z.enum(accountStates),
  /** The target's own word: ACTIVE, SUSPENDED, Enabled, active=false… */
  statusLabel: z.string(),
  /** ISO time, where the target gives it; null otherwise. */
  lastSignInAt: z.string().nullable(),
})
export type PersonAccount = z.infer<typeof personAccountSchema>

/** Starts a search of every profile in the set; results arrive as `people.results` events, one per profile. */
export const peopleSearchSchema = z
  .object({
    /** An email, a name or a username (part of one is fine where the target searches by prefix). */
    search: lineText().trim().min(2, 'Type at least two characters').max(200),
    profileSet: profileSetSchema,
    /** Chosen by the caller; a new search with the same key cancels the one still running in every profile. */
    searchKey: lineText().min(1).max(200),
  })
  .strict()
export type PeopleSearchInput = z.infer<typeof peopleSearchSchema>

/** The answer to `people.search`: which profiles were asked (and which could not be, with why). */
export interface PeopleSearchStarted {
  searchId: string
  profiles: { profileId: string; profileName: string; connectorId: ConnectorId }[]
}

/** One profile's answer to a people search (event `people.results`). */
export const peopleResultsSchema = z.object({
  searchId: z.string(),
  profileId: z.string(),
  status: z.enum(['found', 'failed']),
  accounts: z.array(personAccountSchema),
  /** More matched than were read (the search reads one page): say so and suggest a narrower search. */
  truncated: z.boolean(),
  /** What was searched in this profile, in words ("the start of a username, email, phone or full name"). */
  searched: z.string(),
  error: lanyardErrorSchema.nullable(),
})
export type PeopleResults = z.infer<typeof peopleResultsSchema>

export const peopleCancelSchema = z.object({ searchKey: lineText().min(1).max(200) }).strict()

const accountRefSchema = z.object({ profileId: z.string().uuid('Not a profile id'), userId: lineText().min(1).max(512) }).strict()
export type AccountRef = z.infer<typeof accountRefSchema>

/** Plan an offboarding: each account read fresh, nothing changed. */
export const offboardingPlanSchema = z
  .object({ accounts: z.array(accountRefSchema).min(1, 'Choose at least one account').max(50) })
  .strict()

/** What offboarding one account will do, read just before: the plan's row. */
export interface OffboardingStep {
  account: PersonAccount
  /** `deprovision`: will run; `skip`: already deprovisioned (or otherwise not applicable), with why. */
  action: 'deprovision' | 'skip'
  reason: string | null
  /** What the target's deprovision does, in words ("Suspends the user and ends their sessions"). */
  effect: string[]
  /** What will be recorded for undo: the status and each group, role or licence by name. */
  recorded: { status: string; memberships: { kind: string; names: string[] }[] }
}

export interface OffboardingPlan {
  steps: OffboardingStep[]
}

export const offboardSchema = z
  .object({
    /** The person, for the operation's title ("Offboarding of Dana Lee"). */
    personName: lineText().trim().min(1).max(200),
    accounts: z.array(accountRefSchema).min(1, 'Choose at least one account').max(50),
    /** Retry: run these accounts as more changes of this earlier offboarding (its failed ones). */
    operationId: lineText().min(1).max(100).optional(),
    /** A ticket or reason, journaled with the offboarding and each of its changes (see changeReason.ts). */
    reason: changeReasonSchema,
    /** Deprovision among these the account a profile signs in with anyway, for this stated reason (journaled). */
    ownAccountOverride: ownAccountOverrideSchema.optional(),
  })
  .strict()
export type OffboardInput = z.infer<typeof offboardSchema>

/** Progress of an offboarding: one event per account state change (event `people.offboardProgress`). */
export const offboardProgressSchema = z.object({
  operationId: z.string(),
  profileId: z.string(),
  userId: z.string(),
  state: z.enum(['queued', 'running', 'done', 'skipped', 'failed']),
  /** The deprovision's journal entry, once there is one. */
  entryId: z.string().nullable(),
  message: z.string().nullable(),
})
export type OffboardProgress = z.infer<typeof offboardProgressSchema>

/** What an offboarding did: per account, and the operation as it stands. */
export interface OffboardReport {
  operation: JournalOperation
  accounts: { profileId: string; userId: string; result: 'done' | 'skipped' | 'failed'; entryId: string | null; error: LanyardError | null }[]
}
