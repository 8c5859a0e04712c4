import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startOktaSandbox } from '../../../../electron/sandbox/okta/startOktaSandbox'
import { createOktaSandboxProfile } from '../../../support/oktaSandboxProfile'
import { createTestServices } from '../../../support/createTestServices'

/**
 * Run in a process of its own (lazyAdapters.test.ts) under test/support/recordModuleLoads.mjs:
 * the app's services with the real adapter registry, one Okta profile listing its users, then
 * one JSON line on stdout with every module the process loaded.
 */
const dataDirectory = mkdtempSync(join(tmpdir(), 'lanyard-lazy-adapters-'))
const tenant = await startOktaSandbox({ users: 30 })
try {
  const services = await createTestServices(dataDirectory)
  const profile = await createOktaSandboxProfile(services, tenant)
  const page = await services.handlers['directory.list']({ profileId: profile.id, objectType: 'users', search: '', pageSize: 10 })
  await services.close()
  const loadedModules = (globalThis as unknown as { loadedModules: () => Promise<string[]> }).loadedModules
  process.stdout.write(`${JSON.stringify({ listed: page.items.length, modules: await loadedModules() })}\n`)
} finally {
  await tenant.close()
  rmSync(dataDirectory, { recursive: true, force: true })
}
