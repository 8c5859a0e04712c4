import type { ProfileView } from '../../../../shared/profiles'
import type { PalettePerson } from './paletteSearch'

/** What choosing a palette item does. */
export type PaletteCommand =
  | { kind: 'person'; name: string; search: string }
  | { kind: 'go'; path: string; query?: Record<string, string> }
  | { kind: 'verifyJournal' }
  | { kind: 'sandbox'; enabled: boolean }

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
  people: readonly PalettePerson[]
  profiles: readonly ProfileView[]
  /** Lanyard's own sandbox tenants on or off; null where the app has none. */
  sandboxEnabled: boolean | null
}

function matches(text: string, ...values: (string | null)[]): boolean {
  const wanted = text.trim().toLowerCase()
  return wanted === '' || values.some((value) => value?.toLowerCase().includes(wanted))
}

function actions(sandboxEnabled: boolean | null): Omit<PaletteItem, 'id' | 'group'>[] {
  const list: Omit<PaletteItem, 'id' | 'group'>[] = [
    { label: 'Offboard…', detail: 'Find the person in People, then offboard them everywhere', command: { kind: 'go', path: '/people', query: { focus: 'search' } } },
    { label: 'Open People', detail: 'Find one person in every application', command: { kind: 'go', path: '/people' } },
    { label: 'Open Activity', detail: 'Every change Lanyard made', command: { kind: 'go', path: '/activity' } },
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
  return list
}

/**
 * The palette's list for what was typed, in its order: recent people first, then the people the
 * search found (each name once), the profiles and the actions whose names match.
 */
export function paletteItems({ text, recentPeople, people, profiles, sandboxEnabled }: PaletteSources): PaletteItem[] {
  const items: PaletteItem[] = []
  const recentNames = new Set(recentPeople.map((name) => name.toLowerCase()))
  for (const name of recentPeople) {
    if (matches(text, name)) items.push({ id: `recent-${items.length}`, group: 'Recent people', label: name, detail: 'Recently opened', command: { kind: 'person', name, search: name } })
  }
  for (const person of people) {
    if (recentNames.has(person.name.toLowerCase())) continue
    items.push({
      id: `person-${items.length}`,
      group: 'People',
      label: person.name,
      detail: [person.email, person.applications.join(', ')].filter(Boolean).join(' · '),
      command: { kind: 'person', name: person.name, search: person.email ?? person.name },
    })
  }
  for (const profile of [...profiles].sort((left, right) => left.name.localeCompare(right.name))) {
    if (!matches(text, profile.name)) continue
    items.push({ id: `profile-${profile.id}`, group: 'Profiles', label: profile.name, detail: `Open profile · ${profile.environment === 'real' ? 'Real tenant' : 'Sandbox'}`, command: { kind: 'go', path: `/profiles/${profile.id}` } })
  }
  for (const action of actions(sandboxEnabled)) {
    if (matches(text, action.label)) items.push({ ...action, id: `action-${items.length}`, group: 'Actions' })
  }
  return items
}
