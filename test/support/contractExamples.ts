import type { CallInput, CallName, EventName, EventPayload } from '../../shared/contract'
import type { JournalEntry } from '../../shared/journal'

/*
 * One valid input for every contract call, with every optional string field filled in: a starting
 * point for tests that spoil one field at a time (test/shared/contractInput.test.ts, the bridge fuzz).
 * The profile and object ids are well-formed but name nothing.
 */

const profileId = '7d1f0e0e-5b6a-4c1d-8e2f-0a1b2c3d4e5f'
const newUser = { userName: 'ada@example.com', 'name.givenName': 'Ada', 'Extension.Custom.tags': ['a', 'b'], active: true }

export const validExamples: { [N in CallName]: CallInput<N> } = {
  'app.info': {},
  'app.openExternal': { url: 'https://example.com/help' },
  'app.setSandbox': { enabled: false },
  'profiles.list': {},
  'profiles.get': { profileId },
  'profiles.create': { connectorId: 'okta', name: 'Okta prod', environment: 'real', values: { url: 'https://acme.okta.com' }, secrets: { token: 'SSWS-1' } },
  'profiles.update': { profileId, name: 'Okta', environment: 'real', values: { url: 'https://acme.okta.com' }, secrets: { token: 'new' } },
  'profiles.duplicate': { profileId, name: 'Okta copy' },
  'profiles.delete': { profileId },
  'profiles.export': { profileIds: [profileId] },
  'profiles.importPreview': { content: '{\n  "format": "lanyard-profiles"\n}' },
  'profiles.import': { content: '{}', resolutions: [{ index: 0, action: 'rename', name: 'Okta again' }] },
  'directory.testConnection': { profileId },
  'directory.list': { profileId, objectType: 'users', search: 'ada', cursor: 'after-00u1', pageSize: 10, requestKey: 'users-table' },
  'directory.get': { profileId, objectType: 'users', objectId: '00u1' },
  'directory.create': { profileId, objectType: 'users', attributes: newUser, password: 'pw-1', groups: ['00g1'] },
  'directory.update': { profileId, objectType: 'users', objectId: '00u1', changes: { title: 'Engineer', 'Extension.Description': null } },
  'directory.delete': { profileId, objectType: 'users', objectId: '00u1', confirmName: 'Ada Lovelace' },
  'directory.members': { profileId, objectType: 'groups', objectId: '00g1', cursor: 'c-2', pageSize: 10, requestKey: 'members' },
  'directory.groupsOf': { profileId, objectType: 'users', objectId: '00u1', relatedType: 'roles', cursor: 'c-2', requestKey: 'groups' },
  'directory.addMember': { profileId, groupType: 'groups', groupId: '00g1', userId: '00u1' },
  'directory.removeMember': { profileId, groupType: 'groups', groupId: '00g1', userId: '00u1' },
  'directory.deprovision': { profileId, userId: '00u1' },
  'directory.accountAction': { profileId, objectType: 'users', objectId: '00u1', action: 'unlock' },
  'directory.checkCreate': { profileId, objectType: 'users', attributes: newUser },
  'directory.attributeSchema': { profileId, objectType: 'users' },
  'directory.checkDeprovision': { profileId, userId: '00u1' },
  'directory.licences': { profileId, objectType: 'users', objectId: '00u1' },
  'directory.changeLicence': { profileId, objectType: 'users', objectId: '00u1', licenseKey: '7902142105473202120', change: 'assign' },
  'directory.cancel': { requestKey: 'users-table' },
  'directory.cancelChange': { entryId: 'entry-1' },
  'journal.list': { profileId, user: 'ada', action: 'create', from: '2026-11-01', to: '2026-11-30', limit: 20 },
  'journal.get': { entryId: 'entry-1' },
  'journal.undoableFor': { profileId, userId: '00u1' },
  'journal.unsettledFor': { profileId, userId: '00u1' },
  'journal.verify': {},
  'journal.export': { format: 'csv', filter: { user: 'ada', profileId } },
  'journal.undo': { entryId: 'entry-1' },
  'journal.operation': { operationId: 'operation-1' },
  'journal.undoOperation': { operationId: 'operation-1' },
  'journal.complete': { entryId: 'entry-1', choice: 'finish', password: 'pw-2' },
  'journal.finishDeprovision': { entryId: 'entry-1' },
  'journal.reconciled': {},
  'journal.settle': { entryId: 'entry-1' },
  'people.search': { search: 'dana.lee', profileSet: 'sandbox', searchKey: 'people-view' },
  'people.cancel': { searchKey: 'people-view' },
  'people.planOffboarding': { accounts: [{ profileId, userId: '00u1' }] },
  'people.offboard': { personName: 'Dana Lee', accounts: [{ profileId, userId: '00u1' }], operationId: 'operation-1', reason: 'INC-4711 leaver' },
  'jobs.readList': { fileName: 'leavers.csv', text: 'email\ndana.lee@example.com\n' },
  'jobs.plan': { kind: 'offboard', profileSet: 'sandbox', lines: ['dana.lee@example.com', 'Sam Khan'] },
  'jobs.start': { planId: 'plan-1' },
  'jobs.pause': { jobId: 'job-1' },
  'jobs.resume': { jobId: 'job-1' },
  'jobs.cancel': { jobId: 'job-1' },
  'jobs.list': {},
  'jobs.get': { jobId: 'job-1' },
  'jobs.retryFailed': { jobId: 'job-1' },
  'jobs.undo': { jobId: 'job-1' },
  'jobs.exportResults': { jobId: 'job-1' },
}

