import type { ObjectStatus } from '../../../../shared/directory'
import { localDateTime } from '../../../../shared/dates'
import type { PersonAccount, ProfileSet } from '../../../../shared/people'
import type { AccountProgress, AccountUndo } from '../../stores/offboarding'

const tones = { active: 'ok', inactive: 'warning', deprovisioned: 'danger', other: 'neutral' } as const

/** An account's status for `StatusBadge`: the target's own word, coloured by the neutral state. */
export function accountStatus(account: PersonAccount): ObjectStatus {
  return { label: account.statusLabel, tone: tones[account.state], active: account.state === 'active' }
}

export function setLabel(set: ProfileSet): string {
  return set === 'real' ? 'Real tenants' : 'Sandbox'
}

export function accountCount(count: number): string {
  return count === 1 ? '1 account' : `${count} accounts`
}

/** "Dana Lee in Okta (Okta Sandbox)": an account named as the technician recognises it. */
export function accountLabel(account: PersonAccount): string {
  return `${account.displayName} in ${account.application} (${account.profileName})`
}

export function lastSignIn(account: PersonAccount): string {
  return account.lastSignInAt ? localDateTime(account.lastSignInAt) : 'Not given by this application'
}

export const progressWords: Record<AccountProgress['state'], string> = {
  queued: 'Queued',
  running: 'Running…',
  done: 'Done',
  skipped: 'Skipped',
  failed: 'Failed',
}

export const progressTones = { queued: 'neutral', running: 'neutral', done: 'ok', skipped: 'neutral', failed: 'danger' } as const

export interface OffboardingBadge {
  label: string
  tone: 'ok' | 'neutral' | 'danger'
}

/**
 * What this page's offboarding did to each account, for the badge beside its (older) status: the
 * run's state, and once undone whether the account is back, so "Offboarding: done" never stays
 * beside an account the undo brought back.
 */
export function offboardingBadges(progress: Readonly<Record<string, AccountProgress>>, undone: readonly AccountUndo[] | null): Record<string, OffboardingBadge> {
  const badges: Record<string, OffboardingBadge> = {}
  for (const [key, row] of Object.entries(progress)) badges[key] = { label: `Offboarding: ${progressWords[row.state].toLowerCase()}`, tone: progressTones[row.state] }
  for (const row of undone ?? []) badges[row.key] = row.back ? { label: 'Offboarding undone', tone: 'ok' } : { label: 'Undo: not back', tone: 'danger' }
  return badges
}
