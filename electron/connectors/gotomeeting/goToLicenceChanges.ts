import { adminRoleWord, productWordsOf, type LicenceChange, type LicenceView, type UserLicences } from '../../../shared/licenses'
import { AppError } from '../../errors/AppError'
import { licenseName, readLicenses } from './goToLicenses'
import { userDisplayName } from './goToMapping'
import type { LicenceChangePlan } from '../Connector'
import { userPath, type GoToContext, type GoToLicense, type GoToUser } from './goToTypes'
import { fetchUser } from './goToUsers'

/*
 * A user's licences and admin roles, and a licence assigned or removed (issue 15). GoTo documents
 * one way to change a user's licences: `PUT …/users/{uk}` with `licenseKeys`, a list that replaces
 * the old one (B.3, G9; the licence-membership endpoints under /licenses/{lk}/users appear in no
 * source). So a change reads the user and the licences first (to send the list with exactly one
 * key more or less, and to refuse a full or disabled licence in words before anything is sent),
 * then sends one PUT: three requests. A user left with no licence and no admin role is SUSPENDED
 * (G11): `suspends` says so before the change.
 */

function seatsLeft(license: GoToLicense): number | null {
  return typeof license.seats === 'number' && typeof license.userCount === 'number' ? Math.max(0, license.seats - license.userCount) : null
}

function viewOf(license: GoToLicense): LicenceView {
  return { key: license.key, name: licenseName(license), products: productWordsOf(license.products ?? []), freeSeats: seatsLeft(license), enabled: license.enabled !== false }
}

const assignable = (view: LicenceView) => view.enabled && view.freeSeats !== 0

/** What the panel shows: the licences held, the others (assignable first) and the admin roles in words. */
export function userLicencesOf(user: GoToUser, licenses: readonly GoToLicense[]): UserLicences {
  const heldKeys = new Set(user.licenseKeys ?? [])
  const views = licenses.map(viewOf)
  const held = (user.licenseKeys ?? []).map((key) => views.find((view) => view.key === key) ?? { key, name: `licence ${key}`, products: '', freeSeats: null, enabled: true })
  const others = views.filter((view) => !heldKeys.has(view.key)).sort((left, right) => Number(assignable(right)) - Number(assignable(left)))
  return { held, others, adminRoles: (user.adminRoles ?? []).map(adminRoleWord) }
}

export async function readUserLicences(context: GoToContext, userKey: string, signal?: AbortSignal): Promise<UserLicences> {
  const [user, licenses] = await Promise.all([fetchUser(context, userKey, signal), readLicenses(context, signal)])
  return userLicencesOf(user, licenses)
}

/** A change read and checked but not sent: what the journal names and the confirmation says. */
export async function planLicenceChange(context: GoToContext, userKey: string, licenseKey: string, change: LicenceChange, signal?: AbortSignal): Promise<LicenceChangePlan> {
  const [user, licenses] = await Promise.all([fetchUser(context, userKey, signal), readLicenses(context, signal)])
  const userName = userDisplayName(user)
  const held = userLicencesOf(user, licenses).held.map((view) => view.name)
  const found = licenses.find((license) => license.key === licenseKey)
  const current = user.licenseKeys ?? []
  const holds = current.includes(licenseKey)
  if (!found && !(change === 'remove' && holds)) {
    throw new AppError('not_found', `Nothing was changed: this GoTo account has no licence ${licenseKey}. Refresh the user's licences and choose again.`)
  }
  const licence = found ? viewOf(found) : { key: licenseKey, name: `licence ${licenseKey}`, products: '', freeSeats: null, enabled: true }
  if (change === 'assign') {
    if (holds) throw new AppError('conflict', `${userName} already holds ${licence.name}. Nothing was changed.`)
    if (!licence.enabled) throw new AppError('conflict', `${licence.name} is disabled in GoTo, so it cannot be assigned. Nothing was changed.`)
    if (licence.freeSeats === 0) {
      throw new AppError('conflict', `Every seat of ${licence.name} is taken. Nothing was changed: free a seat or add seats in the GoTo Admin Center, then try again.`)
    }
    return { userId: user.key, userName, licence, held, licenseKeys: [...current, licenseKey], suspends: false }
  }
  if (!holds) throw new AppError('conflict', `${userName} does not hold ${licence.name}. Nothing was changed.`)
  const licenseKeys = current.filter((key) => key !== licenseKey)
  return { userId: user.key, userName, licence, held, licenseKeys, suspends: licenseKeys.length === 0 && (user.adminRoles ?? []).length === 0 && (user.roleSets ?? []).length === 0 }
}

/** Sends the planned list: one PUT (the same list sent twice changes nothing). */
export async function setLicences(context: GoToContext, userKey: string, licenseKeys: readonly string[]): Promise<void> {
  await context.api.request({ method: 'PUT', path: userPath(context, userKey), body: { licenseKeys } })
}
