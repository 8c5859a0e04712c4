import { readPoolOnly, type Operation } from './cognitoOperation'
import { epochSeconds } from './cognitoRecords'
import { poolSchema } from './userAttributes'

/**
 * DescribeUserPool: the sandbox pool's settings. It is set up like a common help-desk-managed
 * pool: people sign in with a username or their verified email (AliasAttributes ["email"], no
 * UsernameAttributes, so Usernames are readable `first.last` names rather than UUIDs), usernames
 * are case-insensitive (the console default), only admins create users, MFA is off.
 */
export const describeUserPool: Operation = (context) => {
  readPoolOnly(context)
  const { pool } = context.pool
  return {
    UserPool: {
      Id: pool.id,
      Name: pool.name,
      Arn: `arn:aws:cognito-idp:${pool.region}:${pool.accountId}:userpool/${pool.id}`,
      Policies: {
        PasswordPolicy: { ...pool.passwordPolicy },
        SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] },
      },
      DeletionProtection: 'ACTIVE',
      LambdaConfig: {},
      LastModifiedDate: epochSeconds(pool.lastModified),
      CreationDate: epochSeconds(pool.created),
      SchemaAttributes: poolSchema.map((attribute) => ({ ...attribute })),
      AutoVerifiedAttributes: ['email'],
      AliasAttributes: ['email'],
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [] },
      MfaConfiguration: 'OFF',
      EstimatedNumberOfUsers: context.pool.users().length,
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameConfiguration: { CaseSensitive: false },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Priority: 1, Name: 'verified_email' }] },
      UserPoolTier: 'ESSENTIALS',
    },
  }
}
