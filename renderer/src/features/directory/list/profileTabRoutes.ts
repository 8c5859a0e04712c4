import type { ConnectorDescriptor } from '../../../../../shared/catalogue/types'

/** The About tab's route segment; object types use their descriptor id (`users`, `groups`, `roles`). */
export const aboutTab = 'about'

export interface ProfileTab {
  id: string
  label: string
  to: string
}

/** The descriptor's object types in its order, then About. */
export function profileTabs(profileId: string, descriptor: ConnectorDescriptor): ProfileTab[] {
  return [
    ...descriptor.objectTypes.map((objectType) => ({
      id: objectType.id,
      label: objectType.label,
      to: `/profiles/${profileId}/${objectType.id}`,
    })),
    { id: aboutTab, label: 'About', to: `/profiles/${profileId}/${aboutTab}` },
  ]
}

/** Where `/profiles/:id` lands: the first object type, or About for a connector without any. */
export function defaultTabPath(profileId: string, descriptor: ConnectorDescriptor): string {
  const first = descriptor.objectTypes[0]
  return `/profiles/${profileId}/${first ? first.id : aboutTab}`
}

export function tabElementId(profileId: string, tabId: string): string {
  return `profile-tab-${profileId}-${tabId}`
}
