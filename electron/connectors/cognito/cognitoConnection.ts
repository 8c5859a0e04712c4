import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider'
import type { ConnectionReport } from '../../../shared/directory'
import { AppError } from '../../errors/AppError'
import type { CallOptions } from './cognitoTransport'
import { describePasswordPolicy } from './cognitoPasswordPolicy'
import type { CognitoApi } from './cognitoApi'
import type { CognitoContext } from './cognitoTypes'

/** DescribeUserPool, or a plain error when Cognito answered without the pool. */
export async function describePool(api: CognitoApi, options?: CallOptions): Promise<UserPoolType> {
  const pool = (await api.describeUserPool(options)).UserPool
  if (pool) return pool
  throw new AppError('network', 'Cognito answered without the user pool. Check that the Target URL is a Cognito endpoint.')
}

function signInWith(pool: UserPoolType): string {
  if (pool.UsernameAttributes && pool.UsernameAttributes.length > 0) {
    return `${pool.UsernameAttributes.join(' or ')} as the username (Cognito gives each user a generated username)`
  }
  const aliases = pool.AliasAttributes ?? []
  return aliases.length > 0 ? `a username, or their verified ${aliases.join(' or ')}` : 'a username only'
}

/** DescribeUserPool: the pool's name, how people sign in, and the password policy. */
export async function testConnection(context: CognitoContext, signal?: AbortSignal): Promise<ConnectionReport> {
  const pool = await describePool(context.api, { signal })
  const name = pool.Name ?? context.userPoolId
  const caseSensitive = pool.UsernameConfiguration?.CaseSensitive
  const facts = [
    { label: 'User pool', value: `${name} (${pool.Id ?? context.userPoolId})` },
    { label: 'Region', value: context.region },
    { label: 'Access key', value: context.accessKeyId },
    { label: 'People sign in with', value: signInWith(pool) },
    ...(caseSensitive === undefined ? [] : [{ label: 'Usernames', value: caseSensitive ? 'Case-sensitive' : 'Not case-sensitive' }]),
    { label: 'Password policy', value: describePasswordPolicy(pool.Policies?.PasswordPolicy) },
    ...(pool.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays
      ? [{ label: 'Temporary passwords', value: `Valid for ${pool.Policies.PasswordPolicy.TemporaryPasswordValidityDays} days` }]
      : []),
    ...(pool.EstimatedNumberOfUsers === undefined ? [] : [{ label: 'Users (estimate)', value: String(pool.EstimatedNumberOfUsers) }]),
    ...(pool.MfaConfiguration ? [{ label: 'Multi-factor authentication', value: pool.MfaConfiguration }] : []),
  ]
  return { summary: `Connected to the user pool ${name} in ${context.region} with the access key ${context.accessKeyId}`, facts }
}
