import type { Handlers } from '../../shared/contract'
import type { RunningOktaSandbox } from '../../electron/sandbox/okta/startOktaSandbox'

/** A sandbox profile for an Okta tenant the test started, made through the services' own call. */
export function createOktaSandboxProfile(services: { handlers: Pick<Handlers, 'profiles.create'> }, sandbox: RunningOktaSandbox) {
  return services.handlers['profiles.create']({
    connectorId: 'okta',
    name: 'Okta Sandbox',
    environment: 'sandbox',
    values: { url: sandbox.url },
    secrets: { token: sandbox.credentials.token! },
  })
}
