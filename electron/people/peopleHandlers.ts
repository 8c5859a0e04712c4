import type { Handlers } from '../../shared/contract'
import { AppError } from '../errors/AppError'

type PeopleCall = Extract<keyof Handlers, `people.${string}`>

/** `people.*`: not served yet — each answers `unsupported` until the people service is wired in. */
export function createPeopleHandlers(): Pick<Handlers, PeopleCall> {
  const notYet = async (): Promise<never> => {
    throw new AppError('unsupported', 'People search and offboarding are not available in this build yet.')
  }
  return { 'people.search': notYet, 'people.cancel': notYet, 'people.planOffboarding': notYet, 'people.offboard': notYet }
}
