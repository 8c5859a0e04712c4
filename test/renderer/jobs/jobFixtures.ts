import type { JobChange, JobDetails, JobPlan, JobPlanRow, JobView, ReadList } from '../../../shared/jobs'

/*
 * Jobs as main would report them, for the Jobs view's tests: plans, views and details written out
 * by hand (main's planner and runner have tests of their own).
 */

export const oktaProfileId = '00000000-0000-4000-8000-0000000000a1'

export function deprovisionChange(userId: string, overrides: Partial<JobChange> = {}): JobChange {
  return {
    profileId: oktaProfileId,
    profileName: 'Okta Sandbox',
    connectorId: 'okta',
    objectType: 'users',
    objectId: userId,
    displayName: userId,
    action: 'deprovision',
    group: null,
    entryToUndo: null,
    before: 'ACTIVE, in 2 groups',
    after: 'DEPROVISIONED, groups kept on record',
    ...overrides,
  }
}

/** A plan of `ready` lines (one change each), then a skipped line and a problem line when asked. */
export function offboardPlan(ready: number, extra: { skipped?: boolean; problem?: boolean } = {}): JobPlan {
  const rows: JobPlanRow[] = Array.from({ length: ready }, (_, index) => {
    const email = `leaver${index + 1}@example.com`
    return { line: index + 1, input: email, state: 'ready', reason: null, changes: [deprovisionChange(email)] }
  })
  if (extra.skipped) rows.push({ line: rows.length + 1, input: 'gone@example.com', state: 'skip', reason: 'Already deprovisioned in every profile.', changes: [] })
  if (extra.problem) rows.push({ line: rows.length + 1, input: 'nobody@example.com', state: 'problem', reason: 'No person matches this line.', changes: [] })
  return {
    planId: 'plan-1',
    kind: 'offboard',
    title: `Offboard ${ready} people`,
    rows,
    counts: { ready, skipped: extra.skipped ? 1 : 0, problems: extra.problem ? 1 : 0, changes: ready },
    estimate: {
      requests: ready * 3,
      requestsAtMost: ready * 3,
      planRequests: ready,
      secondsAtLeast: ready * 0.3,
      seconds: ready * 0.3,
      perProfile: [{ profileId: oktaProfileId, profileName: 'Okta Sandbox', changes: ready, requests: ready * 3, requestsPerSecond: 10, secondsAtLeast: ready * 0.3, seconds: ready * 0.3 }],
    },
  }
}

export function jobView(overrides: Partial<JobView> = {}): JobView {
  return {
    id: 'job-1',
    kind: 'offboard',
    title: 'Offboard 3 people',
    operationId: 'operation-1',
    state: 'running',
    createdAt: '2026-12-07T09:00:00.000Z',
    finishedAt: null,
    counts: { total: 3, done: 0, failed: 0, skipped: 0, left: 3 },
    rates: [{ profileId: oktaProfileId, profileName: 'Okta Sandbox', requestsPerSecond: 8, requestsSent: 240, families: [{ family: 'user:write', requestsPerSecond: 8, limitPerSecond: 10, requestsSent: 240 }] }],
    secondsLeft: 90,
    undoOf: null,
    ...overrides,
  }
}

/** The details of a job made from `plan`: every ready change waiting, the other lines skipped. */
export function jobDetails(plan: JobPlan, view: JobView = jobView()): JobDetails {
  const ready = plan.rows.filter((row) => row.state === 'ready')
  const changes = ready.flatMap((row) => row.changes.map((change) => ({ ...change, line: row.line, input: row.input })))
  return {
    job: view,
    changes: changes.map((change, index) => ({ ...change, index, state: 'waiting' as const, message: null, entryId: null, error: null })),
    skippedLines: plan.rows.filter((row) => row.state !== 'ready').map((row) => ({ line: row.line, input: row.input, reason: row.reason ?? '' })),
  }
}

/** `jobs.readList`'s answer for a CSV of names and emails, the email column suggested. */
export function leaversCsv(emails: readonly string[]): ReadList {
  return {
    columns: ['Name', 'Email'],
    hasHeader: true,
    delimiter: ';',
    encoding: 'utf-8',
    rows: emails.map((email) => [email.split('@')[0]!, email]),
    suggestedColumn: 1,
    problems: [],
  }
}
