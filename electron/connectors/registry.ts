import type { ConnectorId } from '../../shared/catalogue/types'
import { createCognitoConnector } from './cognito/createCognitoConnector'
import type { ConnectorFactory } from './Connector'
import { createCoupaConnector } from './coupa/createCoupaConnector'
import { createGoToMeetingConnector } from './gotomeeting/createGoToMeetingConnector'
import { createOktaConnector } from './okta/createOktaConnector'

/**
 * The adapter for each connector id. A connector without one is listed and configurable offline,
 * and its directory calls answer `unsupported` ("not available in this version").
 */
export const connectorFactories: Partial<Record<ConnectorId, ConnectorFactory>> = {
  okta: createOktaConnector,
  cognito: createCognitoConnector,
  coupa: createCoupaConnector,
  gotomeeting: createGoToMeetingConnector,
}
