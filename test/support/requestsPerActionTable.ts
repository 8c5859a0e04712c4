import type { ConnectorId } from '../../shared/catalogue/types'

/*
 * What each user action costs at the sandbox tenant, per connector: the one table both the
 * integration test (test/integration/requestsPerAction.test.ts, which asserts `expected`) and the
 * benchmark (test/bench/requestCountsBench.ts, which runs that test and prints what it counted
 * beside this table) read. Nothing here imports Vue, so the benchmark can load it outside vitest.
 */

/** The actions the test takes, in its order. */
export const userActions = [
  'open the users list',
  'search a name',
  'open',
  'deprovision',
  'undo',
  'search groups to add',
  'add membership',
  'remove membership',
  'edit',
  // The first everyday account action the panel offers (shared/accountActions.ts), where the descriptor declares any.
  'account action',
] as const
export type UserAction = (typeof userActions)[number]

/** A help-desk ticket (one leaver): what one morning's deprovision costs a profile's rate limit. */
export const helpDeskMorning: readonly UserAction[] = ['open the users list', 'search a name', 'open', 'deprovision', 'undo']

export interface ActionCost {
  /** The requests the tenant receives, exactly (the test asserts it). */
  expected: number
  /** Where fewer would do: the least the target's API needs for the same result, and why Lanyard sends more. */
  minimum?: { requests: number; why: string }
}

/** What the test records per action and the benchmark prints: the tenant's count and the requests the HTTP client logged. */
export type CountedActions = Partial<Record<UserAction, { count: number; requests: string[] }>>

declare module 'vitest' {
  interface TaskMeta {
    /** Set by the requests-per-action test before it asserts, so the benchmark reads the counts even when one is off. */
    requestsPerAction?: { connectorId: ConnectorId; actions: CountedActions }
  }
}

/*
 * The renderer's share of every change is the same: main reports it (`directory.changed`) and the
 * open user is read once for both the panel and its table row, and each of the panel's membership
 * lists once. A list that reads the user record itself (Coupa's four, kept in the user; GoTo's group
 * list, for its group's key) leaves with the panel's read, and identical reads in flight are sent
 * once (electron/http/sharedReads.ts): before they were, opening a Coupa user cost 5 and each
 * change 4 more, a GoTo user 1 more. The rest is main's own work (the directory's reads before a change, the adapter's
 * steps, undo's read back), which no renderer change can lower. Before one refresh path, Okta's
 * deprovision cost 9 and each membership change 9: the action's own refresh, the panel's two
 * listeners and the table's listener each read the user (and the first three its groups) again.
 * The tenants hold 20 users, so every list is one page (the renderer asks for 100 rows).
 */