/** An applied deprovision, as `journal.appended` carries it. */
const appliedDeprovision: JournalEntry = {
  id: 'entry-1',
  time: '2026-12-01T09:00:00.000Z',
  actor: 'helpdesk.anna',
  action: 'deprovision',
  profileId,
  profileName: 'Okta prod',
  connectorId: 'okta',
  target: { objectType: 'users', id: '00u1', name: 'Ada Lovelace' },
  related: null,
  summary: 'Suspended Ada Lovelace (kept 1 group on record)',
  changes: [],
  outcome: { status: 'applied', time: '2026-12-01T09:00:01.000Z', message: 'Done.', steps: [], reconciled: false, details: {} },
  recorded: { status: 'ACTIVE', groups: ['Engineering'] },
  undo: { available: true, reason: null, undoneBy: null },
  undoOf: null,
  completion: null,
  completes: null,
  operationId: null,
  reason: 'INC-4711 leaver',
  ownAccountOverride: null,
}

/**
 * One valid payload for every contract event, every field filled in: the doors' event tests
 * (test/electron/services/contractEvents.test.ts) send each with extra and secret-like fields added.
 * A new event fails the typecheck here until it has an example.
 */
export const validEventExamples: { [E in EventName]: EventPayload<E> } = {
  'profiles.changed': { profileIds: [profileId] },
  'directory.changed': { profileId, objectType: 'users', ids: ['00u1'] },
  'journal.appended': { entryId: 'entry-1', entry: appliedDeprovision },
  'budget.changed': { profileId, family: 'user:read', remaining: 12, limit: 600, resetsAt: '2026-12-01T09:01:00.000Z', queued: 3 },
  'retries.changed': { profileId, waiting: 1, retry: { attempt: 1, of: 3, waitMs: 2000, reason: 'server_busy' } },
  'changes.progress': {
    entryId: 'entry-1',
    profileId,
    objectId: '00u1',
    steps: [
      { name: 'Suspend Ada Lovelace', status: 'applied' },
      { name: 'Remove from Finance', status: 'running' },
    ],
    retry: { attempt: 2, of: 5, waitMs: 4000, reason: 'rate_limit' },
  },
  'people.results': {
    searchId: 'search-1',
    profileId,
    status: 'found',
    accounts: [
      {
        profileId,
        profileName: 'Okta',
        connectorId: 'okta',
        application: 'Okta',
        userId: '00u1',
        displayName: 'Dana Lee',
        userName: 'dana.lee@example.com',
        email: 'dana.lee@example.com',
        otherEmails: ['dlee@example.com'],
        givenName: 'Dana',
        familyName: 'Lee',
        state: 'active',
        statusLabel: 'ACTIVE',
        lastSignInAt: '2026-12-01T08:00:00.000Z',
      },
    ],
    truncated: false,
    searched: 'name, email, login or status',
    error: { code: 'network', message: 'Okta did not answer.' },
  },
  'people.offboardProgress': { operationId: 'operation-1', profileId, userId: '00u1', state: 'done', entryId: 'entry-1', message: 'Deprovisioned.' },
  'jobs.progress': {
    job: {
      id: 'job-1',
      kind: 'offboard',
      title: 'Offboard 2 people',
      operationId: 'operation-1',
      state: 'running',
      createdAt: '2026-12-01T09:00:00.000Z',
      finishedAt: null,
      counts: { total: 2, done: 1, failed: 0, skipped: 0, left: 1 },
      rates: [{ profileId, profileName: 'Okta', requestsPerSecond: 8.5, requestsSent: 85, families: [{ family: 'user:write', requestsPerSecond: 8.5, limitPerSecond: 10, requestsSent: 85 }] }],
      secondsLeft: 1,
      undoOf: null,
    },
    changes: [{ index: 0, line: 1, state: 'done', message: 'Deprovisioned.', entryId: 'entry-1', error: null }],
  },
}
