import { csvFile, fileNamePart } from '../../../../shared/csv'
import { localDateTime } from '../../../../shared/dates'
import type { Person } from '../../../../shared/personGrouping'

/*
 * A People search's results as a CSV file: a line per account found, under the person it was
 * grouped into and why, so a ticket or an audit gets what the cards showed. Only what the search
 * found: a profile that matched more than it read says so on the page, and the file is no more.
 */

const headings = ['Person', 'Application', 'Profile', 'Account name', 'Username', 'Email', 'Status', 'Last sign-in', 'Grouped because']

export function peopleCsv(people: readonly Person[], search: string, now: Date): { fileName: string; content: string } {
  const rows = people.flatMap((person) =>
    person.accounts.map(({ account, reason }) => [
      person.displayName,
      account.application,
      account.profileName,
      account.displayName,
      account.userName ?? '',
      account.email ?? '',
      account.statusLabel,
      account.lastSignInAt ? localDateTime(account.lastSignInAt) : '',
      reason,
    ]),
  )
  return { fileName: `people-${fileNamePart(search)}-${now.toISOString().slice(0, 10)}.csv`, content: csvFile(headings, rows) }
}

/** "the 7 accounts of 3 people found": what the export button holds. */
export function peopleExportScope(people: readonly Person[]): string {
  const accounts = people.reduce((sum, person) => sum + person.accounts.length, 0)
  return `the ${accounts === 1 ? '1 account' : `${accounts} accounts`} of ${people.length === 1 ? '1 person' : `${people.length} people`} found`
}
