import { z } from 'zod'
import type { ConnectionReport } from '../../../shared/directory'
import { AppError } from '../../errors/AppError'
import { readPage } from './goToPaging'
import { accountPath, keySchema, parseAnswer, type GoToContext } from './goToTypes'

const meSchema = z.looseObject({
  email: z.string().nullish(),
  accounts: z.array(z.looseObject({ key: keySchema, name: z.string().nullish() })).nullish(),
})

const accountSchema = z.looseObject({ key: keySchema, name: z.string().nullish() })

type Me = z.infer<typeof meSchema>

/** A wrong Account key: say which accounts this administrator does have (from `/me`, B.1). */
function unknownAccount(context: GoToContext, me: Me, error: AppError): AppError {
  const accounts = (me.accounts ?? []).map((account) => `${account.name ?? 'unnamed'} (${account.key})`)
  const yours = accounts.length > 0 ? ` This administrator's accounts: ${accounts.join(', ')}.` : ''
  return new AppError('not_found', `GoTo has no account with the key ${context.accountKey} for this administrator.${yours} Correct the profile's Account key.`, {
    details: error.extra.details,
  })
}

/**
 * Signs in, then `GET /me` (who the token belongs to), `GET /accounts/{key}` (the account's name)
 * and one row of its users, whose `total` is the user count (B.2: a list reports its total).
 */
export async function testConnection(context: GoToContext, signal?: AbortSignal): Promise<ConnectionReport> {
  const me = parseAnswer(meSchema, (await context.api.request({ method: 'GET', path: '/me', signal })).data, 'the signed-in administrator')
  let account: z.infer<typeof accountSchema>
  try {
    account = parseAnswer(accountSchema, (await context.api.request({ method: 'GET', path: accountPath(context), signal })).data, 'the account')
  } catch (error: unknown) {
    if (error instanceof AppError && error.code === 'not_found') throw unknownAccount(context, me, error)
    throw error
  }
  const users = await readPage(context, { path: `${accountPath(context)}/users` }, { pageSize: 1 }, signal)
  const name = account.name?.trim() || `account ${account.key}`
  const count = users.total === null ? 'not reported' : String(users.total)
  const signedInAs = me.email?.trim() || 'the profile’s administrator'
  return {
    summary: `Connected to ${name} as ${signedInAs}: ${count} users`,
    facts: [
      { label: 'Account', value: name },
      { label: 'Account key', value: account.key },
      { label: 'Users', value: count },
      { label: 'Signed in as', value: signedInAs },
      { label: 'Signs in at', value: context.signInHost },
    ],
  }
}
