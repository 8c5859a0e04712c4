import { AppError } from '../../errors/AppError'
import { readAll } from './goToPaging'
import { accountPath, goToLicenseSchema, parseAnswer, type GoToContext, type GoToLicense } from './goToTypes'

/*
 * Licences (GoTo's "products", B.5). They matter twice: a GoTo user with no licence and no admin
 * role IS suspended (G11), so a deprovision takes them away and its undo gives them back; and a new
 * user needs one, or GoTo shows them suspended from the start.
 */

export async function readLicenses(context: GoToContext, signal?: AbortSignal): Promise<GoToLicense[]> {
  const rows = await readAll(context, { path: `${accountPath(context)}/licenses` }, signal)
  return rows.map((row) => parseAnswer(goToLicenseSchema, row, 'a licence'))
}

export function licenseName(license: GoToLicense): string {
  return license.description?.trim() || `licence ${license.key}`
}

function hasFreeSeat(license: GoToLicense): boolean {
  return typeof license.seats !== 'number' || typeof license.userCount !== 'number' || license.userCount < license.seats
}

/**
 * The licence a user created through Lanyard gets: this is the GoToMeeting connector, so a GoTo
 * Meeting (G2M) licence, enabled and with a free seat; the one with the fewest other products
 * first (plain GoTo Meeting before Webinar or Training bundles), then the oldest key. Refused
 * before anything is created when the account has none to give.
 */
export function licenseForNewUsers(licenses: readonly GoToLicense[]): GoToLicense {
  const meeting = licenses.filter((license) => license.enabled !== false && (license.products ?? []).includes('G2M'))
  const free = meeting.filter(hasFreeSeat)
  const [chosen] = [...free].sort(
    (left, right) => (left.products?.length ?? 0) - (right.products?.length ?? 0) || left.key.length - right.key.length || (left.key < right.key ? -1 : 1),
  )
  if (chosen) return chosen
  throw new AppError(
    'conflict',
    meeting.length === 0
      ? 'Nothing was created: this GoTo account has no enabled GoTo Meeting licence to give a new user. Ask a GoTo administrator to add one.'
      : `Nothing was created: every GoTo Meeting licence of this account is full (${meeting.map(licenseName).join(', ')}). Free a seat or add seats in the GoTo Admin Center, then try again.`,
  )
}
