import { AppError } from '../../errors/AppError'
import { readPage } from './goToPaging'
import { deletedEmailFilter, emailFilter } from './goToSearch'
import { accountPath, goToUserSchema, parseAnswer, type GoToContext, type GoToUser } from './goToTypes'

/** The user with exactly this email (any case) among those the filter lists, or null. */
async function findByEmail(context: GoToContext, email: string, filter: string): Promise<GoToUser | null> {
  const page = await readPage(context, { path: `${accountPath(context)}/users`, filter }, { pageSize: 10 })
  const wanted = email.trim().toLowerCase()
  const users = page.rows.map((row) => parseAnswer(goToUserSchema, row, 'a user'))
  return users.find((user) => user.email.trim().toLowerCase() === wanted) ?? null
}

/** The account's user with this email, or null. */
export function findUserByEmail(context: GoToContext, email: string): Promise<GoToUser | null> {
  return findByEmail(context, email, emailFilter(email))
}

/**
 * The deleted user GoTo still remembers with this email (a create re-activates it), null when
 * there is none, or `unknown` when GoTo would not say: reading deleted users is undocumented
 * (see deletedEmailFilter), and a target that refuses the filter must not block a create.
 */
export async function findDeletedUser(context: GoToContext, email: string): Promise<GoToUser | null | 'unknown'> {
  try {
    const user = await findByEmail(context, email, deletedEmailFilter(email))
    return user && user.status?.toUpperCase() === 'DELETED' ? user : null
  } catch (error: unknown) {
    if (error instanceof AppError && error.code === 'invalid_input') return 'unknown'
    throw error
  }
}
