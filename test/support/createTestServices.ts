import type { EventName, EventPayload } from '../../shared/contract'
import type { Logger } from '../../electron/logging/Logger'
import type { SecretStore } from '../../electron/secrets/SecretStore'
import { createServices, type ServiceOptions } from '../../electron/services/createServices'
import { MemorySecretStore } from './MemorySecretStore'
import { createRecordingLogger } from './recordingLogger'

export interface EmittedEvent {
  event: EventName
  payload: EventPayload<EventName>
}

/** `createServices` as the shell would call it, with everything it reaches out to recorded. */
export async function createTestServices(
  dataDirectory: string,
  overrides: {
    secretStore?: SecretStore
    logger?: Logger
    /** Also told of every event main emits, as it is emitted (a renderer test relays them). */
    onEvent?: (event: EventName, payload: EventPayload<EventName>) => void
  } & Pick<ServiceOptions, 'connectorFactories' | 'sandboxes' | 'settlingBackoff' | 'jobsClock'> = {},
) {
  const events: EmittedEvent[] = []
  const opened: string[] = []
  const secretStore = overrides.secretStore ?? new MemorySecretStore()
  const logger = overrides.logger ?? createRecordingLogger()
  const services = await createServices({
    dataDirectory,
    secretStore,
    logger,
    appVersion: '9.8.7',
    platform: 'linux',
    openExternal: async (url) => void opened.push(url),
    emit: (event, payload) => {
      events.push({ event, payload })
      overrides.onEvent?.(event, payload)
    },
    connectorFactories: overrides.connectorFactories,
    sandboxes: overrides.sandboxes,
    settlingBackoff: overrides.settlingBackoff,
    jobsClock: overrides.jobsClock,
  })
  return { ...services, events, opened, secretStore, logger }
}

/**
 * Test services on `dataDirectory` whose log is recorded (`logger.lines`), pushed on `running` (see
 * closeAfterEach) to be closed after the test: what the integration tests that read the log start with.
 */
export async function startRecordedServices(
  dataDirectory: string,
  running: { close(): Promise<unknown> }[],
  options: Pick<ServiceOptions, 'settlingBackoff'> = {},
) {
  const logger = createRecordingLogger()
  const services = await createTestServices(dataDirectory, { ...options, logger })
  running.push(services)
  return { logger, services }
}
