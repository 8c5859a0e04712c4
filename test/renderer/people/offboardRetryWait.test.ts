// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { accountKey } from '../../../shared/personGrouping'
import OffboardProgress from '../../../renderer/src/features/people/OffboardProgress.vue'
import { useOffboardingStore } from '../../../renderer/src/stores/offboarding'
import { danaLee, peopleProfiles } from '../../support/personAccounts'
import { freshStoresWithApi } from '../support/storeSetup'

/*
 * An offboarding's account that waits out a retry (its target answered busy, or its rate limit is
 * spent) said only "Running" for as long as the wait lasted. Its row now says what it waits for.
 */
enableAutoUnmount(afterEach)

describe("an offboarding's progress per account", () => {
  it('says the retry a running account waits for, and not once it is done', async () => {
    const api = freshStoresWithApi()
    const [okta, cognito, coupa] = danaLee()
    const offboarding = useOffboardingStore()
    const step = (state: 'running' | 'done') => ({ state, entryId: null, message: null, error: null })
    offboarding.progress = { [accountKey(okta)]: step('done'), [accountKey(coupa)]: step('running'), [accountKey(cognito)]: step('running') }
    const wrapper = mount(OffboardProgress, { props: { personName: 'Dana Lee', accounts: [okta, cognito, coupa] } })
    const row = (key: string) => wrapper.get(`.offboard-progress__row[data-key="${key}"]`)

    api.emit('retries.changed', { profileId: peopleProfiles.coupa.profileId, waiting: 1, retry: { attempt: 2, of: 5, waitMs: 30_000, reason: 'rate_limit' } })
    await flushPromises()
    expect(row(accountKey(coupa)).get('[data-test="retry-wait"]').text()).toBe("Waiting for Coupa's rate limit, retry 2 of 5 in 30 s.")
    expect(row(accountKey(cognito)).find('[data-test="retry-wait"]').exists()).toBe(false)

    offboarding.progress = { ...offboarding.progress, [accountKey(coupa)]: step('done') }
    await flushPromises()
    expect(row(accountKey(coupa)).find('[data-test="retry-wait"]').exists()).toBe(false)
  })
})
