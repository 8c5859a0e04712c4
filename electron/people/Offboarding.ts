import type { EventName, EventPayload } from '../../shared/contract'
import type { LanyardError } from '../../shared/errors'
import type { AccountRef, OffboardInput, OffboardProgress, OffboardReport } from '../../shared/people'
import type { DeprovisionService } from '../changes/DeprovisionService'
import type { ConnectorPool } from '../directory/ConnectorPool'
import { AppError } from '../errors/AppError'
import type { Journal } from '../journal/Journal'
import type { OperationRecord } from '../journal/journalRecord'
import type { Logger } from '../logging/Logger'
import { refuseUnfitAccounts } from './offboardingPlan'
import { errorValue, inParallelAcrossProfiles, uniqueAccounts } from './perProfile'

export interface OffboardingOptions {
  connectors: ConnectorPool
  journal: Journal
  deprovisions: DeprovisionService
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  logger: Logger
}

type AccountResult = OffboardReport['accounts'][number]

/**
 * Offboards a person: every account's deprovision is one change of an `offboard` operation, so the
 * whole is one row in Activity and one undo (`journal.undoOperation`). Profiles run side by side,
 * the accounts of one profile one after another; a failed account does not stop the others. An
 * account already deprovisioned when it is read, just before its turn, is skipped and journals
 * nothing. Retry passes the earlier offboarding's id: its failed accounts become more changes of it.
 */
export class Offboarding {
  constructor(private readonly options: OffboardingOptions) {}

  async offboard(input: OffboardInput): Promise<OffboardReport> {
    const { journal } = this.options
    const accounts = uniqueAccounts(input.accounts)
    refuseUnfitAccounts(this.options.connectors, accounts)
    const operation = input.operationId
      ? earlierOffboarding(journal, input.operationId)
      : await journal.recordOperation({ action: 'offboard', title: `Offboarding of ${input.personName}`, undoOf: null, ...(input.reason && { reason: input.reason }) })
    for (const account of accounts) this.progress(operation.id, account, 'queued', null, null)
    // Each change carries the ticket or reason too: Activity finds and exports entries one by one.
    const why = { ...(input.reason && { reason: input.reason }), ...(input.ownAccountOverride && { ownAccountOverride: input.ownAccountOverride }) }
    const results = await inParallelAcrossProfiles(accounts, (account) => this.offboardAccount(operation.id, account, why))
    return { operation: journal.operation(operation.id), accounts: results }
  }

  /** An account that is the profile's own sign-in is skipped with why (DeprovisionService), unless `why` overrides it. */
  private async offboardAccount(operationId: string, account: AccountRef, why: Pick<OffboardInput, 'reason' | 'ownAccountOverride'>): Promise<AccountResult> {
    const ref = { profileId: account.profileId, userId: account.userId }
    this.progress(operationId, account, 'running', null, null)
    try {
      const outcome = await this.options.deprovisions.deprovisionUnlessDone({ ...ref, ...why }, { operationId })
      if ('skipped' in outcome) {
        this.progress(operationId, account, 'skipped', null, outcome.skipped.message)
        return { ...ref, result: 'skipped', entryId: null, error: outcome.skipped.toValue() }
      }
      const { entry, message } = outcome
      // A deprovision whose answer was lost is still pending: it is settled later, and not done yet.
      if (entry.outcome.status !== 'applied') {
        const error: LanyardError = { code: entry.outcome.status === 'partial' ? 'partial_failure' : 'network', message: entry.outcome.message, steps: entry.outcome.steps }
        this.progress(operationId, account, 'failed', entry.id, entry.outcome.message)
        return { ...ref, result: 'failed', entryId: entry.id, error }
      }
      this.progress(operationId, account, 'done', entry.id, message)
      return { ...ref, result: 'done', entryId: entry.id, error: null }
    } catch (thrown) {
      const error = errorValue(thrown, this.options.logger, 'offboarding')
      const entryId = thrown instanceof AppError ? (thrown.extra.details?.entryId ?? null) : null
      this.progress(operationId, account, 'failed', entryId, error.message)
      return { ...ref, result: 'failed', entryId, error }
    }
  }

  private progress(operationId: string, account: AccountRef, state: OffboardProgress['state'], entryId: string | null, message: string | null): void {
    this.options.emit('people.offboardProgress', { operationId, profileId: account.profileId, userId: account.userId, state, entryId, message })
  }
}

/** Retry adds to an earlier offboarding, and only to one: any other operation is refused. */
function earlierOffboarding(journal: Journal, operationId: string): OperationRecord {
  const operation = journal.operationRecord(operationId)
  if (operation.action !== 'offboard') {
    throw new AppError('invalid_input', `This operation is not an offboarding (it is "${operation.title}"): retry an offboarding from its own result.`, {
      details: { operationId },
    })
  }
  return operation
}
