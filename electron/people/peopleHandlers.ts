import type { Handlers } from '../../shared/contract'
import type { ConnectorPool } from '../directory/ConnectorPool'
import type { Logger } from '../logging/Logger'
import type { Offboarding } from './Offboarding'
import { planOffboarding } from './offboardingPlan'
import type { PeopleSearch } from './PeopleSearch'

type PeopleCall = Extract<keyof Handlers, `people.${string}`>

/** `people.*`: thin, input already validated by the contract wrapper. */
export function createPeopleHandlers(services: {
  search: PeopleSearch
  offboarding: Offboarding
  connectors: ConnectorPool
  logger: Logger
}): Pick<Handlers, PeopleCall> {
  return {
    'people.search': (input) => services.search.search(input),
    'people.cancel': async ({ searchKey }) => services.search.cancel(searchKey),
    'people.planOffboarding': ({ accounts }) => planOffboarding(services.connectors, services.logger, accounts),
    'people.offboard': (input) => services.offboarding.offboard(input),
  }
}
