import { getEventListeners } from 'node:events'
import { afterEach, describe, expect, it } from 'vitest'
import type { JournalEntry } from '../../../shared/journal'
import { JobRun, type JobRunServices } from '../../../electron/jobs/JobRun'
import type { StoredJob } from '../../../electron/jobs/JobStore'
import { linkedSignal } from '../../../electron/http/cancellation'
import { AppError } from '../../../electron/errors/AppError'
import { createRecordingLogger } from '../../support/recordingLogger'

/**
 * A job runs a few changes of each profile side by side, for as long as the job lasts: each change
 * must not hang an abort listener on one signal all of them share (the offboarding bench, 4 profiles
 * × 4 changes in flight, made Node warn "11 abort listeners added to [AbortSignal]"), and cancel
 * must still reach every change in flight.
 */
const warnings: Error[] = []
process.on('warning', (warning: Error) => void warnings.push(warning))
afterEach(() => {
  warnings.length = 0
})

const profiles = ['okta-1', 'cognito-1', 'coupa-1']
const inFlightPerProfile = 4

function jobOf(changesPerProfile: number): StoredJob {
  const changes = profiles.flatMap((profileId) =>
    Array.from({ length: changesPerProfile }, (_, index) => ({
      line: index + 1,
      input: `${profileId}-${index}`,
      profileId,
      profileName: profileId,
      connectorId: 'okta' as const,
      objectType: 'users',
      objectId: `${profileId}-${index}`,
      displayName: `${profileId}-${index}`,
      action: 'deprovision' as const,
      group: null,
      before: 'ACTIVE',
      after: 'SUSPENDED',
      entryToUndo: null,
    })),
  )
  return {
    version: 1,
    id: 'job-1',
    kind: 'deprovisionAccounts',
    title: 'Deprovision',
    operationId: 'operation-1',
    createdAt: new Date(0).toISOString(),
    finishedAt: null,
    requested: 'running',
    undoOf: null,
    changes,
    skippedLines: [],
    profiles: profiles.map((profileId) => ({ profileId, profileName: profileId, requestsPerChange: 3, budgetPerSecond: 10 })),
  }
}

/**
 * Services whose deprovision listens on the signal it is given once, as recordChange does (it links
 * the job's signal with the change's own cancel), and is held until released or aborted.
 */
function heldServices() {
  const held: { signal: AbortSignal; release: () => void }[] = []
  const entry = (id: string): JournalEntry => ({ id, outcome: { status: 'applied', message: 'Done.', steps: [] } }) as unknown as JournalEntry
  const services = {
    store: { save: async () => undefined, appendResult: async () => undefined },
    settle: async (entryId: string) => entry(entryId),
    journal: { childrenOf: () => [], entry },
    logger: createRecordingLogger(),
    directory: {},
    deprovisions: {
      deprovisionUnlessDone: (ref: { userId: string }, { signal }: { signal: AbortSignal }) => {
        const linked = linkedSignal([signal])
        return new Promise((resolve, reject) => {
          const release = () => (linked.dispose(), resolve({ entry: entry(`entry-${ref.userId}`) }))
          linked.signal.addEventListener('abort', () => (linked.dispose(), reject(new AppError('cancelled', 'Cancelled.'))), { once: true })
          held.push({ signal, release })
        })
      },
    },
  } as unknown as JobRunServices
  return { services, held }
}

async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !condition(); turn++) await new Promise((resolve) => setImmediate(resolve))
  expect(condition()).toBe(true)
}

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length
const listenerExcess = () => warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning').map((warning) => warning.message)

describe('a job run: abort listeners', () => {
  it('gives each change in flight a signal of its own: no listener excess with 12 changes in flight, none left after', async () => {
    const { services, held } = heldServices()
    const run = new JobRun(jobOf(6), new Map(), services, { inFlightPerProfile, onProgress: () => undefined })
    const running = run.start()
    await until(() => held.length === profiles.length * inFlightPerProfile)
    expect(Math.max(...held.map(({ signal }) => abortListeners(signal)))).toBe(1)
    await until(() => {
      for (const { release } of held.splice(0)) release()
      return run.view().counts.left === 0
    })
    await running
    expect(run.view().counts).toMatchObject({ done: 18, left: 0 })
    await new Promise((resolve) => setImmediate(resolve))
    expect(listenerExcess()).toEqual([])
  })

  it('still cancels every change in flight', async () => {
    const { services, held } = heldServices()
    const run = new JobRun(jobOf(6), new Map(), services, { inFlightPerProfile, onProgress: () => undefined })
    const running = run.start()
    await until(() => held.length === profiles.length * inFlightPerProfile)
    run.cancel()
    await running
    expect(held.every(({ signal }) => signal.aborted)).toBe(true)
    expect(run.view().state).toBe('cancelled')
    // Cancelled before their intents were recorded (this fake records none): not run, as are the 6 never started.
    expect(run.view().counts).toMatchObject({ done: 0, left: 0, notRun: 18 })
  })
})
