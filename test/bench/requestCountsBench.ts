import { pathToFileURL } from 'node:url'
import type { RunnerTask } from 'vitest'
import { startVitest } from 'vitest/node'
import type { ConnectorId } from '../../shared/catalogue/types'
import { getDescriptor } from '../../shared/catalogue'
import { helpDeskMorning, requestsPerAction, userActions, type CountedActions } from '../support/requestsPerActionTable'
import { printColumns } from './benchTable'

/** The integration test whose scenarios are counted: run as it is, so the benchmark and the test cannot drift apart. */
const scenarioFile = 'test/integration/requestsPerAction.test.ts'

export interface ConnectorCounts {
  connectorId: ConnectorId
  actions: CountedActions
  /** Why the test failed, if it did (a count off, or the scenario broke before counting everything). */
  failure: string | null
}

/**
 * Runs the requests-per-action test (the real renderer over the real services, against each
 * connector's sandbox tenant) under vitest, which the test needs for its Vue files and DOM, and
 * collects what it counted from each test's metadata. A count that differs from the test's table
 * is shown, not thrown: figures, not verdicts (the test is the verdict).
 */
export async function countRequestsPerAction(): Promise<ConnectorCounts[]> {
  const exitCodeBefore = process.exitCode
  const vitest = await startVitest('test', [scenarioFile], { watch: false, reporters: ['dot'] })
  try {
    const tests = vitest.state.getFiles().flatMap((file) => testsIn(file))
    const counted = tests.flatMap((test) => {
      const recorded = test.meta.requestsPerAction
      const failure = test.result?.state === 'fail' ? (test.result.errors ?? []).map((error) => verdictOf(error.message)).join('; ') : null
      return recorded ? [{ connectorId: recorded.connectorId, actions: recorded.actions, failure }] : []
    })
    if (counted.length === 0) {
      const errors = vitest.state.getFiles().flatMap((file) => [...(file.result?.errors ?? []), ...testsIn(file).flatMap((test) => test.result?.errors ?? [])])
      throw new Error(`${scenarioFile} counted nothing: ${errors.map((error) => error.message).join('; ') || 'no test ran'}`)
    }
    return counted
  } finally {
    await vitest.close()
    // The test's failure is printed beside the counts; the benchmark itself goes on.
    process.exitCode = exitCodeBefore
  }
}

function testsIn(task: RunnerTask): RunnerTask[] {
  return 'tasks' in task ? task.tasks.flatMap((child) => testsIn(child)) : [task]
}

/** An assertion's message ends with its verdict (`expected … to deeply equal …`); what comes before is the test's own dump. */
function verdictOf(message: string): string {
  const lastLine = message.trimEnd().split('\n').pop() ?? message
  return lastLine.length > 300 ? `${lastLine.slice(0, 300)}…` : lastLine
}

/** Per connector: each action's requests (by endpoint), the test's expected count and the least the API needs; then a help-desk ticket's total. */
export function printRequestCounts(results: readonly ConnectorCounts[]): void {
  for (const { connectorId, actions, failure } of results) {
    const table = requestsPerAction[connectorId]
    const label = getDescriptor(connectorId).label
    console.log(`\n${label}: requests the sandbox tenant receives per user action (${scenarioFile})`)
    const rows = userActions.flatMap((action) => {
      const measured = actions[action]
      const cost = table[action]
      if (!measured && !cost) return []
      const sent = measured ? String(measured.count) : 'not run'
      const expected = cost ? String(cost.expected) : '–'
      const off = measured && cost && measured.count !== cost.expected ? ' ≠ expected' : ''
      return [
        {
          action,
          sent: sent + off,
          expected,
          minimum: cost?.minimum ? String(cost.minimum.requests) : expected,
          requests: measured ? byEndpoint(measured.requests, measured.count) : '',
        },
      ]
    })
    printColumns({ action: 'action', sent: 'sent', expected: 'expected', minimum: 'minimum', requests: 'requests, by endpoint' }, rows)
    for (const action of userActions) {
      const minimum = table[action]?.minimum
      if (minimum) console.log(`  ${action}: ${table[action]?.expected} where ${minimum.requests} would do — ${minimum.why}`)
    }
    const morning = helpDeskMorning.filter((action) => table[action] !== undefined)
    const sentInMorning = morning.reduce((sum, action) => sum + (actions[action]?.count ?? 0), 0)
    const leastInMorning = morning.reduce((sum, action) => sum + (table[action]?.minimum?.requests ?? table[action]?.expected ?? 0), 0)
    console.log(`  One help-desk ticket (${morning.join(' → ')}): ${sentInMorning} requests (the API's least: ${leastInMorning})`)
    // A count off is already marked in the table; any other failure is told as the test told it.
    if (failure) console.log(rows.some((row) => row.sent.includes('≠')) ? '  The test fails on the counts marked ≠.' : `  The test fails: ${failure}`)
  }
}

/**
 * The requests the HTTP client logged, grouped by method and endpoint with ids and the API's
 * prefix left out: `GET users/{id} ×2, POST users/{id}/lifecycle/suspend`. Cognito's are its
 * operation names. The tenant's own count is the figure; the log names what it was.
 */
export function byEndpoint(requests: readonly string[], tenantCount: number): string {
  const counts = new Map<string, number>()
  for (const request of requests) {
    const endpoint = endpointOf(request)
    counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1)
  }
  const listed = [...counts].map(([endpoint, count]) => (count > 1 ? `${endpoint} ×${count}` : endpoint)).join(', ')
  return requests.length === tenantCount ? listed : `${listed} (the client logged ${requests.length}, the tenant counted ${tenantCount})`
}

/** Segments before the resource (`api`, `v1`, `admin`, `rest`, `accounts/{key}`) say nothing about the request. */
const prefixSegments = new Set(['api', 'admin', 'rest', 'accounts', '{id}'])

function endpointOf(request: string): string {
  const [method, target] = request.split(' ')
  if (target === undefined) return request
  const segments = (target.split('?')[0] ?? '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (/\d/.test(segment) && !/^v\d+$/.test(segment) ? '{id}' : segment))
  while (segments.length > 1 && (prefixSegments.has(segments[0]!) || /^v\d+$/.test(segments[0]!))) segments.shift()
  return `${method} ${segments.join('/')}`
}

// `npx tsx test/bench/requestCountsBench.ts` prints these tables alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  countRequestsPerAction()
    .then(printRequestCounts)
    .catch((error: unknown) => {
      console.error('The request counts could not be taken:', error instanceof Error ? (error.stack ?? error.message) : error)
      process.exit(1)
    })
}
