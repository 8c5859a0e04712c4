import { z } from 'zod'
import { objectRefSchema } from './directory'
import { lineText } from './text'

/*
 * GoToMeeting licences and admin roles of one user (issue 15): shown on the user's panel, and a
 * licence assigned or removed there, each journaled (`assignLicense` / `removeLicense`) and undone
 * by the opposite change. GoTo has no suspend flag: a user left with no licence and no admin role
 * shows as SUSPENDED (coupa-gotomeeting.md B.3, G11), which the confirmation says before it happens.
 */

export interface LicenceView {
  key: string
  /** GoTo's description, or "licence <key>" when it has none. */
  name: string
  /** GoTo's product codes (G2M, G2W, G2T) in words: "GoTo Meeting, GoTo Webinar". */
  products: string
  /** Seats left, or null when GoTo does not say. */
  freeSeats: number | null
  enabled: boolean
}

export interface UserLicences {
  /** The licences the user holds, in GoTo's order. */
  held: LicenceView[]
  /** The account's other licences: those that can be assigned (enabled, a free seat) first. */
  others: LicenceView[]
  /** The user's admin roles in words ("Super Admin"); empty for a Member. */
  adminRoles: string[]
}

export const licenceChanges = ['assign', 'remove'] as const
export type LicenceChange = (typeof licenceChanges)[number]

export const licenceChangeSchema = objectRefSchema.extend({
  licenseKey: lineText().min(1).max(100),
  change: z.enum(licenceChanges),
})
export type LicenceChangeInput = z.infer<typeof licenceChangeSchema>

/** GoTo's built-in admin roles in the words its Admin Center shows (B.3, G7); any other as it comes. */
const adminRoleWords: Readonly<Record<string, string>> = {
  SUPER_USER: 'Super Admin',
  MANAGE_ACCOUNT: 'Admin (Configure PBX)',
}

/** GoTo's own words where known; any other code in words too (MANAGE_USERS → "Manage users"), never the raw code. */
export function adminRoleWord(role: string): string {
  const known = adminRoleWords[role]
  if (known) return known
  const words = role.toLowerCase().replace(/_+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const productWords: Readonly<Record<string, string>> = { G2M: 'GoTo Meeting', G2W: 'GoTo Webinar', G2T: 'GoTo Training' }

export function productWordsOf(products: readonly string[]): string {
  return products.map((product) => productWords[product] ?? product).join(', ')
}

/**
 * What a licence change does, in words, for the confirmation and the journal's summary. A removal
 * that leaves nothing (no other licence, no admin role) suspends the user in GoTo: it says so.
 */
export function licenceChangeWords(change: LicenceChange, userName: string, licence: string, suspends: boolean): string {
  if (change === 'assign') return `Assign ${licence} to ${userName}`
  return suspends ? `Remove ${licence} from ${userName}, their last licence: GoTo then shows them Suspended` : `Remove ${licence} from ${userName}`
}
