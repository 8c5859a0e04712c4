// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectionReport } from '../../../../shared/directory'
import type { Result } from '../../../../shared/errors'
import ConnectionTest from '../../../../renderer/src/features/directory/list/ConnectionTest.vue'
import { profileView } from '../../support/fakeLanyardApi'
import { freshStoresWithApi } from '../../support/storeSetup'
import { deferred } from './listFixtures'

/* "Testing…" against a target answering busy said nothing of the retries the test waited for. */
enableAutoUnmount(afterEach)

describe('Test connection waiting out a retry', () => {
  it('says the wait beside "Testing…", and nothing once the test has answered', async () => {
    const answer = deferred<Result<ConnectionReport>>()
    const api = freshStoresWithApi({ 'directory.testConnection': () => answer.promise })
    const profile = profileView({ name: 'Okta prod' })
    const wrapper = mount(ConnectionTest, { props: { profile } })
    await wrapper.find('button').trigger('click')
    api.emit('retries.changed', { profileId: profile.id, waiting: 1, retry: { attempt: 1, of: 3, waitMs: 2_000, reason: 'network' } })
    await flushPromises()
    expect(wrapper.find('button').text()).toBe('Testing…')
    expect(wrapper.find('[data-test="retry-wait"]').text()).toBe('No answer from Okta: retry 1 of 3 in 2 s.')

    answer.resolve({ ok: true, value: { summary: 'Connected to Okta.', facts: [] } })
    await flushPromises()
    expect(wrapper.find('[data-test="retry-wait"]').exists()).toBe(false)
  })
})
