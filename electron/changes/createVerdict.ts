import { findObjectType, getDescriptor } from '../../shared/catalogue'
import type { DirectoryObject } from '../../shared/directory'
import type { Connector } from '../connectors/Connector'
import { isSensitive, notRecorded, sameValue } from '../directory/attributeChanges'
import { AppError } from '../errors/AppError'
import { noEvidence, userNameOf, type CreateEvidence } from '../journal/createEvidence'
import type { IntentRecord } from '../journal/journalRecord'
import type { Verdict } from './verdict'

/**
 * The workstation's clock (the intent's time) and the target's (its creation time) may differ by
 * this much: an object created up to this long before the intent is not ruled out by time alone.
 */
export const clockToleranceMs = 60_000

/**
 * Settles a create by what only that attempt could have made: the object by the id it was given;
 * otherwise the object of that unique name, created no earlier than the attempt began (where the
 * target keeps a creation time: Okta `created`, Cognito `UserCreateDate`, Coupa `created-at`;
 * GoTo keeps none), holding every value the create sent and claimed by no other entry. When the
 * evidence cannot single it out, the verdict is "could not tell" (`undetermined`), never a guess.
 */
export async function createVerdict(connector: Connector, intent: IntentRecord, evidence: CreateEvidence, signal?: AbortSignal): Promise<Verdict> {
  const { target } = intent
  if (evidence.knownId) return byKnownId(connector, intent, evidence.knownId, signal)
  // The username is unique; the journaled name is only provisional (the target may show another).
  const userName = userNameOf(intent)
  const name = userName ?? target.name
  const page = await connector.list(target.objectType, { search: name, cursor: null, pageSize: 20 }, signal)
  const named = page.items.filter((item) => (userName ? item.attributes.userName === userName : item.displayName === name))
  if (named.length === 0) return { status: 'failed', message: `${target.name} is not at the target: it was not created.` }

  const judged = named.map((object) => ({ object, objection: objectionTo(object, intent, evidence) }))
  const fitting = judged.filter((candidate) => candidate.objection === null).map((candidate) => candidate.object)
  if (fitting.length === 0) {
    const objections = judged.map((candidate) => candidate.objection!)
    const message = `${name} is at the target, but ${objections.map((objection) => objection.text).join('; ')}`
    // Made before the attempt, or by another entry: this attempt made nothing. Other values: edited since, or someone else's.
    if (objections.every((objection) => objection.refutes)) return { status: 'failed', message: `${message}: this attempt did not create it.` }
    return undetermined(`${message}. It may have been made by this attempt and changed since, or made by someone else.`)
  }
  if (fitting.length > 1) return undetermined(`${fitting.length} objects named ${name} at the target could each be the one this create made.`)
  const found = fitting[0]!
  const rivals = evidence.rivals.filter((rival) => objectionTo(found, rival, noEvidence) === null)
  if (rivals.length > 0) {
    const when = rivals.map((rival) => rival.time.slice(0, 19).replace('T', ' ')).join(', ')
    return undetermined(`Found ${found.displayName} at the target, but another unfinished create of ${name} (started ${when} UTC) could have made it as well.`)
  }
  return {
    status: 'applied',
    message: `Found ${found.displayName} at the target, holding what this create sent and made no earlier than it began: it was created.`,
    target: { id: found.id, name: found.displayName },
  }
}

export function undetermined(reason: string): Verdict {
  return { status: 'undetermined', message: `Could not tell whether it took effect: ${reason}` }
}

async function byKnownId(connector: Connector, intent: IntentRecord, id: string, signal?: AbortSignal): Promise<Verdict> {
  try {
    const found = await connector.get(intent.target.objectType, id, signal)
    return { status: 'applied', message: `Found ${found.displayName} by the id the target gave this create: it was created.`, target: { id: found.id, name: found.displayName } }
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'not_found')) throw error
    return undetermined(`the target gave this create the id ${id}, and nothing has that id now; it may have been deleted since.`)
  }
}

interface Objection {
  text: string
  /** Proves this attempt did not make the object (as opposed to: cannot say). */
  refutes: boolean
}

/** Why `object` cannot be what `intent` made, or null when it can. */
function objectionTo(object: DirectoryObject, intent: IntentRecord, evidence: CreateEvidence): Objection | null {
  const claimedBy = evidence.claimOf(object.id)
  if (claimedBy) return { text: `the journal records it as made by another entry (${claimedBy})`, refutes: true }
  const created = object.attributes['meta.created']
  const createdAt = typeof created === 'string' ? Date.parse(created) : Number.NaN
  if (createdAt < Date.parse(intent.time) - clockToleranceMs) return { text: `it was created at ${created}, before this attempt began`, refutes: true }
  const differing = differingAttributes(object, intent)
  if (differing.length > 0) return { text: `it holds other values for ${differing.join(', ')} than this create sent`, refutes: false }
  return null
}

/**
 * The recorded values the object does not hold. Write-only values (never returned), values not
 * recorded and attributes the target does not return at all cannot be compared and are skipped.
 */
function differingAttributes(object: DirectoryObject, intent: IntentRecord): string[] {
  const type = findObjectType(getDescriptor(intent.connectorId), intent.target.objectType)
  return intent.changes
    .filter((change) => change.attribute !== 'groups' && change.after !== notRecorded && change.after !== null)
    .filter((change) => !(type && isSensitive(type, change.attribute)))
    .filter((change) => object.attributes[change.attribute] !== undefined)
    .filter((change) => !sameValue(object.attributes[change.attribute] ?? null, change.after))
    .map((change) => change.attribute)
}
