import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { accountKey, groupPeople, personHolding, type Person } from '../../shared/personGrouping'
import type { PersonAccount } from '../../shared/people'
import { danaLee, personAccount, type PeopleApplication } from '../support/personAccounts'

/** The one person grouping made of these accounts. */
function onlyPerson(people: Person[]): Person {
  expect(people).toHaveLength(1)
  const [person] = people
  if (!person) throw new Error('no person')
  return person
}

const reasons = (person: Person) => Object.fromEntries(person.accounts.map((grouped) => [grouped.account.application, grouped.reason]))

describe('grouping accounts into people', () => {
  it('groups one person found in four applications, the same email in different case, Coupa by email though its login is not', () => {
    const person = onlyPerson(groupPeople(danaLee()))

    expect(person.displayName).toBe('Dana Lee')
    expect(person.weak).toBe(false)
    expect(reasons(person)).toEqual({
      Okta: 'same email dana.lee@acme.example',
      'AWS Cognito': 'same email dana.lee@acme.example',
      Coupa: 'same email dana.lee@acme.example',
      GoToMeeting: 'same email dana.lee@acme.example',
    })
  })

  it('groups a Cognito user whose username is a generated id by the email attribute', () => {
    const [okta, cognito] = danaLee()
    const person = onlyPerson(groupPeople([okta, { ...cognito, email: 'DANA.LEE@ACME.EXAMPLE' }]))

    expect(person.accounts.map((grouped) => grouped.basis)).toEqual(['email', 'email'])
  })

  it('groups by username, an email-shaped one by its local part, when no email is shared', () => {
    const okta = personAccount('okta', { userId: 'o1', userName: 'Dana.Lee@acme.example', email: 'dana.lee@acme.example' })
    const coupa = personAccount('coupa', { userId: 'c1', userName: 'dana.lee', email: null })

    const person = onlyPerson(groupPeople([okta, coupa]))

    expect(person.accounts).toHaveLength(2)
    expect(reasons(person)).toEqual({ Okta: 'same username dana.lee', Coupa: 'same username dana.lee' })
  })

  it('groups a GoToMeeting account under an older alias by name only, as a weak match to confirm', () => {
    const accounts = danaLee()
    accounts[3] = { ...accounts[3], email: 'dlee.old@acme.example', userName: 'dlee.old@acme.example' }

    const person = onlyPerson(groupPeople(accounts))

    expect(person.weak).toBe(true)
    expect(reasons(person).GoToMeeting).toBe('same name only — confirm')
    expect(reasons(person).Okta).toBe('same email dana.lee@acme.example')
  })

  it('counts an account’s other emails: the alias Okta keeps joins the GoTo account by email', () => {
    const accounts = danaLee()
    accounts[0] = { ...accounts[0], otherEmails: ['DLee.Old@acme.example'] }
    accounts[3] = { ...accounts[3], email: 'dlee.old@acme.example', userName: 'dlee.old@acme.example' }

    const person = onlyPerson(groupPeople(accounts))

    expect(person.weak).toBe(false)
    expect(reasons(person).GoToMeeting).toBe('same email dlee.old@acme.example')
  })

  it('does not merge two different people with the same name whose emails differ', () => {
    const first = (['okta', 'coupa'] as const).map((app) => personAccount(app, { userId: `${app}-1`, displayName: 'Sam Park', email: 'sam.park@acme.example' }))
    const second = (['okta', 'coupa'] as const).map((app) => personAccount(app, { userId: `${app}-2`, displayName: 'Sam Park', email: 'sam.park2@acme.example' }))

    const people = groupPeople([...first, ...second])

    expect(people).toHaveLength(2)
    expect(people.map((person) => person.accounts.map((grouped) => grouped.account.email))).toEqual(
      expect.arrayContaining([
        ['sam.park@acme.example', 'sam.park@acme.example'],
        ['sam.park2@acme.example', 'sam.park2@acme.example'],
      ]),
    )
    expect(people.every((person) => !person.weak)).toBe(true)
  })

  it('does not join by name when the name points at more than one other person', () => {
    const sams = (['okta', 'coupa', 'gotomeeting'] as const).map((app, index) => personAccount(app, { userId: `s${index}`, displayName: 'Sam Park', email: `sam${index}@acme.example` }))

    expect(groupPeople(sams)).toHaveLength(3)
  })

  it('shows a person found in only two applications with those two accounts', () => {
    const [okta, , coupa] = danaLee()
    const person = onlyPerson(groupPeople([okta, coupa]))

    expect(person.accounts.map((grouped) => grouped.account.application)).toEqual(['Coupa', 'Okta'])
  })

  it('says a lone account is the only one found', () => {
    const person = onlyPerson(groupPeople([danaLee()[0]]))
    expect(person.accounts[0]).toMatchObject({ basis: 'alone', reason: 'only account found' })
  })

  it('splits an account out of its person, and adds one by hand to another person', () => {
    const accounts = danaLee()
    const stranger = personAccount('gotomeeting', { userId: 'g-other', displayName: 'D. Lee', email: 'dl@elsewhere.example' })
    const cognitoKey = accountKey(accounts[1])
    const oktaKey = accountKey(accounts[0])

    const split = groupPeople([...accounts, stranger], { split: [cognitoKey], added: {} })
    expect(split).toHaveLength(3)
    expect(personHolding(split, cognitoKey)?.accounts).toHaveLength(1)
    expect(personHolding(split, oktaKey)?.accounts).toHaveLength(3)

    const added = groupPeople([...accounts, stranger], { split: [], added: { [accountKey(stranger)]: oktaKey } })
    const dana = personHolding(added, oktaKey)
    expect(dana?.accounts).toHaveLength(5)
    expect(dana?.accounts.find((grouped) => grouped.account.userId === 'g-other')).toMatchObject({ basis: 'hand', reason: 'added by hand' })
  })

  it('adds by hand to a person keyed by an account that was itself added by hand', () => {
    const [okta, cognito] = danaLee()
    const first = personAccount('coupa', { userId: 'c-other', displayName: 'D. Lee', email: 'dl@elsewhere.example' })
    const second = personAccount('gotomeeting', { userId: 'g-other', displayName: 'Dee Lee', email: 'dee@elsewhere.example' })
    const people = groupPeople([okta, cognito, first, second], { split: [], added: { [accountKey(first)]: accountKey(okta), [accountKey(second)]: accountKey(first) } })

    expect(onlyPerson(people).accounts.map((grouped) => grouped.basis).sort()).toEqual(['email', 'email', 'hand', 'hand'])
  })

  it('ignores a hand addition to an account no longer in the results', () => {
    const [okta] = danaLee()
    const people = groupPeople([okta], { split: [], added: { [accountKey(okta)]: 'gone:1' } })
    expect(people).toHaveLength(1)
  })
})

