import { sandboxParameters } from '../../electron/services/sandboxProfiles'
import { sandboxPeopleFixtures } from '../../electron/sandbox/people/sandboxPeopleFixtures'
import { tenantDefaults } from '../../electron/sandbox/framework/tenantBasics'
import type { ConnectorId } from '../../shared/catalogue/types'
import { invokeCall, removeDataFolder, startPreviewApp } from '../e2e/support/previewApp'
import type { BenchRow } from './benchTable'
import { benchOffboarding } from './peopleOffboardBench'
import { benchPeopleSearch } from './peopleSearchBench'
import { startSandboxProcess } from './sandboxProcess'

/**
 * People at scale: four sandbox tenants of `users` people each at `latencyMs` a request, in their
 * own process as remote targets would be. People search timed in Chromium against the preview
 * (its four profiles point at these tenants; Lanyard's own Sandbox profiles are off), then an
 * offboarding of `leavers` people through main's services.
 */
export async function benchPeople(options: { users: number; latencyMs: number; leavers: number }): Promise<BenchRow[]> {
  const sandbox = await startSandboxProcess({ users: options.users, latencyMs: options.latencyMs })
  try {
    const app = await startPreviewApp({ env: { LANYARD_SANDBOX: 'off' } })
    const rows: BenchRow[] = []
    try {
      for (const [connectorId, tenant] of Object.entries(sandbox.tenants)) {
        const { url = '', ...credentials } = tenant
        const { values, secrets } = sandboxParameters(connectorId as ConnectorId, url, credentials)
        const made = await invokeCall(app, 'profiles.create', { connectorId, name: `${connectorId} bench`, environment: 'sandbox', values, secrets })
        if (!made.ok) throw new Error(`the ${connectorId} profile was refused: ${made.error?.message}`)
      }
      // The named people who are in all four applications under their one email.
      const fixtures = sandboxPeopleFixtures(tenantDefaults.seed, options.users)
      const people = [fixtures.everywhere, fixtures.suspendedInOne.person, fixtures.sameNameTwins[0], fixtures.coupaOtherLogin, fixtures.cognitoGeneratedId]
      rows.push(...(await benchPeopleSearch(app, people, options)))
    } finally {
      await app.stop()
      await removeDataFolder(app)
    }
    rows.push(...(await benchOffboarding(sandbox.tenants, { users: options.users, people: options.leavers, latencyMs: options.latencyMs })))
    return rows
  } finally {
    await sandbox.stop()
  }
}
