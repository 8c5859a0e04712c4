import type { UserType } from '@aws-sdk/client-cognito-identity-provider'
import type { DirectoryObject } from '../../../shared/directory'
import type { UsersWithEmails } from '../Connector'
import { emailBatches, everyPage, usersInBatches } from '../emailBatches'
import { AppError } from '../../errors/AppError'
import { describePool } from './cognitoConnection'
import { userFromListing, userToObject } from './cognitoMapping'
import { maxCognitoPage } from './cognitoPaging'
import { emailFilter } from './cognitoSearch'
import type { CognitoContext } from './cognitoTypes'

/*
 * A plan's email lines on Cognito (Connector.usersWithEmails). ListUsers' Filter is one condition
 * with no "or" (cognito.md §3), so emails cannot share a search: each is one ListUsers, `email ^=`
 * the email in lower case, as the search box sends it. For a list longer than the pool ÷ 60, reading
 * the whole pool once (60 users a page) costs fewer requests, so DescribeUserPool's
 * EstimatedNumberOfUsers decides which: one request, then whichever of the two costs less.
 *
 * Both ways keep the same candidates: users whose `email` attribute starts with the email in lower
 * case, compared as stored (Cognito compares `email` with case; "Dana.Lee@Example.com" stored with
 * capitals is found by neither). The plan then keeps the exact matches of those, as it always has.
 */

/** Lists of at most this many emails are searched without asking the pool's size: a listing costs DescribeUserPool and a page at least. */
const searchesBeforeListingPays = 2

/** One email a search; usersInBatches sends a few at once, as the plan's line-by-line searches did, and the request budget sets the pace. */
const oneEmailASearch = { perRequest: 1, maxChars: Number.POSITIVE_INFINITY, charsOf: () => 0 }

/** The pages a listing of the whole pool reads: 60 users a page, and one page even for an empty pool. */
function poolListingPages(estimatedUsers: number): number {
  return Math.max(1, Math.ceil(estimatedUsers / maxCognitoPage))
}

/** The users whose email starts with one of `emails` in lower case, by whichever way costs fewer requests, and the requests sent. */
export async function usersWithEmails(context: CognitoContext, emails: readonly string[], signal?: AbortSignal): Promise<UsersWithEmails> {
  // Each email once, in lower case as a search sends it (lineAccounts' searchText): HR's "Dana.Lee@Example.com" is dana.lee@example.com.
  const wanted = emailBatches(emails.map((email) => email.trim().toLowerCase()), oneEmailASearch).flat()
  if (wanted.length <= searchesBeforeListingPays) return searchEach(context, wanted, signal)
  const described = (found: UsersWithEmails): UsersWithEmails => ({ users: found.users, requests: found.requests + 1 })
  const estimate = await estimatedUsers(context, signal)
  if (estimate === undefined || poolListingPages(estimate) >= wanted.length) return described(await searchEach(context, wanted, signal))
  return described(await listPool(context, wanted, signal))
}

/**
 * The pool's size, or undefined where the key may not read it (a policy without
 * cognito-idp:DescribeUserPool) or the read failed: the size only chooses the cheaper way, and
 * the searches still find every line, or say why they could not. A cancelled plan stays cancelled.
 */
async function estimatedUsers(context: CognitoContext, signal?: AbortSignal): Promise<number | undefined> {
  try {
    return (await describePool(context.api, { signal })).EstimatedNumberOfUsers
  } catch (error) {
    if (signal?.aborted || (error instanceof AppError && error.code === 'cancelled')) throw error
    return undefined
  }
}

/** One ListUsers per email (every page of its answer, counted), a few at once. */
function searchEach(context: CognitoContext, wanted: readonly string[], signal?: AbortSignal): Promise<UsersWithEmails> {
  return usersInBatches(wanted, oneEmailASearch, ([email]) =>
    everyPage(async (cursor) => {
      const answer = await context.api.listUsers({ Filter: emailFilter(email!), Limit: maxCognitoPage, PaginationToken: cursor ?? undefined }, { signal })
      return { rows: (answer.Users ?? []).map((row) => toObject(context, row)), nextCursor: answer.PaginationToken ?? null }
    }),
  )
}

/**
 * The whole pool once, 60 users a page, keeping each page's candidates only (a pool may hold
 * millions; only a list that long chooses this). Every attribute is read, as a search reads them:
 * `AttributesToGet` fails the call when a requested attribute is unset on some user in the answer
 * (AWS: "Amazon Cognito returns an error if not all users in the results have set a value"), and a
 * whole pool cannot promise every user a name. The budget paces the pages at ListUsers' documented
 * rate (cognitoBudget.ts, UserList).
 *
 * The pool may change while it is read: ListUsers is eventually consistent and its token goes on
 * from where the last page ended. A user added during the listing may be missed, and is then "no
 * account" in the plan, as a search sent a moment before the user was added would say. A user
 * removed during it may still be planned; its change then fails at the target, naming the user.
 */
async function listPool(context: CognitoContext, wanted: readonly string[], signal?: AbortSignal): Promise<UsersWithEmails> {
  const emails = new Set(wanted)
  return everyPage(async (cursor) => {
    const answer = await context.api.listUsers({ Limit: maxCognitoPage, PaginationToken: cursor ?? undefined }, { signal })
    const rows = (answer.Users ?? []).filter((row) => startsWithOneOf(emailOf(row), emails)).map((row) => toObject(context, row))
    return { rows, nextCursor: answer.PaginationToken ?? null }
  })
}

function emailOf(row: UserType): string | undefined {
  return row.Attributes?.find((attribute) => attribute.Name === 'email')?.Value
}

/** What `email ^= "<one of emails>"` finds: the stored email, as stored, starts with one of them. */
function startsWithOneOf(stored: string | undefined, emails: ReadonlySet<string>): boolean {
  if (stored === undefined) return false
  for (let end = 1; end <= stored.length; end++) if (emails.has(stored.slice(0, end))) return true
  return false
}

function toObject(context: CognitoContext, row: UserType): DirectoryObject {
  return userToObject(context.users, userFromListing(row))
}
