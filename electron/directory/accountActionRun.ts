import { accountActionRefusal, findAccountAction, statusAfterOf, type AccountActionDescriptor } from '../../shared/accountActions'
import type { AccountActionResult } from '../../shared/contract'
import type { AccountActionInput } from '../../shared/directory'
import { recordChange, profileFieldsOf, type ChangeContext } from '../changes/recordChange'
import { requireCapability } from '../connectors/capabilities'
import type { AccountActionOutcome } from '../connectors/Connector'
import { AppError } from '../errors/AppError'
import type { ConnectorPool } from './ConnectorPool'
import { objectTypeOf } from './operationRules'

/**
 * `directory.accountAction`: one everyday account action (shared/accountActions.ts). The user is
 * read first: an action the descriptor does not declare, or one the user's status does not allow,
 * is refused with the reason before anything is journaled or sent. Then the action is journaled
 * like every change (its id is the entry's action); `directory.changed` has the views re-read the user. A
 * one-time password goes back in this answer only: masked in every log line, never journaled.
 */
export async function runAccountAction(connectors: ConnectorPool, context: ChangeContext, input: AccountActionInput): Promise<AccountActionResult> {
  const target = connectors.target(input.profileId)
  const type = objectTypeOf(target.descriptor, input.objectType)
  const action = findAccountAction(type.accountActions, input.action)
  if (!action) {
    throw new AppError('unsupported', `${target.descriptor.label} ${type.label.toLowerCase()} have no action "${input.action}" in Lanyard.`, { details: { action: input.action } })
  }
  const connector = requireCapability(await connectors.connectorFor(input.profileId), 'runsAccountActions')
  const current = await connector.get(type.id, input.objectId)
  const status = current.status?.label ?? null
  const refusal = accountActionRefusal(action, status, current.displayName)
  if (refusal) throw new AppError('conflict', refusal, { details: { action: action.id, status: status ?? '' } })

  const touched = [{ objectType: type.id, ids: [current.id] }]
  let outcome: AccountActionOutcome = {}
  const { entryId } = await recordChange(context, {
    profileId: input.profileId,
    intent: {
      ...profileFieldsOf(target.profile),
      action: action.id,
      target: { objectType: type.id, id: current.id, name: current.displayName },
      related: null,
      changes: statusChangeOf(action, status),
      snapshot: null,
      undoOf: null,
    },
    apply: async () => {
      outcome = await connector.runAccountAction(type.id, current.id, action.id)
      if (outcome.oneTimePassword) context.logger.registerSecret(outcome.oneTimePassword)
      return { value: null, touched }
    },
    touchedOnFailure: touched,
  })
  return { entry: context.journal.entry(entryId), oneTimePassword: outcome.oneTimePassword ?? null }
}

function statusChangeOf(action: AccountActionDescriptor, before: string | null) {
  const after = statusAfterOf(action, before)
  if (!after || after === before) return []
  return [{ attribute: 'status', before, after }]
}
