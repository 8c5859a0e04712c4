// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { installApi } from '../../../renderer/src/api/lanyardApi'
import ObjectIdField from '../../../renderer/src/features/jobs/ObjectIdField.vue'
import { useJobDraftStore } from '../../../renderer/src/stores/jobDraft'
import type { DirectoryObject } from '../../../shared/directory'
import { createFakeLanyardApi, type FakeAnswers } from '../support/fakeLanyardApi'
import { oktaProfileId } from './jobFixtures'

enableAutoUnmount(afterEach)

const sales: DirectoryObject = { id: '00g-sales', objectType: 'groups', displayName: 'Sales', secondary: '', status: null, attributes: {}, readOnlyReason: null }

async function mountField(answers: FakeAnswers) {
  setActivePinia(createPinia())
  installApi(createFakeLanyardApi(answers))
  useJobDraftStore().profileId = oktaProfileId
  const value = ref('')
  const Host = defineComponent(() => () => h(ObjectIdField, { label: 'Group', name: 'job-group', objectType: 'groups', modelValue: value.value, 'onUpdate:modelValue': (next: string) => (value.value = next) }))
  const wrapper = mount(Host, { attachTo: document.body })
  const type = async (text: string) => {
    await wrapper.get('input').setValue(text)
    await flushPromises()
  }
  return { wrapper, type, note: () => wrapper.get('.object-field__note').text() }
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
})
