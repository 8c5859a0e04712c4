import type { PersonAccount, ProfileSet } from '../../../../shared/people'
import { useApi } from '../../api/lanyardApi'

/** A person as the palette lists them: a name, how to find them again, and where they have accounts. */
export interface PalettePerson {
  name: string
  email: string | null
  applications: string[]
}

/**
 * The palette's one way to find people: `searchPeople(text, profileSet, onPeople)` starts a search
 * and calls `onPeople` with everyone found so far each time a profile answers (results stream in),
 * or with a problem when the search could not start;
 * the function it returns stops listening and cancels the search still running in every profile.
 * Written against `people.search` directly (the People store is another part's work): a store that
 * offers the same can stand behind this function without the palette changing.
 */
export type SearchPeople = (text: string, profileSet: ProfileSet, onPeople: (people: PalettePerson[], problem?: string) => void) => () => void

/** One key for every palette search: a new one cancels the one still running, in every profile. */
const searchKey = 'command-palette'

/** The palette's own rough grouping, enough to list a name once: by email (any case), else by name. */
export function peopleFromAccounts(accounts: readonly PersonAccount[]): PalettePerson[] {
  const byKey = new Map<string, PalettePerson>()
  for (const account of accounts) {
    const key = account.email ? `email:${account.email.toLowerCase()}` : `name:${account.displayName.toLowerCase()}`
    const person = byKey.get(key) ?? { name: account.displayName, email: account.email, applications: [] }
    if (!person.applications.includes(account.application)) person.applications.push(account.application)
    byKey.set(key, person)
  }
  return [...byKey.values()]
}

export const searchPeople: SearchPeople = (text, profileSet, onPeople) => {
  const api = useApi()
  const accounts: PersonAccount[] = []
  let searchId: string | null = null
  /** Answers that came before `people.search` said which search is ours. */
  const early: { searchId: string; accounts: PersonAccount[] }[] = []
  let stopped = false

  const take = (found: PersonAccount[]) => {
    accounts.push(...found)
    onPeople(peopleFromAccounts(accounts))
  }
  const unsubscribe = api.on('people.results', (results) => {
    if (stopped || results.status !== 'found') return
    if (searchId === null) early.push(results)
    else if (results.searchId === searchId) take(results.accounts)
  })
  void api.invoke('people.search', { search: text, profileSet, searchKey }).then((result) => {
    if (stopped) return
    if (!result.ok) {
      onPeople([], result.error.message)
      return
    }
    searchId = result.value.searchId
    for (const results of early) if (results.searchId === searchId) take(results.accounts)
  })
  return () => {
    if (stopped) return
    stopped = true
    unsubscribe()
    void api.invoke('people.cancel', { searchKey })
  }
}
