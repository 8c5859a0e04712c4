import { findObjectType, getDescriptor } from '../../shared/catalogue'
import { requireCapability } from '../connectors/capabilities'
import type { Connector } from '../connectors/Connector'
import { isSensitive, sameValue } from '../directory/attributeChanges'
import { readAllGroupsOf } from '../directory/readAllGroupsOf'
import { AppError } from '../errors/AppError'
import { noEvidence, type CreateEvidence } from '../journal/createEvidence'
import { createVerdict } from './createVerdict'
import type { IntentRecord } from '../journal/journalRecord'
import { accountActionVerdict } from './accountActionVerdict'
import { lifecycleVerdict } from './lifecycleVerdict'
import { uncheckable, type Verdict } from './verdict'

// Callers of checkIntent (Settling, the settling tests) take the verdict's shape from here too.
export { uncheckable, type Verdict } from './verdict'

/**
 * Reads the target to tell whether an unfinished change took effect. Each action has its own
 * evidence: the created object only that attempt could have made (createVerdict), the changed
 * attributes' values, the deleted object gone, the membership present or absent, the user against
 * every part of the snapshot (lifecycleVerdict). Anything that cannot be read gives `pending` with
 * the reason, and is tried again when the target answers.
 */
export async function checkIntent(connector: Connector, intent: IntentRecord, signal?: AbortSignal, evidence: CreateEvidence = noEvidence): Promise<Verdict> {
  try {
    return await verdictFor(connector, intent, evidence, signal)
  } catch (error) {
    const reason = error instanceof AppError ? error.message : 'an unexpected error stopped the check.'
    return uncheckable(reason)
  }
}

async function verdictFor(connector: Connector, intent: IntentRecord, evidence: CreateEvidence, signal?: AbortSignal): Promise<Verdict> {
  const { target } = intent
  switch (intent.action) {
    case 'create':
      return createVerdict(connector, intent, evidence, signal)
    case 'update':
      return updateVerdict(connector, intent, signal)
    case 'delete':
      return deleteVerdict(connector, intent, signal)
    case 'addMember':
    case 'removeMember': {
      const group = intent.related
      if (!group) return uncheckable('the journal entry does not name the group.')
      const isMember = (await readAllGroupsOf(requireCapability(connector, 'readsMemberships'), target.id, group.objectType, signal)).some((candidate) => candidate.id === group.id)
      const wanted = intent.action === 'addMember'
      const state = isMember ? `is in ${group.name}` : `is not in ${group.name}`
      return { status: isMember === wanted ? 'applied' : 'failed', message: `${target.name} ${state}.` }
    }
    case 'deprovision':
    case 'undoDeprovision':
      return lifecycleVerdict(connector, intent, signal)
    case 'assignLicense':
    case 'removeLicense': {
      const licence = intent.related
      if (!licence) return uncheckable('the journal entry does not name the licence.')
      const holds = (await requireCapability(connector, 'managesLicences').readLicences(target.id, signal)).held.some((held) => held.key === licence.id)
      return { status: holds === (intent.action === 'assignLicense') ? 'applied' : 'failed', message: `${target.name} ${holds ? 'holds' : 'does not hold'} ${licence.name}.` }
    }
    default:
      return accountActionVerdict(connector, intent, signal)
  }
}

async function updateVerdict(connector: Connector, intent: IntentRecord, signal?: AbortSignal): Promise<Verdict> {
  const current = await connector.get(intent.target.objectType, intent.target.id, signal)
  const type = findObjectType(getDescriptor(intent.connectorId), intent.target.objectType)
  const checkable = intent.changes.filter((change) => !type || !isSensitive(type, change.attribute))
  if (checkable.length === 0) return uncheckable('only write-only attributes changed, and the target never returns them.')
  const landed = checkable.filter((change) => sameValue(current.attributes[change.attribute] ?? null, change.after))
  const target = { id: current.id, name: current.displayName }
  if (landed.length === checkable.length) return { status: 'applied', message: 'The target holds the new values.', target }
  if (landed.length === 0) return { status: 'failed', message: 'The target still holds the old values.', target }
  const missing = checkable.filter((change) => !landed.includes(change)).map((change) => change.attribute)
  return { status: 'partial', message: `Some new values are at the target; not ${missing.join(', ')}.`, target }
}

/**
 * Gone is applied. Still there with the status it had is not applied; with another status, a delete
 * that runs in steps (Okta: deactivate, then delete) stopped after its first one: partial. A
 * journal written before the status was recorded cannot tell a changed status from an old one.
 */
async function deleteVerdict(connector: Connector, intent: IntentRecord, signal?: AbortSignal): Promise<Verdict> {
  const { target, statusBefore } = intent
  let status: string | undefined
  try {
    status = (await connector.get(target.objectType, target.id, signal)).status?.label
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return { status: 'applied', message: `${target.name} is gone from the target: it was deleted.` }
    throw error
  }
  if (status === undefined || status === statusBefore) return { status: 'failed', message: `${target.name} is still at the target: it was not deleted.` }
  if (statusBefore === undefined) {
    return { status: 'undetermined', message: `Could not tell whether it took effect: ${target.name} is still at the target, now ${status}, and this entry does not say what it was before.` }
  }
  return {
    status: 'partial',
    message: `${target.name} is still at the target, but ${status} (was ${statusBefore}): the delete took effect only in part. Delete again to finish.`,
  }
}
