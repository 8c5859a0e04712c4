import type { HttpClient, HttpRequest, HttpResponse } from '../../http/types'
import { AppError } from '../../errors/AppError'
import type { GoToTokens } from './GoToTokens'
import type { GoToApi } from './goToTypes'

/** GoTo rejected the access token (it expired early, or was revoked): not a failure of the sign-in itself. */
function rejectedToken(error: unknown): boolean {
  return error instanceof AppError && error.extra.details?.status === '401' && error.extra.details.signIn === undefined
}

/**
 * The Admin API as the operations use it. The sign-in happens first, outside the Admin client, so
 * its own failures (a wrong password) are reported as they are. A 401 renews the token once and
 * sends the request once more: a 401 means GoTo's gateway turned the request away unprocessed,
 * so even a POST may be sent again. A second 401 is reported (describeGoToError says what to check).
 */
export function createGoToApi(admin: HttpClient, tokens: GoToTokens): GoToApi {
  return {
    async request(request: HttpRequest): Promise<HttpResponse> {
      await tokens.current()
      const generation = tokens.generation
      try {
        return await admin.request(request)
      } catch (error: unknown) {
        if (!rejectedToken(error)) throw error
        await tokens.renewAfterRejection(generation)
        return admin.request(request)
      }
    },
  }
}
