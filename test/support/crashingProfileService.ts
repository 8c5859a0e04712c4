import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ProfileRepository } from '../../electron/profiles/ProfileRepository'
import { ProfileSecrets } from '../../electron/profiles/ProfileSecrets'
import { ProfileService } from '../../electron/profiles/ProfileService'
import type { SecretStore } from '../../electron/secrets/SecretStore'
import type { MemorySecretStore } from './MemorySecretStore'
import { createRecordingLogger } from './recordingLogger'

/** What a process killed at a step boundary leaves behind: nothing after that step happens. */
export class SimulatedCrash extends Error {
  constructor(step: number) {
    super(`simulated crash before step ${step}`)
  }
}

/**
 * A ProfileService on `directory` and `store` that dies before its `crashBefore`-th change to either
 * store (0 = before the first): each keychain write or delete and each save of `profiles.json` is a
 * step. From then on every call to either store fails, as if the process were gone; a save that
 * dies leaves a half-written temp file beside `profiles.json`, as a kill inside the write does.
 * `crashBefore: null` never dies and counts the steps of a whole run.
 */
export async function createCrashingProfileService(directory: string, store: MemorySecretStore, crashBefore: number | null) {
  let steps = 0
  let dead = false
  const step = () => {
    if (dead) throw new SimulatedCrash(steps)
    if (crashBefore !== null && steps === crashBefore) {
      dead = true
      throw new SimulatedCrash(steps)
    }
    steps++
  }
  const aliveOnly = () => {
    if (dead) throw new SimulatedCrash(steps)
  }
  const dyingStore: SecretStore = {
    get: (profileId, key) => Promise.resolve().then(aliveOnly).then(() => store.get(profileId, key)),
    set: (profileId, key, value) => Promise.resolve().then(step).then(() => store.set(profileId, key, value)),
    delete: (profileId, key) => Promise.resolve().then(step).then(() => store.delete(profileId, key)),
    isAvailable: () => Promise.resolve(!dead),
  }
  const logger = createRecordingLogger()
  const repository = await ProfileRepository.open(directory, logger)
  const save = repository.save.bind(repository)
  repository.save = async (file) => {
    try {
      step()
    } catch (error) {
      writeFileSync(join(directory, `.profiles.json.${randomBytes(6).toString('hex')}.tmp`), '{"schemaVersion":1,"prof')
      throw error
    }
    return save(file)
  }
  const service = new ProfileService({ repository, secrets: new ProfileSecrets(dyingStore, logger, (profileId, key) => repository.awaitsRemoval(profileId, key)), logger, onChanged: () => {} })
  return { service, crashed: () => dead, steps: () => steps }
}
