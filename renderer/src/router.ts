import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import ActivityView from './features/activity/ActivityView.vue'
import JobPage from './features/jobs/JobPage.vue'
import JobsView from './features/jobs/JobsView.vue'
import DirectoryListView from './features/directory/list/DirectoryListView.vue'
import PeopleView from './features/people/PeopleView.vue'
import PersonPage from './features/people/PersonPage.vue'
import ProfileAboutTab from './features/directory/list/ProfileAboutTab.vue'
import ConnectorPicker from './features/profiles/ConnectorPicker.vue'
import ProfileFormView from './features/profiles/form/ProfileFormView.vue'
import ProfileHome from './features/profiles/ProfileHome.vue'
import ProfilesView from './features/profiles/list/ProfilesView.vue'

/**
 * Hash history: Electron serves the renderer's files from app://lanyard, where a path-based URL
 * would ask for another file (and a reload on it would find none). Per-profile directory views will be children of `/profiles/:id`.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/people' },
  { path: '/people', name: 'people', component: PeopleView },
  // The key is one of the person's accounts (`profileId:userId`), so it stays valid while results stream in.
  { path: '/people/:personKey', name: 'person', component: PersonPage, props: true },
  { path: '/profiles', name: 'profiles', component: ProfilesView },
  { path: '/profiles/new', name: 'profile-new', component: ConnectorPicker },
  { path: '/profiles/new/:connectorId', name: 'profile-create', component: ProfileFormView, props: true },
  { path: '/profiles/:id/edit', name: 'profile-edit', component: ProfileFormView, props: true },
  {
    path: '/profiles/:id',
    name: 'profile-home',
    component: ProfileHome,
    props: true,
    // Static segments outrank `:objectType`, so `about` and `new` are never taken for object types.
    children: [
      { path: 'about', name: 'profile-about', component: ProfileAboutTab, props: true },
      { path: ':objectType', name: 'directory-list', component: DirectoryListView, props: true },
      { path: ':objectType/new', name: 'directory-new', component: DirectoryListView, props: (route) => ({ ...route.params, creating: true }) },
      { path: ':objectType/:objectId', name: 'directory-object', component: DirectoryListView, props: true },
    ],
  },
  { path: '/jobs', name: 'jobs', component: JobsView },
  { path: '/jobs/:jobId', name: 'job', component: JobPage, props: true },
  { path: '/activity', name: 'activity', component: ActivityView },
  { path: '/:unknown(.*)*', redirect: '/profiles' },
]

export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
