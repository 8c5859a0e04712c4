// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useUiStore } from '../../../renderer/src/stores/ui'
import { accountKey } from '../../../shared/personGrouping'
import type { JournalOperation } from '../../../shared/journal'
import type { PersonAccount } from '../../../shared/people'
import { journalEntry } from '../activity/journalEntries'
import { danaLee, peopleProfiles } from '../../support/personAccounts'
import { mountPeople, typeSearch, type MountedPeople } from './mountPeople'

const { okta, cognito, coupa, gotomeeting } = peopleProfiles
let dana: PersonAccount[]

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  // Okta, Cognito and Coupa; GoToMeeting has nobody of that name.
  dana = danaLee().slice(0, 3)
})
enableAutoUnmount(afterEach)
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

async function openDana(accounts = dana, before: (mounted: MountedPeople) => void = () => undefined): Promise<MountedPeople> {
  const byProfile = (profileId: string) => accounts.filter((account) => account.profileId === profileId)
  const mounted = await mountPeople(
    { [okta.profileId]: byProfile(okta.profileId), [cognito.profileId]: byProfile(cognito.profileId), [coupa.profileId]: byProfile(coupa.profileId), [gotomeeting.profileId]: [] },
    { autoAnswer: [okta.profileId, cognito.profileId, coupa.profileId, gotomeeting.profileId] },
  )
  before(mounted)
  await typeSearch(mounted.wrapper, 'dana')
  await mounted.wrapper.get('.person-card__open').trigger('click')
  await flushPromises()
  return mounted
}

/** Each account's badges beside its status, one string per account. */
const statusBadges = (mounted: MountedPeople) => mounted.wrapper.findAll('.person-accounts__status').map((cell) => cell.findAll('.badge').map((badge) => badge.text()).join(' '))
const columns = (mounted: MountedPeople) => mounted.wrapper.findAll('.person-accounts thead th').map((cell) => cell.text())
const offboardCalls = (mounted: MountedPeople) => mounted.api.callsTo('people.offboard') as { accounts: { profileId: string; userId: string }[]; operationId?: string }[]

async function planAndConfirm(mounted: MountedPeople, untick: string[] = []): Promise<void> {
  await mounted.wrapper.get('button.app-button--danger').trigger('click')
  await flushPromises()
  for (const application of untick) {
    const step = mounted.wrapper.findAll('.plan__step').find((candidate) => candidate.text().includes(application))
    await step?.get('input[type="checkbox"]').setValue(false)
  }
  await mounted.wrapper.get('.plan__confirm').trigger('click')
  await flushPromises()
}

