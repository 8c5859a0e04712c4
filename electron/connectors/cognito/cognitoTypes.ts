import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider'
import type { ObjectTypeDescriptor } from '../../../shared/catalogue/types'
import type { CognitoApi } from './cognitoApi'

/** Everything a Cognito operation needs: the profile's calls, its pool and the descriptor's object types. */
export interface CognitoContext {
  /** The signal of the one write this context serves (see `sendingUnder`); reads pass their own. */
  signal?: AbortSignal
  api: CognitoApi
  userPoolId: string
  region: string
  accessKeyId: string
  users: ObjectTypeDescriptor
  groups: ObjectTypeDescriptor
  /**
   * The pool's settings (DescribeUserPool), read once and kept: the password policy named in a
   * refused password's message. A failed read is not kept, so the next call asks again.
   */
  poolSettings: () => Promise<UserPoolType>
}

/** A user may be in at most 25 groups (Cognito's limitation in the connector reference): the 26th is refused before calling. */
export const maximumGroupsPerUser = 25
