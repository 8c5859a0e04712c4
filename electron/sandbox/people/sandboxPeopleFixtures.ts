import {
  companyDirectory,
  fixtureOnlyApplication,
  fixturePeopleCount,
  fixtureSlots,
  fixtureSuspendedApplication,
  type CompanyAccounts,
  type CompanyDirectory,
  type SandboxApplication,
} from './companyAccounts'

/**
 * The named sandbox people, one per difference between the tenants (README "Sandbox people"), for
 * tests and demos to use instead of hard-coded names. Their names, emails and logins are the same
 * for every seed (their department, office and groups come from the seed).
 */

export interface SandboxFixturePerson {
  index: number
  displayName: string
  firstName: string
  lastName: string
  /** The email the person has wherever it is the same: Okta's login, Cognito's `email` attribute, Coupa's email. */
  email: string
  department: string
  /** Per application the person has an account in: its login, email and status there. */
  accounts: CompanyAccounts
}

export interface SandboxPeopleFixtures {
  /** Active in all four tenants under one email. */
  everywhere: SandboxFixturePerson
  /** In Okta and Coupa, in neither Cognito nor GoTo. */
  oktaAndCoupaOnly: SandboxFixturePerson
  /** Cognito's Username is a generated id (a UUID); the shared email is the `email` attribute. */
  cognitoGeneratedId: SandboxFixturePerson
  /** Coupa's login is `flast`, not the email nor its local part. */
  coupaOtherLogin: SandboxFixturePerson
  /** GoTo knows the person only under an older alias (`flast@…`): the shared email is nowhere in GoTo. */
  goToOldAlias: SandboxFixturePerson
  /** Suspended in one application, active in the three others. */
  suspendedInOne: { person: SandboxFixturePerson; application: SandboxApplication }
  /** Two different people (different emails, both everywhere) with the same display name. */
  sameNameTwins: [SandboxFixturePerson, SandboxFixturePerson]
  /** An account in one application only. */
  onlyInOne: { person: SandboxFixturePerson; application: SandboxApplication }
}

/** The fixtures of the tenants seeded with `seed` and `users` people; pass `company` when it is already generated. */
export function sandboxPeopleFixtures(seed: string, users: number, company?: CompanyDirectory): SandboxPeopleFixtures {
  if (users < fixturePeopleCount) {
    throw new RangeError(`The sandbox's named people need at least ${fixturePeopleCount} users; start the tenants with users: ${fixturePeopleCount} or more, not ${users}.`)
  }
  const directory = company ?? companyDirectory({ count: users, seed })
  const person = (index: number): SandboxFixturePerson => {
    const generated = directory.people[index]
    if (!generated) throw new RangeError(`The company has no person ${index}: it was generated with ${directory.people.length} people, not ${users}.`)
    const { displayName, firstName, lastName, email, department } = generated
    return { index, displayName, firstName, lastName, email, department, accounts: directory.accounts[index] ?? {} }
  }
  return {
    everywhere: person(fixtureSlots.everywhere),
    oktaAndCoupaOnly: person(fixtureSlots.oktaAndCoupaOnly),
    cognitoGeneratedId: person(fixtureSlots.cognitoGeneratedId),
    coupaOtherLogin: person(fixtureSlots.coupaOtherLogin),
    goToOldAlias: person(fixtureSlots.goToOldAlias),
    suspendedInOne: { person: person(fixtureSlots.suspendedInOne), application: fixtureSuspendedApplication },
    sameNameTwins: [person(fixtureSlots.sameNameTwinA), person(fixtureSlots.sameNameTwinB)],
    onlyInOne: { person: person(fixtureSlots.onlyInOne), application: fixtureOnlyApplication },
  }
}
