import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { ProfileService } from '../../electron/profiles/ProfileService'
import type { ProfileView } from '../../shared/profiles'
import { createCrashingProfileService } from './crashingProfileService'
import { MemorySecretStore } from './MemorySecretStore'
import { createProfileServiceHarness } from './profileServiceHarness'

/** What the next start left: the profiles as listed, the keychain's entries by `profileId/key`. */
export interface Repaired {
  profiles: ProfileView[]
  entries: Map<string, string>
}

export interface CrashScenario<Context> {
  prepare(service: ProfileService): Promise<Context>
  change(service: ProfileService, context: Context): Promise<unknown>
  /**
   * Optional: checks the state the next start shows before its repair has run (the repair runs in
   * the background, so connections may already be made): no secret may be in use that the repair will remove.
   */
  beforeRepair?(unrepaired: Repaired, context: Context): void
  /** Fails unless the repaired state is one the person could have expected: before or after the change. */
  check(repaired: Repaired, context: Context): void
}

/**
 * Runs the change once per step boundary, killed before that step, then starts again on the same
 * folder and keychain (with the start-up repair) and checks what is left, until a run completes.
 * Returns how many crash points were tried.
 */
export async function everyCrashPoint<Context>(newDirectory: () => string, scenario: CrashScenario<Context>): Promise<number> {
  for (let crashBefore = 0; crashBefore < 50; crashBefore++) {
    const directory = newDirectory()
    const store = new MemorySecretStore()
    const harness = await createProfileServiceHarness(directory, store)
    const context = await scenario.prepare(harness.service)
    const crashing = await createCrashingProfileService(directory, store, crashBefore)
    await scenario.change(crashing.service, context).catch(() => undefined)

    try {
      const { service } = await harness.restart()
      scenario.beforeRepair?.({ profiles: await service.list(), entries: new Map(store.entries) }, context)
      await service.removePendingSecrets()
      const repaired = { profiles: await service.list(), entries: new Map(store.entries) }
      expectNoLeftovers(directory, repaired)
      scenario.check(repaired, context)
    } catch (error) {
      if (error instanceof Error) error.message = `After a crash before step ${crashBefore}: ${error.message}`
      throw error
    }
    if (!crashing.crashed()) return crashBefore + 1
  }
  throw new Error('the change never completed')
}

function expectNoLeftovers(directory: string, { profiles, entries }: Repaired): void {
  expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([])
  const file = join(directory, 'profiles.json')
  if (existsSync(file)) expect(JSON.parse(readFileSync(file, 'utf8')).pendingSecretRemovals).toEqual([])
  const ids = new Set(profiles.map((profile) => profile.id))
  expect([...entries.keys()].filter((entry) => !ids.has(entry.split('/')[0] ?? ''))).toEqual([])
}
