import { afterEach, describe, expect, it } from 'vitest'
import { createCognitoBudget } from '../../../../electron/connectors/cognito/cognitoBudget'
import { readCognitoSettings } from '../../../../electron/connectors/cognito/cognitoSettings'
import { createCognitoTransport } from '../../../../electron/connectors/cognito/cognitoTransport'
import type { BudgetTicket, RequestBudget } from '../../../../electron/http/RequestBudget'
import { startCognitoSandbox, type RunningCognitoSandbox } from '../../../../electron/sandbox/cognito/startCognitoSandbox'
import { createRecordingLogger } from '../../../support/recordingLogger'
import { sandboxValues } from './cognitoSandboxHarness'

/** A Cognito budget that notes in `events` when each request is counted sent. */
function budgetNoting(events: string[]): RequestBudget {
  const budget = createCognitoBudget()
  const acquire = budget.acquire.bind(budget)
  budget.acquire = async (family, signal) => {
    const ticket = await acquire(family, signal)
    return { ...ticket, sending: () => (events.push('counted sent'), ticket.sending()) } satisfies BudgetTicket
  }
  return budget
}

describe("the Cognito transport's moment a call counts in its quota", () => {
  let sandbox: RunningCognitoSandbox | null = null
  afterEach(async () => {
    await sandbox?.close()
    sandbox = null
  })

  /**
   * A target counts a request when it arrives, and the budget allows for the spread between the
   * moment it counts a request sent and its arrival. With the AWS SDK, which serialized and signed a
   * call before it handed the request to the network, budgetArrivalBench.ts and a debug run of 75
   * ListUsers saw a profile's first calls arrive 100–150 ms after the call started, more than the
   * budget allows for (a tenth of the window), and Cognito refused 4 of them. The call counts when
   * its signed request goes to the network.
   */
  it('counts a call sent when its signed request goes to the network, not when the call starts', async () => {
    sandbox = await startCognitoSandbox({ users: 3 })
    const events: string[] = []
    const logger = createRecordingLogger()
    const settings = readCognitoSettings({
      profileId: 'profile-1',
      profileName: 'Sandbox Cognito',
      environment: 'sandbox',
      values: sandboxValues(sandbox),
      secrets: { accessSecret: sandbox.credentials.accessSecret! },
      logger,
    })
    const transport = createCognitoTransport(settings, logger, 'Sandbox Cognito', { budget: budgetNoting(events) })
    try {
      const page = await transport.send('ListUsers', true, async (wire, abortSignal) => {
        events.push('call started')
        // Work of the call's own before the request leaves (here: a turn of the event loop).
        await new Promise((resolve) => setTimeout(resolve, 0))
        events.push('request built')
        return wire.call('ListUsers', { UserPoolId: settings.userPoolId }, abortSignal)
      })
      expect(page.Users).toHaveLength(3)
      expect(events).toEqual(['call started', 'request built', 'counted sent'])
    } finally {
      transport.close()
    }
  })
})
