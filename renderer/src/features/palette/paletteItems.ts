import type { Person } from '../../../../shared/personGrouping'
import type { ProfileView } from '../../../../shared/profiles'
import { textMatches } from '../../../../shared/text'
import { themeChoices, type ThemeChoice } from '../../stores/theme'

/**
 * What choosing a palette item does. A person found opens their page (the key is the grouping's, from
 * the People search); a recent person, kept by name only, who is not in that search is searched by name.
 */
export type PaletteCommand =
  | { kind: 'person'; name: string; personKey: string }
  | { kind: 'searchPerson'; name: string }
  | { kind: 'go'; path: string; query?: Record<string, string> }
  | { kind: 'verifyJournal' }
  | { kind: 'sandbox'; enabled: boolean }
  | { kind: 'theme'; choice: ThemeChoice }

export const paletteGroups = ['Recent people', 'People', 'Profiles', 'Actions'] as const
export type PaletteGroup = (typeof paletteGroups)[number]

export interface PaletteItem {
  id: string
  group: PaletteGroup
  label: string
  detail: string
  command: PaletteCommand
}

export interface PaletteSources {
  text: string
  recentPeople: readonly string[]
  /** The people the palette's search found: listed under People. */
  found: readonly Person[]
  /** Everyone in the People search's results, which a recent name may point at. */
  inResults: readonly Person[]
  profiles: readonly ProfileView[]
  /** Lanyard's own sandbox tenants on or off; null where the app has none. */
  sandboxEnabled: boolean | null
  /** The theme chosen now: the palette offers the other two. */
  theme: ThemeChoice
}

const themeActionLabels: Record<ThemeChoice, string> = { system: 'Follow the system’s theme', light: 'Use the light theme', dark: 'Use the dark theme' }

/** Accents and case aside (shared/text.ts): "bjorn" finds Björn. */
const matches = textMatches

function actions(sandboxEnabled: boolean | null, theme: ThemeChoice): Omit<PaletteItem, 'id' | 'group'>[] {
  const list: Omit<PaletteItem, 'id' | 'group'>[] = [
    { label: 'Offboard…', detail: 'Find the person in People, then offboard them everywhere', command: { kind: 'go', path: '/people', query: { focus: 'search' } } },
    { label: 'Open People', detail: 'Find one person in every application', command: { kind: 'go', path: '/people' } },
    { label: 'Open Activity', detail: 'Every change Lanyard made', command: { kind: 'go', path: '/activity' } },
    { label: 'Open Jobs', detail: 'Offboard a list of people, change many memberships at once', command: { kind: 'go', path: '/jobs' } },
    { label: 'New profile', detail: 'Connect another tenant', command: { kind: 'go', path: '/profiles/new' } },
    { label: 'Verify journal', detail: "Check every record's hash chain", command: { kind: 'verifyJournal' } },
  ]
  if (sandboxEnabled !== null) {
    list.push({
      label: sandboxEnabled ? 'Turn sandbox profiles off' : 'Turn sandbox profiles on',
      detail: 'Settings: Lanyard’s own practice tenants',
      command: { kind: 'sandbox', enabled: !sandboxEnabled },
    })
  }
  for (const choice of themeChoices.filter((other) => other !== theme)) {
    list.push({ label: themeActionLabels[choice], detail: 'Settings: kept on this computer', command: { kind: 'theme', choice } })
  }
  return list
}

/** The email most of the person's accounts give (any case), to tell apart two people of one name. */
function mainEmail(person: Person): string | null {
  const counts = new Map<string, number>()
  for (const { account } of person.accounts) if (account.email) counts.set(account.email.toLowerCase(), (counts.get(account.email.toLowerCase()) ?? 0) + 1)
  return [...counts].sort((left, right) => right[1] - left[1])[0]?.[0] ?? null
}

function personDetail(person: Person): string {
  const applications = [...new Set(person.accounts.map(({ account }) => account.application))]
  return [mainEmail(person), applications.join(', ')].filter(Boolean).join(' · ')
}

/** The one person of the results with this name; none when there is none or more than one (two Sam Parks). */
function personNamed(name: string, people: readonly Person[]): Person | undefined {
  const named = people.filter((person) => person.displayName.toLowerCase() === name.toLowerCase())
  return named.length === 1 ? named[0] : undefined
}

/**
 * The palette's list for what was typed, in its order: recent people first, then the people the
 * search found (each once: a recent one is not repeated), the profiles and the actions whose names match.
 */
export function paletteItems({ text, recentPeople, found, inResults, profiles, sandboxEnabled, theme }: PaletteSources): PaletteItem[] {
  const items: PaletteItem[] = []
  const listed = new Set<string>()
  for (const name of recentPeople) {
    if (!matches(text, name)) continue
    const person = personNamed(name, inResults)
    if (person) listed.add(person.key)
    const command: PaletteCommand = person ? { kind: 'person', name, personKey: person.key } : { kind: 'searchPerson', name }
    items.push({ id: `recent-${items.length}`, group: 'Recent people', label: name, detail: 'Recently opened', command })
  }
  for (const person of found) {
    if (listed.has(person.key)) continue
    items.push({
      id: `person-${items.length}`,
      group: 'People',
      label: person.displayName,
      detail: personDetail(person),
      command: { kind: 'person', name: person.displayName, personKey: person.key },
    })
  }
  for (const profile of [...profiles].sort((left, right) => left.name.localeCompare(right.name))) {
    if (!matches(text, profile.name)) continue
    items.push({ id: `profile-${profile.id}`, group: 'Profiles', label: profile.name, detail: `Open profile · ${profile.environment === 'real' ? 'Real tenant' : 'Sandbox'}`, command: { kind: 'go', path: `/profiles/${profile.id}` } })
  }
  for (const action of actions(sandboxEnabled, theme)) {
    if (matches(text, action.label)) items.push({ ...action, id: `action-${items.length}`, group: 'Actions' })
  }
  return items
}
