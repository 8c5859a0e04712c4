import { cognitoErrors } from './cognitoErrors'
import type { CognitoUserPool } from './CognitoUserPool'
import { patterns, type RequestReader, type StringRule } from './RequestReader'

/** What every operation handler is given, and the member rules they share (cognito.md Appendix C). */

export interface Delivery {
  username: string
  mediums: string[]
  /** `invitation` from AdminCreateUser, `resend` from MessageAction RESEND, `reset` a code from AdminResetUserPassword. */
  kind: 'invitation' | 'resend' | 'reset'
}

export interface OperationContext {
  pool: CognitoUserPool
  reader: RequestReader
  /** Epoch milliseconds of this request. */
  now: number
  /** A new user's `sub`: a random UUID (from the OS, so restarts never repeat one). */
  newSub: () => string
  /** Messages the pool "sent" (kept in memory for tests; never answered, never saved). */
  deliveries: Delivery[]
}

/** Answers the operation's success body (`{}` for operations without output). */
export type Operation = (context: OperationContext) => unknown

export const rules = {
  userPoolId: { required: true, min: 1, max: 55, pattern: patterns.userPoolId },
  username: { required: true, min: 1, max: 128, pattern: patterns.name, sensitive: true },
  groupName: { required: true, min: 1, max: 128, pattern: patterns.name },
  password: { required: true, max: 256, pattern: patterns.password, sensitive: true },
  nextToken: { min: 1, max: 131072, pattern: patterns.token },
  limit: { min: 0, max: 60 },
} satisfies Record<string, StringRule | { min: number; max: number }>

/** A valid pool id that is not this pool's is `ResourceNotFoundException`, after validation. */
export function requirePool(context: OperationContext, userPoolId: string | undefined): void {
  if (userPoolId !== context.pool.pool.id) throw cognitoErrors.poolNotFound(userPoolId ?? '')
}

/** Reads `UserPoolId` alone, validates, checks the pool: the start of every operation with no other member. */
export function readPoolOnly(context: OperationContext): void {
  const userPoolId = context.reader.string('UserPoolId', rules.userPoolId)
  context.reader.finish()
  requirePool(context, userPoolId)
}

/** Limit 0 is allowed by the model (0..60); the sandbox answers it like an absent Limit: 60. */
export function pageSize(limit: number | undefined): number {
  return limit === undefined || limit === 0 ? 60 : limit
}