export const requestsPerAction: Record<ConnectorId, Partial<Record<UserAction, ActionCost>>> = {
  okta: {
    // The first page: GET /users (a search for everyone, DEPROVISIONED included).
    'open the users list': { expected: 1 },
    // GET /users with the name as a search expression.
    'search a name': { expected: 1 },
    // The panel reads the user (GET /users/{id}) and its groups (GET /users/{id}/groups); the table already holds the row.
    open: { expected: 2 },
    // Main: the user and their groups for the journal's snapshot, who the token belongs to (GET /users/me, once a session: this
    // is the first deprovision), POST …/lifecycle/suspend (4). Renderer: the user, their groups (2).
    deprovision: { expected: 6, minimum: { requests: 5, why: "the renderer reads the user's groups again, which a suspend leaves as they were" } },
    // Main: the user and groups before, POST …/lifecycle/unsuspend, the user and groups read back to compare (5). Renderer: 2.
    undo: { expected: 7, minimum: { requests: 4, why: 'undo reads the user and groups back to compare and the renderer reads both again: one read of the user would do' } },
    // The picker's first page: GET /groups.
    'search groups to add': { expected: 1 },
    // Main: the group and the user (the journal names both), the adapter's own read of the group's type, PUT …/users/{id} (4).
    // Renderer: the user and their groups (2); the groups tab is not loaded, so the group itself is not read again.
    'add membership': { expected: 6, minimum: { requests: 4, why: "the adapter reads the group again for its type (the journal's read has it), the renderer the user, which a membership leaves as it was" } },
    // Main: as for add, with DELETE (4). Renderer: 2.
    'remove membership': { expected: 6, minimum: { requests: 4, why: 'as for add: the group read twice, and the user re-read though only its groups changed' } },
    // Main: the user (to diff and journal), POST /users/{id} (2). Renderer: the user, their groups (2).
    edit: { expected: 4, minimum: { requests: 2, why: "Okta's POST answers the updated user, yet the renderer reads it again, and its groups, which an edit does not change" } },
    // Email a password reset link. Main: the user (to refuse a status that does not allow it), POST …/lifecycle/reset_password (2). Renderer: 2.
    'account action': { expected: 4, minimum: { requests: 3, why: 'the renderer reads the user\'s groups again, which no account action changes' } },
  },
  cognito: {
    // ListUsers.
    'open the users list': { expected: 1 },
    // ListUsers with `name ^= "…"` as its Filter.
    'search a name': { expected: 1 },
    // AdminGetUser, AdminListGroupsForUser.
    open: { expected: 2 },
    // Main: AdminGetUser and AdminListGroupsForUser for the snapshot, AdminDisableUser, AdminUserGlobalSignOut (4). Renderer: 2.
    deprovision: { expected: 6, minimum: { requests: 5, why: "the renderer reads the user's groups again, which disabling leaves as they were" } },
    // Main: AdminGetUser and AdminListGroupsForUser before, AdminEnableUser, both read back to compare (5). Renderer: 2.
    undo: { expected: 7, minimum: { requests: 4, why: 'undo reads the user and groups back to compare and the renderer reads both again: one AdminGetUser would do' } },
    // ListGroups.
    'search groups to add': { expected: 1 },
    // Main: GetGroup and AdminGetUser (journal), AdminListGroupsForUser (the adapter checks the user is not in it yet), AdminAddUserToGroup (4). Renderer: 2.
    'add membership': { expected: 6, minimum: { requests: 4, why: "the adapter lists the user's groups first though AdminAddUserToGroup is idempotent, and the renderer re-reads the unchanged user" } },
    // Main: GetGroup, AdminGetUser, AdminRemoveUserFromGroup (3). Renderer: 2.
    'remove membership': { expected: 5, minimum: { requests: 4, why: 'the renderer re-reads the user, which a membership leaves as it was' } },
    // Opening the form: DescribeUserPool, the pool's schema the form is built from (once a session: the store and the connector keep it).
    // Main: AdminGetUser (diff and journal), the adapter's AdminGetUser before writing, AdminUpdateUserAttributes, AdminGetUser read back (4). Renderer: 2.
    edit: { expected: 7, minimum: { requests: 3, why: "the adapter reads the user again before writing, and the renderer reads it after main's read-back, with its unchanged groups" } },
    // Reset password (AdminResetUserPassword). Main: AdminGetUser (to refuse a status that does not allow it), the reset (2). Renderer: 2.
    'account action': { expected: 4, minimum: { requests: 3, why: "the renderer reads the user's groups again, which no account action changes" } },
  },
  coupa: {
    // The profile's first request signs in (POST /oauth2/token, client credentials: one token a session, 24 hours), then
    // GET /api/users: the renderer asks for 100 rows and Coupa pages hold 50; the first page goes alone and the
    // second follows only when it comes back full. This tenant holds about 20 users, so one page answers (2).
    'open the users list': { expected: 2 },
    // GET /api/users with firstname[starts_with] and lastname[starts_with]: the first page comes back short, so no second is sent.
    'search a name': { expected: 1 },
    // The panel and each of its four membership lists (content groups, roles, approval groups, account groups) read the
    // user at once, since Coupa keeps them all in the user record: one GET /api/users/{id} answers the five.
    open: { expected: 1 },
    // Before the confirmation: GET the user for its approval limits and approval groups (1). Main: GET the user for the
    // snapshot, PUT the user deactivated (2). Renderer: the user, shared by its four lists (1).
    deprovision: {
      expected: 4,
      minimum: { requests: 2, why: 'the check before the confirmation and the snapshot read the same user, and the renderer reads it again after the PUT answered it' },
    },
    // Main: GET the user, PUT it back, GET to compare (3). Renderer: 1.
    undo: { expected: 4, minimum: { requests: 2, why: 'undo reads the user back to compare though the PUT answers it, and the renderer reads it again' } },
    // GET /api/business_groups: the first section that can add (content groups).
    'search groups to add': { expected: 1 },
    // Main: GET the group and the user (journal), PUT …/business_groups/{id}/add (3). Renderer: the user (1), the one
    // read the change needs, since the …/add answer is the group.
    'add membership': { expected: 4 },
    // Main: as for add, with …/remove (3). Renderer: 1.
    'remove membership': { expected: 4 },
    // Main: GET the user (diff and journal), the adapter's GET before writing, PUT, GET read back (4). Renderer: 1.
    edit: { expected: 5, minimum: { requests: 2, why: 'the adapter reads the user again before writing and back after, though the PUT answers it, and the renderer reads it again' } },
  },
  gotomeeting: {
    // The profile's first request signs in (POST /oauth/token with its personal access token), then GET …/users, one page.
    'open the users list': { expected: 2 },
    // GET …/users with a firstName & lastName filter.
    'search a name': { expected: 1 },
    // The user (GET /users/{key}), read at once by the panel and by its group list for the group's key, then the
    // group (GET /groups/{key}); the licences section reads the user and the account's licences (GET …/licenses) (4).
    open: { expected: 4, minimum: { requests: 3, why: "the licences section reads the user again for its licence keys and admin roles, which the panel's read already had" } },
    // Main: GET the user and the licences for the snapshot, who the profile signs in as (GET /me, once a session: this is the
    // first deprovision), PUT to deactivate, PUT to take the licences (5). Renderer: the user and its group (2), the licences
    // section the user and the licences (2).
    deprovision: { expected: 9, minimum: { requests: 6, why: "the renderer reads the user's group, which a deactivation leaves as it was, and the licences section reads the user again" } },
    // Main: GET the user, two PUTs back, GET the user and the licences to compare (5). Renderer: 2, the licences section 2.
    undo: { expected: 9, minimum: { requests: 4, why: 'undo reads the user and licences back to compare, and the renderer reads the user again (twice, once for its licences) and its unchanged group' } },
    // Main: GET the user (diff and journal), PUT, GET read back (3). Renderer: 2, the licences section 2.
    edit: {
      expected: 7,
      minimum: { requests: 3, why: "GoTo's PUT answers nothing, so main reads the user back; the renderer then reads it again, its unchanged group and, for the licences section, the user and licences" },
    },
  },
}

/** The counts the test asserts for one connector, keyed by action. */
export function expectedCounts(connectorId: ConnectorId): CountedCounts {
  return Object.fromEntries(Object.entries(requestsPerAction[connectorId]).map(([action, cost]) => [action, cost.expected]))
}
type CountedCounts = Partial<Record<UserAction, number>>
