// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { installApi } from '../../../renderer/src/api/lanyardApi'
import ObjectIdField from '../../../renderer/src/features/jobs/ObjectIdField.vue'
import { useJobDraftStore } from '../../../renderer/src/stores/jobDraft'
import type { DirectoryObject } from '../../../shared/directory'
import { createFakeLanyardApi, type FakeAnswers } from '../support/fakeLanyardApi'
import { oktaProfileId } from './jobFixtures'

enableAutoUnmount(afterEach)
afterEach(() => vi.useRealTimers())

const sales: DirectoryObject = { id: '00g-sales', objectType: 'groups', displayName: 'Sales', secondary: '', status: null, attributes: {}, readOnlyReason: null }

async function mountField(answers: FakeAnswers) {
  setActivePinia(createPinia())
  const api = createFakeLanyardApi(answers)
  installApi(api)
  useJobDraftStore().profileId = oktaProfileId
  const value = ref('')
  const Host = defineComponent(() => () => h(ObjectIdField, { label: 'Group', name: 'job-group', objectType: 'groups', modelValue: value.value, 'onUpdate:modelValue': (next: string) => (value.value = next) }))
  const wrapper = mount(Host, { attachTo: document.body })
  const type = async (text: string) => {
    await wrapper.get('input').setValue(text)
    await flushPromises()
  }
  return { wrapper, api, type, note: () => wrapper.get('.object-field__note').text() }
}

/*
 * The group (or user) of a job is taken by id: once picked, the box shows an id nobody can read,
 * and a search that failed or found nothing offered nothing without a word. The field says which
 * object the id is, that nothing matched, or why the search failed.
 */
describe('the group or user of a job', () => {
  it('names the object picked by its id, and says when nothing matches', async () => {
    const field = await mountField({ 'directory.list': ({ search }) => ({ ok: true, value: { items: search === 'Sal' ? [sales] : [], nextCursor: null, total: null } }) })
    await field.type('Sal')
    await field.type('00g-sales')
    expect(field.note()).toBe('Sales')
    await field.type('Nothing like it')
    expect(field.note()).toBe('No match for "Nothing like it". An id typed by hand is taken as is.')
  })

  it('says why the search failed', async () => {
    const field = await mountField({ 'directory.list': () => ({ ok: false, error: { code: 'network', message: 'Okta did not answer.' } }) })
    await field.type('Sal')
    expect(field.note()).toBe('Could not search: Okta did not answer. An id typed by hand is taken as is.')
  })

  it('cancels the search out by the field\'s key, and sends a newer text just before one waiting out a retry would be sent again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const searches: { search?: string; requestKey?: string }[] = []
    const field = await mountField({ 'directory.list': (input) => (searches.push(input), new Promise(() => {})) })
    await field.type('Sal')
    field.api.emit('retries.changed', { profileId: oktaProfileId, waiting: 1, retry: { attempt: 1, of: 3, waitMs: 3_000, reason: 'server_busy' } })
    await field.type('Sales')
    await vi.advanceTimersByTimeAsync(2_900)
    expect(searches.map((input) => input.search)).toEqual(['Sal'])
    await vi.advanceTimersByTimeAsync(100)
    expect(searches).toEqual([expect.objectContaining({ search: 'Sal', requestKey: 'job-field:job-group' }), expect.objectContaining({ search: 'Sales', requestKey: 'job-field:job-group' })])
    vi.useRealTimers()
  })
})
