import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { getActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import ActivityView from '../../../renderer/src/features/activity/ActivityView.vue'
import { routes } from '../../../renderer/src/router'
import { useProfilesStore } from '../../../renderer/src/stores/profiles'

/**
 * The Activity view at `path` on the test's active pinia and fake api, with the profiles loaded
 * as App.vue loads them at start-up; attached to the document so the confirmation dialog and focus work.
 */
export async function mountActivityView(path = '/activity'): Promise<{ wrapper: VueWrapper; router: Router }> {
  const pinia = getActivePinia()
  if (!pinia) throw new Error('Set an active pinia (and install a fake api) before mounting the Activity view.')
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  await useProfilesStore().load()
  const wrapper = mount(ActivityView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}
