import type { CallName, EventName } from './contract'
import type { Result } from './errors'

/**
 * The contract's call and event names as plain data, without zod. The sandboxed preload bundles
 * this file (it may require nothing but `electron`), so it must stay free of runtime imports:
 * the import above is type-only and erased. The checks below fail the typecheck the moment a
 * name is added to or removed from `contract.ts` without being listed here, in either direction.
 */
export const contractCallNames = [
  'app.info',
  'app.openExternal',
  'app.setSandbox',
  'profiles.list',
  'profiles.get',
  'profiles.create',
  'profiles.update',
  'profiles.duplicate',
  'profiles.delete',
  'profiles.export',
  'profiles.importPreview',
  'profiles.import',
  'directory.testConnection',
  'directory.list',
  'directory.get',
  'directory.create',
  'directory.update',
  'directory.delete',
  'directory.members',
  'directory.groupsOf',
  'directory.addMember',
  'directory.removeMember',
  'directory.deprovision',
  'directory.checkCreate',
  'directory.checkDeprovision',
  'directory.licences',
  'directory.changeLicence',
  'directory.accountAction',
  'directory.attributeSchema',
  'directory.cancel',
  'directory.cancelChange',
  'journal.list',
  'journal.get',
  'journal.undoableFor',
  'journal.unsettledFor',
  'journal.verify',
  'journal.export',
  'journal.undo',
  'journal.operation',
  'journal.undoOperation',
  'journal.complete',
  'journal.finishDeprovision',
  'journal.reconciled',
  'journal.settle',
  'people.search',
  'people.cancel',
  'people.planOffboarding',
  'people.offboard',
  'jobs.readList',
  'jobs.plan',
  'jobs.start',
  'jobs.pause',
  'jobs.resume',
  'jobs.cancel',
  'jobs.list',
  'jobs.get',
  'jobs.retryFailed',
  'jobs.undo',
  'jobs.exportResults',
] as const satisfies readonly CallName[]

export const contractEventNames = [
  'profiles.changed',
  'directory.changed',
  'journal.appended',
  'budget.changed',
  'retries.changed',
  'changes.progress',
  'people.results',
  'people.offboardProgress',
  'jobs.progress',
] as const satisfies readonly EventName[]

/** The one answer every door (preload, preview client, main) gives a name outside the contract. */
export function unknownCall(name: unknown): Result<never> {
  return { ok: false, error: { code: 'unsupported', message: `Lanyard has no call named "${nameAsText(name)}".` } }
}

/** A caller's name as text without trusting it: String() throws for an object without a prototype. */
function nameAsText(name: unknown): string {
  if (typeof name === 'string') return name
  if (typeof name === 'object' && name !== null) return Array.isArray(name) ? '(a list)' : '(an object)'
  return String(name)
}

export function unknownEventError(name: unknown): Error {
  return new Error(`Lanyard has no event named "${String(name)}".`)
}

type Unlisted<All, Listed> = Exclude<All, Listed>
/** `never` when every contract name is listed; otherwise the compiler names the missing one. */
export const everyCallListed: [Unlisted<CallName, (typeof contractCallNames)[number]>] extends [never] ? true : never =
  true
export const everyEventListed: [Unlisted<EventName, (typeof contractEventNames)[number]>] extends [never]
  ? true
  : never = true
