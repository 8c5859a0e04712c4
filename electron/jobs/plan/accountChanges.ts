import type { JobChange } from '../../../shared/jobs'
import type { PersonAccount } from '../../../shared/people'

/** The change that deprovisions one account, in the words the plan's table shows. */
export function deprovisionChange(account: PersonAccount): JobChange {
  return {
    ...accountFields(account),
    action: 'deprovision',
    group: null,
    before: account.statusLabel || 'active',
    after: 'Deprovisioned; status and groups kept for undo',
    entryToUndo: null,
  }
}

export function undoChange(account: PersonAccount, entryToUndo: string, recordedStatus: string): JobChange {
  return { ...accountFields(account), action: 'undoDeprovision', group: null, before: account.statusLabel, after: `${recordedStatus || 'As before'}, groups back`, entryToUndo }
}

export function membershipChange(
  account: Pick<PersonAccount, 'profileId' | 'profileName' | 'connectorId' | 'userId' | 'displayName'>,
  action: 'addMember' | 'removeMember',
  group: { objectType: string; id: string; name: string },
): JobChange {
  const before = action === 'addMember' ? `Not in ${group.name}` : `In ${group.name}`
  const after = action === 'addMember' ? `In ${group.name}` : `Not in ${group.name}`
  return { ...accountFields(account), action, group, before, after, entryToUndo: null }
}

function accountFields(account: Pick<PersonAccount, 'profileId' | 'profileName' | 'connectorId' | 'userId' | 'displayName'>) {
  return {
    profileId: account.profileId,
    profileName: account.profileName,
    connectorId: account.connectorId,
    objectType: 'users',
    objectId: account.userId,
    displayName: account.displayName,
  }
}
