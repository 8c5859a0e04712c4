/*
 * A Lanyard main process for the kill -9 test of jobs: it makes an Okta profile from the JSON in
 * LANYARD_JOB_CHILD, starts a job deprovisioning the given users, and prints one line per change
 * that finished. The test kills it with SIGKILL part-way; nothing here closes cleanly on purpose.
 */
import { KeytarSecretStore } from '../../../electron/secrets/KeytarSecretStore'
import { createTestServices } from '../../support/createTestServices'
import { deprovisionPlan } from './testPlans'

interface ChildInput {
  dataDirectory: string
  values: Record<string, string>
  secrets: Record<string, string>
  userIds: string[]
  keychainService: string
}

const input = JSON.parse(process.env.LANYARD_JOB_CHILD ?? '{}') as ChildInput
const services = await createTestServices(input.dataDirectory, {
  // The real keychain (the test's private one): the next process finds the token where this one left it.
  secretStore: new KeytarSecretStore({ service: input.keychainService }),
  onEvent: (event, payload) => {
    if (event !== 'jobs.progress') return
    const { changes } = payload as { changes: { state: string }[] }
    for (const change of changes) if (change.state === 'done') process.stdout.write('done\n')
  },
})
const profile = await services.handlers['profiles.create']({ connectorId: 'okta', name: 'Okta sandbox', environment: 'sandbox', values: input.values, secrets: input.secrets })
process.stdout.write(`profile ${profile.id}\n`)
const plan = deprovisionPlan(input.userIds.map((userId) => ({ profileId: profile.id, connectorId: 'okta', userId })))
services.jobPlans.put(plan)
await services.handlers['jobs.start']({ planId: plan.planId })