const applications: PeopleApplication[] = ['okta', 'cognito', 'coupa', 'gotomeeting']
const arbitraryAccount = fc
  .record({
    app: fc.constantFrom(...applications),
    name: fc.constantFrom('Dana Lee', 'Sam Park', 'Ana Ruiz'),
    email: fc.option(fc.constantFrom('dana@a.example', 'DANA@a.example', 'sam@a.example', 'ana@a.example', 'x@b.example'), { nil: null }),
    userName: fc.option(fc.constantFrom('dana', 'sam', 'dana@a.example', '7f3c-id'), { nil: null }),
  })
  .map(({ app, name, email, userName }) => ({ app, name, email, userName }))
const arbitraryAccounts = fc.array(arbitraryAccount, { maxLength: 12 }).map((rows) =>
  rows.map((row, index): PersonAccount => personAccount(row.app, { userId: `u${index}`, displayName: row.name, email: row.email, userName: row.userName })),
)

describe('grouping, for any accounts', () => {
  it('places every account in exactly one person', () => {
    fc.assert(
      fc.property(arbitraryAccounts, (accounts) => {
        const placed = groupPeople(accounts).flatMap((person) => person.accounts.map((grouped) => accountKey(grouped.account)))
        expect(placed.sort()).toEqual(accounts.map(accountKey).sort())
      }),
    )
  })

  it('keeps accounts with the same email (any case) together, and calls a person weak exactly when a name joined it', () => {
    fc.assert(
      fc.property(arbitraryAccounts, (accounts) => {
        const people = groupPeople(accounts)
        for (const left of accounts) {
          for (const right of accounts) {
            if (left.email && left.email.toLowerCase() === right.email?.toLowerCase()) {
              expect(personHolding(people, accountKey(left))).toBe(personHolding(people, accountKey(right)))
            }
          }
        }
        for (const person of people) expect(person.weak).toBe(person.accounts.some((grouped) => grouped.basis === 'name'))
      }),
    )
  })

  it('never puts two accounts of one profile in a person unless an email joins them', () => {
    fc.assert(
      fc.property(arbitraryAccounts, (accounts) => {
        const distinctEmails = accounts.map((account) => ({ ...account, email: account.email ? `${account.userId}@${account.email}` : null }))
        for (const person of groupPeople(distinctEmails)) {
          const profiles = person.accounts.map((grouped) => grouped.account.profileId)
          expect(new Set(profiles).size).toBe(profiles.length)
        }
      }),
    )
  })

  it('leaves every split account alone', () => {
    fc.assert(
      fc.property(arbitraryAccounts, fc.array(fc.nat()), (accounts, picks) => {
        const split = accounts.filter((_, index) => picks.includes(index)).map(accountKey)
        const people = groupPeople(accounts, { split, added: {} })
        for (const key of split) expect(personHolding(people, key)?.accounts).toHaveLength(1)
      }),
    )
  })
})