describe('the person page', () => {
  it('shows every account side by side, counts groups with one request per kind of membership, links to each account and lists where none was found', async () => {
    const mounted = await openDana()

    expect(mounted.router.currentRoute.value.name).toBe('person')
    expect(columns(mounted)).toEqual(['AWS Cognito', 'Coupa', 'Okta'])
    // Okta and Cognito have groups; Coupa has content groups, roles, approval groups and account groups.
    expect(mounted.api.callsTo('directory.groupsOf')).toHaveLength(1 + 1 + 4)
    expect(mounted.wrapper.findAll('.person-accounts__groups').map((cell) => cell.text())).toEqual(['3', '3 content groups · 3 roles · 3 approval groups · 3 account groups', '3'])
    expect(mounted.wrapper.find(`a[href="/profiles/${okta.profileId}/users/00u-dana"]`).exists()).toBe(true)
    expect(mounted.wrapper.get('.person__missing').text()).toContain('GoToMeeting Sandbox: No account found — searched the start of a username, email or name for "dana".')
  })

  it("counts every kind of membership a target has: Coupa's roles and its three kinds of group, not one of them", async () => {
    const coupaTotals: Record<string, number> = { groups: 1, roles: 4, 'user-groups': 2, 'account-groups': 0 }
    const mounted = await openDana(dana, ({ api }) =>
      api.answer('directory.groupsOf', ({ profileId, relatedType }) => ({
        ok: true,
        value: { items: [], nextCursor: null, total: profileId === coupa.profileId ? coupaTotals[relatedType ?? 'groups']! : 3 },
      })),
    )

    // Columns: AWS Cognito, Coupa, Okta. A kind the person holds none of is left out.
    expect(mounted.wrapper.findAll('.person-accounts__groups').map((cell) => cell.text())).toEqual(['3', '1 content group · 4 roles · 2 approval groups', '3'])
    expect(mounted.api.callsTo('directory.groupsOf')).toHaveLength(2 + 4)
  })

  it('splits a wrong account out, and adds it back by hand', async () => {
    const mounted = await openDana()

    await mounted.wrapper.get('button[aria-label^="Not this person: split the Coupa account"]').trigger('click')
    expect(columns(mounted)).toEqual(['AWS Cognito', 'Okta'])

    await mounted.wrapper.get('button[aria-label^="Add Dana Lee\'s Coupa account"]').trigger('click')
    expect(columns(mounted)).toEqual(['AWS Cognito', 'Coupa', 'Okta'])
    expect(mounted.wrapper.text()).toContain('added by hand')
  })

  it('keeps the page on the person when the account it is keyed by is split out', async () => {
    const mounted = await openDana()
    const keyedBy = mounted.router.currentRoute.value.params.personKey

    await mounted.wrapper.get('button[aria-label^="Not this person: split the AWS Cognito account"]').trigger('click')
    await flushPromises()

    expect(mounted.router.currentRoute.value.params.personKey).not.toBe(keyedBy)
    expect(columns(mounted)).toEqual(['Coupa', 'Okta'])
  })

  it('plans first, shows skipped accounts with the reason, and offboards only the ticked ones', async () => {
    dana[1] = { ...dana[1]!, state: 'deprovisioned', statusLabel: 'Disabled' }
    const mounted = await openDana()

    await mounted.wrapper.get('button.app-button--danger').trigger('click')
    await flushPromises()
    const plan = mounted.wrapper.get('[aria-label="Offboarding plan"]')
    expect(plan.text()).toContain('Skipped: Already deprovisioned (Disabled)')
    expect(plan.text()).toContain('Recorded for undo: status ACTIVE; groups: Sales')
    expect(mounted.wrapper.get('.plan__confirm').text()).toBe('Offboard 2 accounts')

    await planAndConfirm(mounted, ['Coupa'])

    expect(offboardCalls(mounted)).toEqual([{ personName: 'Dana Lee', accounts: [{ profileId: okta.profileId, userId: '00u-dana' }] }])
  })

  it('takes an optional ticket or reason in the plan and sends it trimmed with the offboarding', async () => {
    const mounted = await openDana()
    await mounted.wrapper.get('button.app-button--danger').trigger('click')
    await flushPromises()
    await mounted.wrapper.get('.plan__reason input[name="change-reason"]').setValue('  INC-4711 leaver ')
    await mounted.wrapper.get('.plan__confirm').trigger('click')
    await flushPromises()
    expect(offboardCalls(mounted)).toEqual([expect.objectContaining({ personName: 'Dana Lee', reason: 'INC-4711 leaver' })])
  })

  it('runs with a progress row per account; one failure does not stop the others, and Retry failed retries only it', async () => {
    const mounted = await openDana()
    const coupaKey = accountKey(dana[2]!)
    mounted.main.failNext.set(coupaKey, { code: 'rate_limited', message: 'Coupa is limiting requests. Wait a minute, then retry.' })

    await planAndConfirm(mounted)

    const row = (key: string) => mounted.wrapper.get(`.offboard-progress__row[data-key="${key}"]`).text()
    expect(row(coupaKey)).toContain('Failed')
    expect(row(coupaKey)).toContain('Coupa is limiting requests. Wait a minute, then retry.')
    expect(row(accountKey(dana[0]!))).toContain('Done')
    expect(mounted.wrapper.get('.offboard-progress__summary').text()).toContain('Done in 2 of 3 accounts')
    expect(mounted.wrapper.get('.offboard-progress__summary').text()).toContain('Failed: Coupa · Coupa Sandbox (Coupa is limiting requests. Wait a minute, then retry).')
    // The search's statuses are from before: each account says how its offboarding went.
    expect(statusBadges(mounted)).toEqual([
      'Enabled Offboarding: done',
      'active Offboarding: failed',
      'ACTIVE Offboarding: done',
    ])
    expect(document.activeElement).toBe(mounted.wrapper.get('.offboard-progress').element)

    await mounted.wrapper.findAll('button').find((button) => button.text().startsWith('Retry failed'))?.trigger('click')
    await flushPromises()

    expect(offboardCalls(mounted)[1]).toEqual({ personName: 'Dana Lee', accounts: [{ profileId: coupa.profileId, userId: '41' }], operationId: 'op-1' })
    expect(row(coupaKey)).toContain('Done')
    expect(mounted.wrapper.get('.offboard-progress__summary').text()).toBe('Offboarded Dana Lee in 3 of 3 accounts.')
  })

  it('reads the accounts again after the offboarding and after its undo: one search each, and the statuses shown are the targets\' own', async () => {
    const mounted = await openDana()
    const searchesBefore = mounted.main.searches.length
    await planAndConfirm(mounted)
    // The fake main answers each profile's search on the next timer, as main does when it has answered.
    await vi.runAllTimersAsync()

    expect(mounted.main.searches.length).toBe(searchesBefore + 1)
    expect(statusBadges(mounted)).toEqual([
      'DEPROVISIONED Offboarding: done',
      'DEPROVISIONED Offboarding: done',
      'DEPROVISIONED Offboarding: done',
    ])

    await mounted.wrapper.findAll('button').find((button) => button.text() === 'Undo offboarding')?.trigger('click')
    useUiStore().settleConfirmation(true)
    await flushPromises()
    await vi.runAllTimersAsync()

    expect(mounted.main.searches.length).toBe(searchesBefore + 2)
    expect(statusBadges(mounted)).toEqual(['Enabled Offboarding undone', 'active Offboarding undone', 'ACTIVE Offboarding undone'])
  })

  it('keeps an account on the page, greyed, when its application fails the re-read after the offboarding', async () => {
    const mounted = await openDana()
    mounted.main.failSearches.set(coupa.profileId, { code: 'network', message: 'Coupa did not answer. Check the connection, then search again.' })
    await planAndConfirm(mounted)
    await vi.runAllTimersAsync()

    expect(columns(mounted)).toEqual(['AWS Cognito', 'Coupa', 'Okta'])
    expect(mounted.wrapper.text()).not.toContain('No account found in Coupa')
  })

  it('undoes the offboarding after one confirmation and reports per account which are back', async () => {
    const mounted = await openDana()
    await planAndConfirm(mounted)
    mounted.main.undoDifferences.set(accountKey(dana[2]!), ['Still not in Buyers'])

    await mounted.wrapper.findAll('button').find((button) => button.text() === 'Undo offboarding')?.trigger('click')
    expect(useUiStore().confirmation?.confirmLabel).toBe('Undo offboarding')
    useUiStore().settleConfirmation(true)
    await flushPromises()

    expect(mounted.api.callsTo('journal.undoOperation')).toEqual([{ operationId: 'op-1' }])
    const report = mounted.wrapper.get('[aria-label="Result of the undo"]').text()
    expect(report).toContain('2 of 3 accounts are back')
    expect(report).toContain('Coupa · Coupa Sandbox: not back')
    expect(report).toContain('Still not in Buyers')
    // Beside each account's status, no longer "Offboarding: done" once the undo brought it back.
    expect(statusBadges(mounted)).toEqual([
      'Enabled Offboarding undone',
      'active Undo: not back',
      'ACTIVE Offboarding undone',
    ])
    expect(mounted.wrapper.findAll('button').some((button) => button.text() === 'Undo offboarding')).toBe(false)
  })

  it('after a restart finds the offboarding through the journal and offers Undo there', async () => {
    const offboarded = dana.map((account) => ({ ...account, state: 'deprovisioned' as const, statusLabel: 'SUSPENDED' }))
    const mounted = await openDana(offboarded, ({ main }) => main.operations.set('op-earlier', earlierOffboarding()))

    expect(mounted.api.callsTo('journal.operation')).toEqual([{ operationId: 'op-earlier' }])
    expect(mounted.wrapper.get('.offboard-progress').text()).toContain('Offboarding of Dana Lee')
    await mounted.wrapper.findAll('button').find((button) => button.text() === 'Undo offboarding')?.trigger('click')
    useUiStore().settleConfirmation(true)
    await flushPromises()
    expect(mounted.api.callsTo('journal.undoOperation')).toEqual([{ operationId: 'op-earlier' }])
  })

  it('coming back to the page finds an offboarding made meanwhile elsewhere', async () => {
    const offboarded = dana.map((account) => ({ ...account, state: 'deprovisioned' as const, statusLabel: 'SUSPENDED' }))
    const mounted = await openDana(offboarded)
    expect(mounted.wrapper.find('.offboard-progress').exists()).toBe(false)

    mounted.main.operations.set('op-earlier', earlierOffboarding())
    await mounted.router.push('/people')
    await mounted.router.push(`/people/${encodeURIComponent(accountKey(offboarded[0]!))}`)
    await flushPromises()

    expect(mounted.wrapper.get('.offboard-progress').text()).toContain('Offboarding of Dana Lee')
  })
})

/** An offboarding of Dana's Okta account as the journal keeps it from an earlier session. */
function earlierOffboarding(): JournalOperation {
  const [entry] = [journalEntry({ id: 'e1', profileId: okta.profileId, target: { objectType: 'users', id: '00u-dana', name: 'Dana Lee' }, operationId: 'op-earlier' })]
  return {
    id: 'op-earlier',
    time: '2026-12-05T10:00:00.000Z',
    actor: 'helpdesk',
    action: 'offboard',
    title: 'Offboarding of Dana Lee',
    undoOf: null,
    entries: [entry],
    undo: { available: true, reason: null, undoneBy: null, undoable: 1 },
  }
}
