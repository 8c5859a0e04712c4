import { describe, expect, it } from 'vitest'
import type { JobPlan } from '../../../shared/jobs'
import { startCognitoSandbox } from '../../../electron/sandbox/cognito/startCognitoSandbox'
import { sandboxParameters } from '../../../electron/services/sandboxProfiles'
import { afterTest } from '../../support/connectorHarness'
import { startCountingProxy, type CountingProxy } from '../../support/countingProxy'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { startPeopleServices, type PeopleServices } from '../people/peopleHarness'
import { expectValue } from './jobHarness'

/*
 * Planning a list on Cognito, counted on the wire: its ListUsers filter takes one condition, so a
 * short list is one search a line, and a list longer than the pool ÷ 60 lists the pool once
 * (DescribeUserPool says its size) and finds exactly the accounts a search per line finds.
 */

const newDirectory = useTemporaryDirectories()

/** A Cognito pool of `users` behind a counting proxy, and a sandbox profile that goes through it. */
async function poolBehindProxy(users: number) {
  const cognito = await startCognitoSandbox({ users: 1000 })
  afterTest(() => cognito.close())
  // Accounts whose match rules a listing must keep: an email stored with capitals (the per-line
  // search sends the line in lower case, and Cognito compares as stored), an email that is the start
  // of another, and a username that is an email other than the account's own.
  cognito.tenant.addUser({ username: 'mixed.case', email: 'Mixed.Case@Example.com' })
  const pat = cognito.tenant.addUser({ username: 'pat', email: 'pat@example.com' })
  cognito.tenant.addUser({ username: 'pat.au', email: 'pat@example.com.au' })
  // The seed keeps some of the people it makes up: the pool is topped up to the size wanted.
  for (let filler = cognito.tenant.count().users; filler < users; filler++) cognito.tenant.addUser({ username: `filler.${filler}` })
  expect(cognito.tenant.count().users).toBe(users)
  const server = new URL(cognito.url)
  const proxy = await startCountingProxy(server.origin, { keepHost: true })
  afterTest(() => proxy.close())
  const services = await startPeopleServices(newDirectory())
  const { values, secrets } = sandboxParameters('cognito', `${proxy.url}${server.pathname}`, cognito.credentials)
  const profile = await services.handlers['profiles.create']({ connectorId: 'cognito', name: 'cognito sandbox', environment: 'sandbox', values, secrets })
  return { cognito, proxy, services, profileId: profile.id, pat: pat.username }
}

async function plan(services: PeopleServices, profileId: string, lines: readonly string[]): Promise<JobPlan> {
  return expectValue<JobPlan>(await services.call('jobs.plan', { kind: 'deprovisionAccounts', profileId, lines }))
}

/** What a plan sends from now on: "POST / <Operation>" and whether a ListUsers carried a Filter. */
function sentFrom(proxy: CountingProxy) {
  const from = proxy.sent.length
  return () => proxy.sent.slice(from).map(({ line, body }) => (/ListUsers$/.test(line) ? `${line}${/"Filter"/.test(body) ? ' filtered' : ''}` : line))
}

/** A row as the help desk reads it: its state, the accounts it changes and why not. */
const outcome = (row: JobPlan['rows'][number]) => ({ input: row.input, state: row.state, accounts: row.changes.map((change) => change.objectId), reason: row.reason })

describe('planning a list on Cognito', () => {
  it('lists a 2,000-user pool once for 300 lines (1 + ceil(2000 / 60) requests) and finds the same accounts as a search per line', async () => {
    const { cognito, proxy, services, profileId, pat } = await poolBehindProxy(2000)
    const seeded = cognito.tenant.users().slice(0, 280).map((user) => user.attributes.email!)
    expect(new Set(seeded.map((email) => email.toLowerCase())).size).toBe(280)
    // HR's list: some lines in capitals or with spaces around them, some nobody's.
    const lines = [
      ...seeded.map((email, index) => (index % 5 === 0 ? email.toUpperCase() : index % 7 === 0 ? `  ${email} ` : email)),
      'mixed.case@example.com',
      'pat@example.com',
      ...Array.from({ length: 18 }, (_, index) => `nobody.${index}@example.com`),
    ]
    expect(lines).toHaveLength(300)
    const sent = sentFrom(proxy)

    const planned = await plan(services, profileId, lines)

    expect(sent()).toEqual(['POST / DescribeUserPool', ...Array.from({ length: Math.ceil(2000 / 60) }, () => 'POST / ListUsers')])
    expect(planned.estimate.planRequests).toBe(1 + Math.ceil(2000 / 60))
    expect(planned.rows.find((row) => row.input === 'pat@example.com')).toMatchObject({ state: 'ready', changes: [{ objectId: pat }] })
    expect(planned.rows.find((row) => row.input === 'mixed.case@example.com')).toMatchObject({ state: 'problem' })
    expect(planned.rows.filter((row) => row.state === 'problem')).toHaveLength(19)

    // The same lines two at a time: too few for a listing to pay, so each is a search of its own.
    const perLine: ReturnType<typeof outcome>[] = []
    for (let index = 0; index < lines.length; index += 2) {
      const searched = sentFrom(proxy)
      const pair = await plan(services, profileId, lines.slice(index, index + 2))
      expect(searched()).toEqual(['POST / ListUsers filtered', 'POST / ListUsers filtered'])
      perLine.push(...pair.rows.map(outcome))
    }
    expect(planned.rows.map(outcome)).toEqual(perLine)
  }, 120_000)

  it('still searches line by line when the list is shorter than the pool ÷ 60: DescribeUserPool, then one ListUsers a line', async () => {
    const { cognito, proxy, services, profileId } = await poolBehindProxy(2000)
    const lines = cognito.tenant.users().slice(0, 5).map((user) => user.attributes.email!)
    const sent = sentFrom(proxy)

    const planned = await plan(services, profileId, lines)

    expect(sent()).toEqual(['POST / DescribeUserPool', ...lines.map(() => 'POST / ListUsers filtered')])
    expect(planned.estimate.planRequests).toBe(6)
    expect(planned.rows.every((row) => row.state !== 'problem')).toBe(true)
  })

  it('searches line by line when the key may not read the pool (DescribeUserPool refused): the size only chooses the cheaper way', async () => {
    const { cognito, proxy, services, profileId } = await poolBehindProxy(2000)
    const lines = cognito.tenant.users().slice(0, 100).map((user) => user.attributes.email!)
    proxy.fail(/ DescribeUserPool /, 1, {
      status: 400,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'AccessDeniedException' },
      body: JSON.stringify({ __type: 'AccessDeniedException', message: 'Scripted: not allowed to describe the pool.' }),
    })
    const sent = sentFrom(proxy)

    const planned = await plan(services, profileId, lines)

    expect(proxy.failed).toEqual(['POST / DescribeUserPool'])
    expect(sent()).toEqual(lines.map(() => 'POST / ListUsers filtered'))
    expect(planned.estimate.planRequests).toBe(1 + lines.length)
    expect(planned.rows.every((row) => row.state !== 'problem')).toBe(true)
  })
})
