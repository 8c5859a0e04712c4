import type { CognitoPasswordPolicy } from './cognitoRecords'

/** The sandbox pool's policy when seeded: Cognito's default (8 characters, all four classes). */
export const defaultPasswordPolicy: CognitoPasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
}

/** Cognito's special characters for RequireSymbols (the space counts too). */
const symbols = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ')

/**
 * Why a password breaks the policy, in Cognito's words (the part after "Password did not conform
 * with policy: "), or undefined when it conforms. The first rule broken is reported.
 */
export function passwordProblem(policy: CognitoPasswordPolicy, password: string): string | undefined {
  const characters = [...password]
  if (characters.length < policy.MinimumLength) return 'Password not long enough'
  if (policy.RequireUppercase && !characters.some((character) => /\p{Lu}/u.test(character))) return 'Password must have uppercase characters'
  if (policy.RequireLowercase && !characters.some((character) => /\p{Ll}/u.test(character))) return 'Password must have lowercase characters'
  if (policy.RequireNumbers && !characters.some((character) => /[0-9]/.test(character))) return 'Password must have numeric characters'
  if (policy.RequireSymbols && !characters.some((character) => symbols.has(character))) return 'Password must have symbol characters'
  return undefined
}
