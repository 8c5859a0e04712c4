import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CallName } from '../../../shared/contract'
import { invokeContract } from '../../../electron/services/invokeContract'
import type { JournalRecord } from '../../../electron/journal/journalRecord'
import type { SettlingBackoff } from '../../../electron/changes/Settling'
import { FakeDirectory } from '../../support/fakeConnector'
import { MemorySecretStore } from '../../support/MemorySecretStore'
import { oktaProfile, validValues } from '../../support/profileInputs'
import { createRecordingLogger } from '../../support/recordingLogger'
import { createTestServices } from '../../support/createTestServices'

export const oktaToken = 'SSWS-token-Zq8#never-shown'

/**
 * `createServices` on a data folder with the fake target behind the Okta and GoToMeeting
 * connector ids. Passing the same folder, store and fake again is a restart.
 */
export async function startServices(
  dataDirectory: string,
  shared: { fake?: FakeDirectory; secretStore?: MemorySecretStore; settlingBackoff?: SettlingBackoff } = {},
) {
  const fake = shared.fake ?? new FakeDirectory()
  const secretStore = shared.secretStore ?? new MemorySecretStore()
  const logger = createRecordingLogger()
  const services = await createTestServices(dataDirectory, {
    secretStore,
    logger,
    connectorFactories: { okta: fake.factory('okta'), gotomeeting: fake.factory('gotomeeting') },
    settlingBackoff: shared.settlingBackoff,
  })
  /** Through the contract wrapper, as the renderer calls: validated input, `Result` out. */
  const call = (name: CallName, input: unknown) => invokeContract(services.handlers, name, input, logger)
  return { ...services, fake, secretStore, logger, call, dataDirectory }
}

export type StartedServices = Awaited<ReturnType<typeof startServices>>

export async function addOktaProfile(services: StartedServices, name = 'Okta prod', values: Record<string, string> = {}): Promise<string> {
  const input = oktaProfile(name, { token: oktaToken })
  const profile = await services.handlers['profiles.create']({ ...input, values: { ...validValues.okta, ...values } })
  return profile.id
}

export function journalPath(dataDirectory: string): string {
  return join(dataDirectory, 'journal.jsonl')
}

/** The records on disk right now, parsed. */
export function journalOnDisk(dataDirectory: string): JournalRecord[] {
  let text: string
  try {
    text = readFileSync(journalPath(dataDirectory), 'utf8')
  } catch {
    return []
  }
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JournalRecord)
}
