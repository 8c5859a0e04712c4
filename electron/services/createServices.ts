import type { EventName, EventPayload, Handlers } from '../../shared/contract'
import { connectorFactories } from '../connectors/registry'
import { ConnectorPool, type ConnectorFactories } from '../directory/ConnectorPool'
import { createBudgetEvents } from '../http/budgetEvents'
import { ChangeCompletionService } from '../changes/ChangeCompletionService'
import { RunningChanges } from '../changes/runningChanges'
import { DeprovisionService } from '../changes/DeprovisionService'
import { createDirectoryHandlers } from '../directory/directoryHandlers'
import { DirectoryService } from '../directory/DirectoryService'
import { Journal } from '../journal/Journal'
import { createJournalHandlers } from '../journal/journalHandlers'
import { createChangeHandlers } from '../changes/changeHandlers'
import { createPeopleHandlers } from '../people/peopleHandlers'
import { createJobHandlers } from '../jobs/jobHandlers'
import { Jobs } from '../jobs/Jobs'
import { JobStore } from '../jobs/JobStore'
import { PlanStore } from '../jobs/PlanStore'
import { JobPlanner } from '../jobs/plan/JobPlanner'
import { Offboarding } from '../people/Offboarding'
import { PeopleSearch } from '../people/PeopleSearch'
import { Reconciliation } from '../changes/Reconciliation'
import { Settling, type SettlingBackoff } from '../changes/Settling'
import type { Logger } from '../logging/Logger'
import { ProfileRepository } from '../profiles/ProfileRepository'
import { ProfileSecrets } from '../profiles/ProfileSecrets'
import { ProfileService } from '../profiles/ProfileService'
import type { SecretStore } from '../secrets/SecretStore'
import type { AppSandboxes, SandboxProfileHandlers } from './appSandboxes'
import { createAppHandlers } from './appHandlers'
import { assertEveryCallHandled } from './invokeContract'

export interface ServiceOptions {
  dataDirectory: string
  secretStore: SecretStore
  logger: Logger
  appVersion: string
  platform: string
  /** The shell's safe opener (only http/https); the service just calls it. */
  openExternal: (url: string) => Promise<void>
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  /** The adapter per connector id; the registry's by default. Tests pass a fake. */
  connectorFactories?: ConnectorFactories
  /**
   * Lanyard's sandbox tenants, when the app runs them: their Sandbox profiles are made at start-up
   * and a tenant starts when its profile is first used. (The audit rig, whose tenants already
   * run, gives only `ensureProfiles`.)
   */
  sandboxes?: Pick<AppSandboxes, 'ensureProfiles'> & Partial<AppSandboxes>
  /** How background settling spaces its checks of a change whose outcome is not known; tests shorten it. */
  settlingBackoff?: SettlingBackoff
  /** The clock bulk jobs read (their start and finish, their rate's window); the system's by default, a test's fixed one to check a rate. */
  jobsClock?: () => number
}

export interface Services {
  handlers: Handlers
  /** Lets the change in progress finish; call before the process exits. */
  close(): Promise<void>
}

/** For work made of several changes (an operation: offboarding, bulk jobs) before it has contract calls, and its tests. */
export interface OperationServices {
  operations: { journal: Journal; deprovisions: DeprovisionService }
  /** Where `jobs.plan` keeps plans for `jobs.start`; tests put plans of their own. */
  jobPlans: PlanStore
}

/**
 * Builds the main-process services and the handler for every contract call. Shared by the
 * Electron main process (IPC) and the preview bridge (HTTP), so both doors run the same code.
 * Handlers stay thin: input is already validated by `invokeContract`; they call a service.
 */
