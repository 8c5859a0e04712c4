import type { PasswordPolicyType } from '@aws-sdk/client-cognito-identity-provider'
import { AppError } from '../../errors/AppError'
import type { CognitoContext } from './cognitoTypes'

/** The pool's password policy in words: "at least 8 characters, with an upper-case letter, …". */
export function describePasswordPolicy(policy: PasswordPolicyType | undefined): string {
  if (!policy) return 'not shown by Cognito'
  const needs = [
    policy.RequireUppercase && 'an upper-case letter',
    policy.RequireLowercase && 'a lower-case letter',
    policy.RequireNumbers && 'a number',
    policy.RequireSymbols && 'a symbol such as ! or #',
  ].filter((need): need is string => typeof need === 'string')
  const length = `at least ${policy.MinimumLength ?? 8} characters`
  if (needs.length === 0) return length
  const last = needs.pop()!
  return `${length}, with ${needs.length > 0 ? `${needs.join(', ')} and ${last}` : last}`
}

/** The policy in words, or null when the pool's settings cannot be read now (the refusal is said anyway). */
async function policyInWords(context: CognitoContext): Promise<string | null> {
  try {
    return describePasswordPolicy((await context.poolSettings()).Policies?.PasswordPolicy)
  } catch {
    return null
  }
}

/**
 * A refused password (InvalidPasswordException), told with the pool's policy. `afterwards` says
 * what stays true (the user exists anyway) and what to do. Any other error passes unchanged.
 */
export async function withPasswordPolicy(context: CognitoContext, error: unknown, afterwards: string): Promise<unknown> {
  if (!(error instanceof AppError) || !isPasswordRefusal(error)) return error
  const policy = await policyInWords(context)
  const says = error.extra.details?.targetMessage ? ` (Cognito says: "${error.extra.details.targetMessage}")` : ''
  const rule = policy ? ` The pool's password policy: ${policy}.` : ''
  return new AppError('invalid_input', `The password does not meet the user pool's password policy${says}.${rule} ${afterwards}`.trim(), {
    fields: { password: policy ? `The password needs ${policy}.` : "The password does not meet the pool's policy." },
    details: error.extra.details,
  })
}

export function isPasswordRefusal(error: AppError): boolean {
  const code = error.extra.details?.targetCode
  return code === 'InvalidPasswordException' || code === 'PasswordHistoryPolicyViolationException'
}
