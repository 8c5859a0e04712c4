/*
 * The account a profile signs in with (the API token's owner, the signed-in administrator, the API
 * user): deprovisioning it would lock Lanyard out of the target, its own undo included. Each adapter
 * says, from a deprovision snapshot, whether the user is that account (`Deprovisions.ownAccount`);
 * DeprovisionService and the offboarding refuse it unless the call overrides with a stated reason.
 */

import { AppError } from '../errors/AppError'
import type { DeprovisionSnapshot, Deprovisions } from './Connector'

/** What the question needs of a user: a snapshot, or a plan's account from a list answer (its `extra` then empty). */
export type OwnAccountQuestion = Pick<DeprovisionSnapshot, 'userId' | 'displayName' | 'extra'>

/**
 * The refusal to deprovision the account the profile signs in with, or null: without it Lanyard could
 * not reach the target again, not even to undo. The one rule and wording for a deprovision (which throws
 * or skips with it) and every plan (which shows it up front): `details.refusal` lets the panel offer the override.
 */
export async function ownAccountRefusal(connector: Pick<Deprovisions, 'ownAccount'>, user: OwnAccountQuestion, target: string, signal?: AbortSignal): Promise<AppError | null> {
  const own = await connector.ownAccount(user, signal)
  if (!own) return null
  return new AppError('conflict', `${ownAccountReason(user.displayName, own, target)} ${ownAccountAdvice}`, { details: { refusal: 'own_account' } })
}

/** Why one account is refused; a plan refusing it on several profiles says each reason, then the advice once. */
export function ownAccountReason(displayName: string, own: string, target: string): string {
  return `${displayName} ${own}: deprovisioning them would lock Lanyard out of ${target}, undo included.`
}

export const ownAccountAdvice =
  'Nothing was changed. If they must go anyway, deprovision them from their own page with the override and state why; the reason is journaled.'

/**
 * `ask`, sent once for the connector's life: who the credentials sign in as does not change while
 * the profile does not (the pool builds a new connector when it does), so one request per session
 * of the profile, on its first deprovision. A failed ask is not remembered: the next one asks again.
 */
export function askedOnce<T>(ask: (signal?: AbortSignal) => Promise<T>): (signal?: AbortSignal) => Promise<T> {
  let answer: Promise<T> | null = null
  return (signal) => {
    answer ??= ask(signal).catch((error: unknown) => {
      answer = null
      throw error
    })
    return answer
  }
}
