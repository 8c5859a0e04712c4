import type { DirectoryObject } from '../../shared/directory'
import { AppError } from '../errors/AppError'
import type { UsersWithEmails } from './Connector'

/*
 * Many emails to a request (Connector.usersWithEmails): the emails split into batches a target's
 * search takes at once, the batches sent a few at a time (the request budget sets the pace), the
 * users of every answer put together. No target documents a number of `or` clauses or a longest
 * query, so each adapter bounds a batch by a count and by the characters its query adds: short
 * enough that the request line stays far below the 8 KB HTTP front ends commonly refuse above,
 * and that one page holds the answer.
 */

export interface EmailBatchLimits {
  /** The most emails one request asks for. */
  perRequest: number
  /** The most characters a batch's query may take, before URL encoding. */
  maxChars: number
  /** The characters one email adds to the query. */
  charsOf: (email: string) => number
}

/** Batches sent at once for one lookup: as many as a plan's line-by-line lookups had in flight. */
const batchesInFlight = 4

/**
 * An email every target's batched search can carry as written: one `@`, no spaces, quotes, commas
 * or brackets (a comma would split Coupa's `[in]` list). Anything else is searched on its own.
 */
export function isPlainEmail(text: string): boolean {
  return /^[^\s@",()[\]\\]+@[^\s@",()[\]\\]+$/.test(text.trim())
}

/** The emails (each once, case aside) in batches within `limits`, in the order given. */
export function emailBatches(emails: readonly string[], limits: EmailBatchLimits): string[][] {
  const unique = [...new Map(emails.map((email) => [email.trim().toLowerCase(), email.trim()])).values()]
  const batches: string[][] = []
  let chars = 0
  for (const email of unique) {
    if (!isPlainEmail(email)) throw new AppError('invalid_input', `"${email}" is not a plain email address: look it up on its own.`)
    const last = batches[batches.length - 1]
    const cost = limits.charsOf(email)
    if (last && last.length < limits.perRequest && chars + cost <= limits.maxChars) {
      last.push(email)
      chars += cost
    } else {
      batches.push([email])
      chars = cost
    }
  }
  return batches
}

/** Runs `find` for each batch, a few at once, and puts the users together (each once). */
export async function usersInBatches(
  emails: readonly string[],
  limits: EmailBatchLimits,
  find: (batch: string[], signal?: AbortSignal) => Promise<UsersWithEmails>,
  signal?: AbortSignal,
): Promise<UsersWithEmails> {
  const batches = emailBatches(emails, limits)
  const users = new Map<string, DirectoryObject>()
  let requests = 0
  let next = 0
  async function worker(): Promise<void> {
    while (next < batches.length) {
      const found = await find(batches[next++]!, signal)
      requests += found.requests
      for (const user of found.users) users.set(user.id, user)
    }
  }
  await Promise.all(Array.from({ length: Math.min(batchesInFlight, batches.length) }, worker))
  return { users: [...users.values()], requests }
}

/** Every page of one batch's list, counting the requests: `read` answers a page and the next cursor. */
export async function everyPage(read: (cursor: string | null) => Promise<{ rows: DirectoryObject[]; nextCursor: string | null }>): Promise<UsersWithEmails> {
  const users: DirectoryObject[] = []
  let requests = 0
  let cursor: string | null = null
  do {
    const page: { rows: DirectoryObject[]; nextCursor: string | null } = await read(cursor)
    requests++
    users.push(...page.rows)
    cursor = page.nextCursor
  } while (cursor !== null)
  return { users, requests }
}
