import type { NewIntent } from '../../../electron/journal/Journal'
import { FakeDirectory } from '../../support/fakeConnector'
import { MemorySecretStore } from '../../support/MemorySecretStore'
import { addOktaProfile, startServices } from '../directory/directoryHarness'
import { openJournal, updateIntent } from './journalFixtures'

/** An intent to leave without an outcome; `at` is when it was journaled (the journal's fixed clock when not given). */
export type UnfinishedIntent = Partial<NewIntent> & { at?: string }

/**
 * A crash is simulated by writing intents with no outcome to the journal while the app is not
 * running (after one run that added an Okta profile); start the services on `directory` to see them settled.
 */
export async function crashedWith(
  directory: string,
  prepare: (context: { profileId: string; fake: FakeDirectory }) => UnfinishedIntent[] | Promise<UnfinishedIntent[]>,
) {
  const fake = new FakeDirectory()
  const secretStore = new MemorySecretStore()
  const first = await startServices(directory, { fake, secretStore })
  const profileId = await addOktaProfile(first)
  await first.close()
  const intents = await prepare({ profileId, fake })
  const { journal, clock } = await openJournal(directory)
  for (const { at, ...intent } of intents) {
    if (at) clock.now = new Date(at)
    await journal.recordIntent(updateIntent('unused', { profileId, ...intent }))
  }
  await journal.idle()
  return { directory, fake, secretStore, profileId }
}
