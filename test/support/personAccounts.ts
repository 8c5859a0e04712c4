import type { PersonAccount } from '../../shared/people'

/** Profile ids as UUIDs (the contract's account refs require them), one per sandbox application. */
export const peopleProfiles = {
  okta: { profileId: '00000000-0000-4000-8000-0000000000a1', profileName: 'Okta Sandbox', connectorId: 'okta', application: 'Okta' },
  cognito: { profileId: '00000000-0000-4000-8000-0000000000a2', profileName: 'AWS Cognito Sandbox', connectorId: 'cognito', application: 'AWS Cognito' },
  coupa: { profileId: '00000000-0000-4000-8000-0000000000a3', profileName: 'Coupa Sandbox', connectorId: 'coupa', application: 'Coupa' },
  gotomeeting: { profileId: '00000000-0000-4000-8000-0000000000a4', profileName: 'GoToMeeting Sandbox', connectorId: 'gotomeeting', application: 'GoToMeeting' },
} as const

export type PeopleApplication = keyof typeof peopleProfiles

/** One account of a person in one sandbox application; a name and an email are enough for most tests. */
export function personAccount(application: PeopleApplication, overrides: Partial<PersonAccount> & { userId: string }): PersonAccount {
  const displayName = overrides.displayName ?? 'Dana Lee'
  const [givenName, ...family] = displayName.split(' ')
  return {
    ...peopleProfiles[application],
    displayName,
    userName: null,
    email: null,
    otherEmails: [],
    givenName: givenName ?? null,
    familyName: family.join(' ') || null,
    state: 'active',
    statusLabel: 'ACTIVE',
    lastSignInAt: null,
    ...overrides,
  }
}

/** Dana Lee as the sandbox tenants keep her: the same email everywhere, with each target's own quirks. */
export function danaLee(): [okta: PersonAccount, cognito: PersonAccount, coupa: PersonAccount, gotomeeting: PersonAccount] {
  return [
    personAccount('okta', { userId: '00u-dana', userName: 'dana.lee@acme.example', email: 'dana.lee@acme.example', lastSignInAt: '2026-12-01T09:00:00.000Z' }),
    personAccount('cognito', { userId: 'c-dana', userName: '7f3c9a2e-1b4d-4e8f-9a0b-5c6d7e8f9a0b', email: 'Dana.Lee@acme.example', statusLabel: 'Enabled' }),
    personAccount('coupa', { userId: '41', userName: 'dlee', email: 'dana.lee@acme.example', statusLabel: 'active' }),
    personAccount('gotomeeting', { userId: 'g-dana', userName: 'dana.lee@acme.example', email: 'dana.lee@acme.example' }),
  ]
}
