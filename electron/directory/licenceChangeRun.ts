import type { LicenceChangeInput, UserLicences } from '../../shared/licenses'
import type { JournalEntry } from '../../shared/journal'
import type { ObjectRef } from '../../shared/directory'
import { recordChange, profileFieldsOf, type ChangeContext } from '../changes/recordChange'
import { requireCapability } from '../connectors/capabilities'
import { AppError } from '../errors/AppError'
import type { ConnectorPool } from './ConnectorPool'
import { userTypeOf } from './operationRules'

/*
 * `directory.licences` and `directory.changeLicence` (GoToMeeting, shared/licenses.ts). A change is
 * planned first (the adapter reads the user and the licences and refuses in words what cannot be
 * done), journaled as `assignLicense` / `removeLicense` with the licence as the related object and
 * the user's licences before → after, then sent. Each is undone by the opposite change.
 */

function licenceType(connectors: ConnectorPool, ref: { profileId: string; objectType: string }) {
  const { descriptor } = connectors.target(ref.profileId)
  const users = userTypeOf(descriptor)
  if (ref.objectType !== users.id || !users.licences) {
    throw new AppError('unsupported', `${descriptor.label} ${ref.objectType} have no licences Lanyard can show or change.`, { details: { objectType: ref.objectType } })
  }
  return users
}

export async function readLicences(connectors: ConnectorPool, ref: ObjectRef): Promise<UserLicences> {
  licenceType(connectors, ref)
  return requireCapability(await connectors.connectorFor(ref.profileId), 'managesLicences').readLicences(ref.objectId)
}

export async function changeLicence(connectors: ConnectorPool, context: ChangeContext, input: LicenceChangeInput): Promise<JournalEntry> {
  const users = licenceType(connectors, input)
  const connector = requireCapability(await connectors.connectorFor(input.profileId), 'managesLicences')
  const plan = await connector.planLicenceChange(input.objectId, input.licenseKey, input.change)
  const before = plan.held
  const after = input.change === 'assign' ? [...before, plan.licence.name] : before.filter((name) => name !== plan.licence.name)
  const touched = [{ objectType: users.id, ids: [plan.userId] }]
  const { entryId } = await recordChange(context, {
    profileId: input.profileId,
    intent: {
      ...profileFieldsOf(connectors.target(input.profileId).profile),
      action: input.change === 'assign' ? 'assignLicense' : 'removeLicense',
      target: { objectType: users.id, id: plan.userId, name: plan.userName },
      related: { objectType: 'licences', id: plan.licence.key, name: plan.licence.name },
      changes: [{ attribute: 'licences', before, after }],
      snapshot: null,
      undoOf: null,
    },
    apply: async () => {
      await connector.setLicences(plan.userId, plan.licenseKeys)
      return { value: null, touched, ...(plan.suspends ? { message: `${plan.userName} holds no licence and no admin role now: GoTo shows them Suspended.` } : {}) }
    },
    touchedOnFailure: touched,
  })
  return context.journal.entry(entryId)
}
