/**
 * The people the palette jumped to lately, most recent first, kept in localStorage across starts.
 * Names only: no email, id or anything else about the person, and never a secret.
 */
const storageKey = 'lanyard.palette.recentPeople'
export const recentPeopleLimit = 5

export function readRecentPeople(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]')
    return Array.isArray(stored) ? stored.filter((name): name is string => typeof name === 'string').slice(0, recentPeopleLimit) : []
  } catch {
    // Unreadable (edited by hand, storage off): start again rather than fail the palette.
    return []
  }
}

export function rememberPerson(name: string): string[] {
  const recent = [name, ...readRecentPeople().filter((known) => known.toLowerCase() !== name.toLowerCase())].slice(0, recentPeopleLimit)
  try {
    localStorage.setItem(storageKey, JSON.stringify(recent))
  } catch {
    // Storage full or off: the jump still happens, it is just not remembered.
  }
  return recent
}
