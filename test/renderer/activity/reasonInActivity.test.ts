// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { installApi } from '../../../renderer/src/api/lanyardApi'
import { entryFacts, matchesFilter, prepareFilter } from '../../../shared/journalFilter'
import { createFakeLanyardApi, profileView } from '../support/fakeLanyardApi'
import { journalEntry, onePage } from './journalEntries'
import { mountActivityView } from './mountActivityView'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('the ticket or reason in Activity', () => {
  it('is shown on the row and in its details, with an override of the own account', async () => {
    setActivePinia(createPinia())
    const entry = journalEntry({ reason: 'INC-4711 leaver', ownAccountOverride: 'Token moved to the new admin' })
    installApi(
      createFakeLanyardApi({
        'profiles.list': () => ({ ok: true, value: [profileView({ id: entry.profileId, name: entry.profileName, environment: 'real' })] }),
        'journal.list': () => onePage([entry]),
      }),
    )
    const { wrapper } = await mountActivityView()
    const row = wrapper.get(`#entry-row-${entry.id}`)
    expect(row.text()).toContain('Ticket or reason: INC-4711 leaver')

    await row.get('.activity-row__expand').trigger('click')
    const details = wrapper.get('section[aria-label="Why"]')
    expect(details.text()).toContain('Ticket or reason: INC-4711 leaver')
    expect(details.text()).toContain('deprovisioned anyway because: Token moved to the new admin')
  })

  it('is matched by the search, as main matches it, so an announced entry is placed the same way', () => {
    const entry = journalEntry({ reason: 'INC-4711 leaver' })
    expect(matchesFilter(entryFacts(entry), prepareFilter({ user: 'inc-4711' }))).toBe(true)
    expect(matchesFilter(entryFacts(entry), prepareFilter({ user: 'INC-9' + '999' }))).toBe(false)
  })
})