export async function createServices(options: ServiceOptions): Promise<Services & OperationServices> {
  const repository = await ProfileRepository.open(options.dataDirectory, options.logger)
  const secrets = new ProfileSecrets(options.secretStore, options.logger, (profileId, key) => repository.awaitsRemoval(profileId, key))
  const connectors = new ConnectorPool({
    repository,
    secrets,
    factories: options.connectorFactories ?? connectorFactories,
    logger: options.logger,
    beforeUse: async (profile) => options.sandboxes?.beforeUse?.(profile, profileHandlers),
    onBudgetChanged: createBudgetEvents((payload) => options.emit('budget.changed', payload)),
    onRetryWaits: (profileId, state) => options.emit('retries.changed', { profileId, ...state }),
  })
  const profiles = new ProfileService({
    repository,
    secrets,
    logger: options.logger,
    onChanged: (profileIds) => {
      // A changed or deleted profile's connector was built from the old values and secrets.
      connectors.forget(profileIds)
      options.emit('profiles.changed', { profileIds })
    },
  })
  const profileHandlers = {
    'profiles.list': () => profiles.list(),
    'profiles.get': ({ profileId }) => profiles.get(profileId),
    'profiles.create': (input) => profiles.create(input),
    'profiles.update': (input) => profiles.update(input),
  } satisfies SandboxProfileHandlers
  // In the background: a locked keychain may take long to refuse, and start-up must not wait on
  // it. Changes queue behind it; it never throws.
  void profiles.removePendingSecrets()

  const journal = await Journal.open({
    directory: options.dataDirectory,
    logger: options.logger,
    profileExists: (id) => repository.find(id) !== undefined,
  })
  const settling = new Settling({
    journal,
    connectorFor: (profileId) => connectors.connectorFor(profileId),
    logger: options.logger,
    emit: options.emit,
    backoff: options.settlingBackoff,
  })
  const running = new RunningChanges()
  const changeContext = { journal, logger: options.logger, emit: options.emit, settleLater: (entryId: string) => settling.watch(entryId), running }
  const directory = new DirectoryService(connectors, changeContext)
  const deprovisions = new DeprovisionService(connectors, changeContext)
  const completions = new ChangeCompletionService(connectors, changeContext)
  // Lanyard's own Sandbox profiles while sandbox profiles are switched off: not searched, as they would refuse.
  const switchedOff = async () => {
    const status = await options.sandboxes?.status?.()
    return status && !status.enabled ? status.profileIds : []
  }
  const peopleSearch = new PeopleSearch({
    connectors,
    profiles: () => repository.list(),
    switchedOff,
    emit: options.emit,
    logger: options.logger,
    answered: (profileId) => settling.profileAnswered(profileId),
  })
  const offboarding = new Offboarding({ connectors, journal, deprovisions, emit: options.emit, logger: options.logger })
  const plans = new PlanStore()
  const planner = new JobPlanner({
    connectors,
    journal,
    logger: options.logger,
    plans,
    profiles: () => repository.list(),
    switchedOff,
  })
  const jobs = await Jobs.open({
    services: { journal, deprovisions, directory, logger: options.logger, store: new JobStore(options.dataDirectory, options.logger), settle: (entryId) => settling.settle(entryId) },
    plans,
    publish: (job, changes) => options.emit('jobs.progress', { job, changes }),
    now: options.jobsClock,
  })
  let sandboxProfilesReady = () => {}
  // Runs in the background: reads the targets of changes left unfinished by the last run.
  const reconciliation = new Reconciliation({
    journal,
    settling,
    logger: options.logger,
    startAfter: new Promise<void>((resolve) => (sandboxProfilesReady = resolve)),
  })

  const handlers = {
    ...createAppHandlers(options, () => repository.storageProblem, profileHandlers, () => repository.profilesMadeReal),
    ...profileHandlers,
    'profiles.duplicate': (input) => profiles.duplicate(input),
    'profiles.delete': ({ profileId }) => profiles.delete(profileId),
    'profiles.export': ({ profileIds }) => profiles.export(profileIds),
    'profiles.importPreview': ({ content }) => profiles.importPreview(content),
    'profiles.import': ({ content, resolutions }) => profiles.import(content, resolutions),
    ...whenAnswered(
      createDirectoryHandlers(directory, deprovisions, (profileId) => connectors.target(profileId).descriptor, running),
      (profileId) => settling.profileAnswered(profileId),
    ),
    ...createJournalHandlers(journal),
    ...createChangeHandlers(reconciliation, deprovisions, completions, settling),
    ...createPeopleHandlers({ search: peopleSearch, offboarding, connectors, logger: options.logger }),
    ...createJobHandlers(jobs, planner),
  } satisfies Handlers
  assertEveryCallHandled(handlers)
  try {
    // Starts no tenant: only makes the Sandbox profiles a fresh install shows.
    await options.sandboxes?.ensureProfiles(profileHandlers)
  } finally {
    sandboxProfilesReady()
  }

  options.logger.info('services started', { dataDirectory: options.dataDirectory, profiles: repository.list().length })
  return {
    handlers,
    operations: { journal, deprovisions },
    jobPlans: plans,
    close: async () => {
      // Jobs start no more changes and let those in flight finish; they resume at the next start.
      await jobs.close()
      // Settling's close cuts the check under way short; reconciliation then stops between checks.
      await Promise.all([settling.close(), reconciliation.close()])
      await profiles.idle()
      await journal.idle()
      connectors.closeAll()
    },
  }
}

/**
 * A directory call that succeeded shows its profile's target answers again: `answered` is told
 * (settling then checks that profile's changes whose outcome is not known).
 */
function whenAnswered<H extends Record<string, (input: never) => Promise<unknown>>>(handlers: H, answered: (profileId: string) => void): H {
  const wrapped: Record<string, (input: never) => Promise<unknown>> = {}
  for (const [name, handler] of Object.entries(handlers)) {
    wrapped[name] = async (input) => {
      const result = await handler(input)
      const profileId = (input as { profileId?: unknown }).profileId
      if (typeof profileId === 'string') answered(profileId)
      return result
    }
  }
  return wrapped as H
}
