import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import ConnectorPicker from './features/profiles/ConnectorPicker.vue'
import ProfileFormView from './features/profiles/form/ProfileFormView.vue'
import ProfileHome from './features/profiles/ProfileHome.vue'
import ProfilesView from './features/profiles/list/ProfilesView.vue'

/**
 * Hash history: Electron loads the renderer from file://, where a path-based URL would point at
 * another file. Per-profile directory views will be children of `/profiles/:id`.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/profiles' },
  { path: '/profiles', name: 'profiles', component: ProfilesView },
  { path: '/profiles/new', name: 'profile-new', component: ConnectorPicker },
  { path: '/profiles/new/:connectorId', name: 'profile-create', component: ProfileFormView, props: true },
  { path: '/profiles/:id/edit', name: 'profile-edit', component: ProfileFormView, props: true },
  { path: '/profiles/:id', name: 'profile-home', component: ProfileHome, props: true },
  { path: '/:unknown(.*)*', redirect: '/profiles' },
]

export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
