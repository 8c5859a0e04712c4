import type { ConnectorId } from '../../shared/catalogue/types'
import type { RunningCoupaSandbox } from '../../electron/sandbox/coupa/startCoupaSandbox'
import type { RunningGoToMeetingSandbox } from '../../electron/sandbox/gotomeeting/startGoToMeetingSandbox'
import type { RunningOktaSandbox } from '../../electron/sandbox/okta/startOktaSandbox'
import type { RunningSandbox } from '../../electron/sandbox/types'

/**
 * The account a sandbox tenant's credentials sign in with, as the tenant itself knows it (Okta's
 * token owner, GoTo's administrator, Coupa's API user), which Lanyard refuses to deprovision
 * unasked; null for Cognito, whose IAM keys are no pool user.
 */
export function sandboxOwnAccount(connectorId: ConnectorId, tenant: RunningSandbox): string | null {
  if (connectorId === 'okta') return (tenant as RunningOktaSandbox).tenant.adminUser.id
  if (connectorId === 'gotomeeting') return (tenant as RunningGoToMeetingSandbox).tenant.adminUser.key
  if (connectorId === 'coupa') return String((tenant as RunningCoupaSandbox).tenant.apiUser.id)
  return null
}
