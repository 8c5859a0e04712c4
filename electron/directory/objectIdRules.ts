import type { ConnectorDescriptor } from '../../shared/catalogue/types'
import { pathSegmentProblem } from '../http/pathSegments'
import { AppError } from '../errors/AppError'

/** The ids a call names, by input field (`objectId`, `userId`, `groups`). */
export type NamedIds = Record<string, string | readonly string[] | undefined>

/**
 * Refuses, before anything is journaled or sent, an id the connector could only send as a path:
 * for a target that carries ids in its URL paths (`objectIdsTravelIn: 'urlPath'`), an id that is
 * `.` or `..` or holds `/` or `\`, percent-encoded or not. No such target ever gives out such an
 * id; a Cognito username may hold them and travels in a JSON body, so it is left alone. The HTTP
 * client refuses the same paths again (`requestUrl.ts`) as the last gate.
 */
export function refusePathLikeIds(descriptor: ConnectorDescriptor, ids: NamedIds): void {
  if (descriptor.objectIdsTravelIn !== 'urlPath') return
  const fields: Record<string, string> = {}
  for (const [field, value] of Object.entries(ids)) {
    const list = typeof value === 'string' ? [value] : (value ?? [])
    list.forEach((id, index) => {
      const problem = pathSegmentProblem(id)
      if (problem !== null) fields[typeof value === 'string' ? field : `${field}.${index}`] = `This id ${problem}: ${descriptor.label} ids never do.`
    })
  }
  const [first] = Object.values(fields)
  if (first === undefined) return
  throw new AppError(
    'invalid_input',
    `Nothing was sent to ${descriptor.label}: an id that reads as a path is not an id. ${first} Refresh the list and choose the object again.`,
    { fields },
  )
}
