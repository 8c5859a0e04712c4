import { getDescriptor } from '../../../shared/catalogue'
import type { ProfileView } from '../../../shared/profiles'

/**
 * Rows asked for on a search's first page: enough to fill a tall window twice, small enough to
 * answer fast, and cheap to throw away when the next key replaces the search.
 */
export const listPageSize = 100

/**
 * Rows asked for per page while scrolling: the profile's largest page, so reaching the end of a
 * long list takes as few round trips as the target allows (Okta 200, GoTo 1,000; Coupa's 50-row
 * pages times the pages it fetches at once). Exactly that, never more: Cognito answers at most 60,
 * and a page of 100 would cost it two requests.
 */
export function scrollPageSize(profile: ProfileView | undefined): number {
  if (!profile) return listPageSize
  const descriptor = getDescriptor(profile.connectorId)
  const inFlight = descriptor.parameters.find((parameter) => parameter.key === 'concurrency')
  const pagesAtOnce = inFlight ? Number(profile.values[inFlight.key] ?? inFlight.defaultValue ?? 1) || 1 : 1
  return descriptor.paging.maxPageSize * pagesAtOnce
}
