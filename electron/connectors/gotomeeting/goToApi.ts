import type { HttpClient } from '../../http/types'
import { renewingOnRejection } from '../OAuthTokens'
import type { GoToTokens } from './GoToTokens'
import type { GoToApi } from './goToTypes'

/**
 * The Admin API as the operations use it: signed in first, renewed once after a 401 (see
 * `renewingOnRejection`). A second 401 is reported (describeGoToError says what to check).
 */
export function createGoToApi(admin: HttpClient, tokens: GoToTokens): GoToApi {
  return renewingOnRejection(admin, tokens)
}
