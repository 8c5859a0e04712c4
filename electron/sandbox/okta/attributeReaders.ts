import type { AttributeReader } from './evaluateExpression'
import type { OktaGroupRecord, OktaUserRecord } from './oktaRecords'

/** How search/filter/sortBy read a user's attributes (`profile.x`, `type.id`, top-level fields). */
export function readUserAttribute(user: OktaUserRecord): AttributeReader {
  return (attribute) => {
    if (attribute.startsWith('profile.')) return user.profile[attribute.slice('profile.'.length)]
    switch (attribute) {
      case 'id':
      case 'status':
      case 'created':
      case 'activated':
      case 'statusChanged':
      case 'lastUpdated':
      case 'lastLogin':
      case 'passwordChanged':
        return user[attribute]
      case 'type.id':
        return user.typeId
      default:
        return undefined
    }
  }
}

export function readGroupAttribute(group: OktaGroupRecord): AttributeReader {
  return (attribute) => {
    if (attribute.startsWith('profile.')) return group.profile[attribute.slice('profile.'.length)]
    switch (attribute) {
      case 'id':
      case 'type':
      case 'created':
      case 'lastUpdated':
      case 'lastMembershipUpdated':
        return group[attribute]
      case 'source.id':
        return group.sourceAppId
      default:
        return undefined
    }
  }
}
