import type { NewIntent } from '../../../electron/journal/Journal'
import { Journal } from '../../../electron/journal/Journal'
import { createRecordingLogger } from '../../support/recordingLogger'

export const profileId = '2f1c4f7e-5d4e-4b0e-9a57-0c0ffee00001'

/** A journal on a folder, as the app opens it, with a fixed actor and a clock the test moves. */
export async function openJournal(directory: string, clock: { now: Date } = { now: new Date('2026-11-20T09:00:00.000Z') }) {
  const logger = createRecordingLogger()
  const journal = await Journal.open({ directory, logger, actor: 'helpdesk.anna', now: () => clock.now, profileExists: () => true })
  return { journal, logger, clock }
}

export function updateIntent(name: string, overrides: Partial<NewIntent> = {}): NewIntent {
  return {
    action: 'update',
    profileId,
    profileName: 'Okta prod',
    connectorId: 'okta',
    target: { objectType: 'users', id: `00u-${name.toLowerCase().replace(/\W/g, '')}`, name },
    related: null,
    changes: [{ attribute: 'title', before: 'Analyst', after: 'Engineer' }],
    snapshot: null,
    undoOf: null,
    ...overrides,
  }
}
