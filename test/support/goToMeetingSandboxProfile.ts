import type { Handlers } from '../../shared/contract'
import type { RunningGoToMeetingSandbox } from '../../electron/sandbox/gotomeeting/startGoToMeetingSandbox'

/**
 * A sandbox profile for a GoTo account the test started, made through the services' own call. It
 * signs in with the password grant (an older OAuth client's way), as createOktaSandboxProfile does for Okta.
 */
export function createGoToMeetingSandboxProfile(services: { handlers: Pick<Handlers, 'profiles.create'> }, sandbox: RunningGoToMeetingSandbox) {
  const { username, password, clientId, clientSecret, accountKey } = sandbox.credentials
  return services.handlers['profiles.create']({
    connectorId: 'gotomeeting',
    name: 'GoTo Sandbox',
    environment: 'sandbox',
    values: { url: sandbox.url, username: username!, clientId: clientId!, accountKey: accountKey! },
    secrets: { password: password!, clientSecret: clientSecret! },
  })
}
