import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { companyDirectory, companyShares, fixturePeopleCount, olderDomain, peopleIn, sandboxApplications } from '../../../electron/sandbox/people/companyAccounts'
import { firstNames } from '../../../electron/sandbox/people/nameLists'
import { sandboxPeopleFixtures, type SandboxFixturePerson } from '../../../electron/sandbox/people/sandboxPeopleFixtures'

describe('companyAccounts: who has an account where', () => {
  const company = companyDirectory({ count: 5000, seed: 'shares' })
  const drawn = company.accounts.slice(fixturePeopleCount)
  const share = (predicate: (accounts: (typeof drawn)[number]) => boolean) => drawn.filter(predicate).length / drawn.length
  const applicationsOf = (accounts: (typeof drawn)[number]) => Object.keys(accounts).sort().join(',')
  const near = (measured: number, expected: number) => expect(measured).toSatisfy((value: number) => value > expected * 0.6 && value < expected * 1.4)

  it('puts most people everywhere, a share only in Okta and Coupa and a few in one application only', () => {
    expect(share((accounts) => Object.keys(accounts).length === 4)).toBeGreaterThan(0.85)
    near(share((accounts) => applicationsOf(accounts) === 'coupa,okta'), companyShares.oktaAndCoupaOnly)
    const onlyInOne = drawn.filter((accounts) => Object.keys(accounts).length === 1)
    near(onlyInOne.length / drawn.length, companyShares.onlyInOne)
    expect(new Set(onlyInOne.map(applicationsOf))).toEqual(new Set(sandboxApplications))
  })

  it('gives each difference to a share of the accounts, with unique logins and emails per application', () => {
    expect(share((accounts) => /^[0-9a-f]{8}-/.test(accounts.cognito?.login ?? ''))).toBeGreaterThan(0.05)
    expect(share((accounts) => accounts.coupa !== undefined && !accounts.coupa.login.includes('.'))).toBeGreaterThan(0.05)
    const aliases = drawn.filter((accounts, position) => accounts.gotomeeting && accounts.gotomeeting.email !== company.people[fixturePeopleCount + position]?.email)
    expect(aliases.some((accounts) => accounts.gotomeeting?.email.endsWith(`@${olderDomain}`))).toBe(true)
    expect(aliases.some((accounts) => /^[a-z-]+\d*@example\.com$/.test(accounts.gotomeeting?.email ?? ''))).toBe(true)
    expect(share((accounts) => Object.values(accounts).some((account) => account.status === 'suspended') && Object.values(accounts).some((account) => account.status === 'active'))).toBeGreaterThan(0.005)
    for (const application of sandboxApplications) {
      const people = peopleIn(company, application)
      expect(new Set(people.map((person) => person.username.toLowerCase())).size, application).toBe(people.length)
      expect(new Set(people.map((person) => person.email.toLowerCase())).size, application).toBe(people.length)
    }
  })

  it('decides a person’s accounts from the seed and the person alone, not from how many come after', () => {
    const small = companyDirectory({ count: 300, seed: 'shares' })
    expect(small.accounts).toEqual(company.accounts.slice(0, 300))
    expect(companyDirectory({ count: 300, seed: 'other' }).accounts).not.toEqual(small.accounts)
  })

  it('leaves the department heads active and everywhere, as generated', () => {
    for (const accounts of company.accounts.slice(0, 12)) {
      expect(Object.keys(accounts)).toHaveLength(4)
      expect(Object.values(accounts).every((account) => account.status === company.people[company.accounts.indexOf(accounts)]?.status)).toBe(true)
    }
  })
})

describe('sandboxPeopleFixtures', () => {
  it('names people no generated person can share an email with', () => {
    const fixtures = sandboxPeopleFixtures('lanyard', 200)
    const generatedFirstParts = new Set(firstNames.map((name) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()))
    for (const person of [fixtures.everywhere, fixtures.oktaAndCoupaOnly, fixtures.goToOldAlias, ...fixtures.sameNameTwins]) {
      expect(generatedFirstParts.has(person.firstName.toLowerCase())).toBe(false)
    }
  })

  it('says clearly when the tenants hold too few people for them', () => {
    expect(() => sandboxPeopleFixtures('lanyard', 20)).toThrow(/at least 21 users.*not 20/)
  })
})

describe('README "Sandbox people"', () => {
  const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8')
  const fixtures = sandboxPeopleFixtures('lanyard', 200)

  it('names each fixture with its email and its login in every application, as sandboxPeopleFixtures gives them', () => {
    const rows: [string, SandboxFixturePerson][] = [
      ['`everywhere`', fixtures.everywhere],
      ['`oktaAndCoupaOnly`', fixtures.oktaAndCoupaOnly],
      ['`cognitoGeneratedId`', fixtures.cognitoGeneratedId],
      ['`coupaOtherLogin`', fixtures.coupaOtherLogin],
      ['`goToOldAlias`', fixtures.goToOldAlias],
      ['`onlyInOne`', fixtures.onlyInOne.person],
    ]
    for (const [key, person] of rows) {
      const row = readme.split('\n').find((line) => line.startsWith('|') && line.includes(key)) ?? ''
      const cells = row.split('|').slice(4, 8).map((cell) => cell.trim())
      expect(row, key).toContain(`${person.displayName}, \`${person.email}\``)
      expect(cells, key).toEqual(sandboxApplications.map((application) => (person.accounts[application] ? `\`${person.accounts[application].login}\`` : '—')))
    }
    expect(readme).toContain(`\`suspendedInOne\` (\`${fixtures.suspendedInOne.application}\`)`)
    expect(readme).toContain(`\`onlyInOne\` (\`${fixtures.onlyInOne.application}\`)`)
    expect(readme).toContain(`${fixtures.sameNameTwins[0].displayName}, \`${fixtures.sameNameTwins[0].email}\` and \`${fixtures.sameNameTwins[1].email}\``)
  })

  it('gives each tenant’s number of people for the default 200', () => {
    const company = companyDirectory({ count: 200, seed: 'lanyard' })
    const [okta, cognito, coupa, goTo] = sandboxApplications.map((application) => peopleIn(company, application).length)
    expect(readme.replace(/\s+/g, ' ')).toContain(`(200 people: Okta ${okta}, Cognito ${cognito}, Coupa ${coupa}, GoTo ${goTo},`)
  })
})
