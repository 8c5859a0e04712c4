import { describe, expect, it } from 'vitest'
import { emailBatches, isPlainEmail, usersInBatches } from '../../../electron/connectors/emailBatches'
import { coupaEmailBatches, emailsFilters } from '../../../electron/connectors/coupa/coupaSearch'
import { emailsFilter, goToEmailBatches } from '../../../electron/connectors/gotomeeting/goToSearch'
import { emailsSearch, oktaEmailBatches } from '../../../electron/connectors/okta/oktaSearch'
import { compileFilter } from '../../../electron/sandbox/gotomeeting/goToFilter'
import { evaluateExpression } from '../../../electron/sandbox/okta/evaluateExpression'
import { parseExpression } from '../../../electron/sandbox/okta/searchExpression'
import { listPage, parseListParameters, readJsonPath } from '../../../electron/sandbox/coupa/coupaQuery'
import { expectAppError } from '../../support/expectAppError'

const emails = (count: number, domain = 'example.com') => Array.from({ length: count }, (_, index) => `person.${index}@${domain}`)

describe('emails many to a request', () => {
  it('asks each email once, case aside, in batches of at most the count and the characters a target takes', () => {
    const limits = { perRequest: 20, maxChars: 1_000, charsOf: (email: string) => email.length }
    expect(emailBatches([...emails(45), 'PERSON.3@EXAMPLE.COM', ' person.4@example.com '], limits).map((batch) => batch.length)).toEqual([20, 20, 5])
    // 60-character emails: 16 fill 960 characters, the 17th would pass 1,000.
    const long = emails(20, `${'x'.repeat(60 - 'person.10@'.length)}`)
    expect(emailBatches(long, limits).map((batch) => batch.length)).toEqual([16, 4])
    for (const limit of [oktaEmailBatches, coupaEmailBatches, goToEmailBatches]) {
      expect(emailBatches(emails(100), limit).every((batch) => batch.reduce((sum, email) => sum + limit.charsOf(email), 0) <= limit.maxChars)).toBe(true)
    }
  })

  it('takes plain emails only: anything a batch could not carry as written is looked up on its own', async () => {
    expect(['dana@example.com', 'o.brien+hr@example.co.uk'].every(isPlainEmail)).toBe(true)
    expect(['Dana Lee', 'dana', 'a,b@example.com', '"dana"@example.com', 'dana@@example.com', 'da na@example.com'].some(isPlainEmail)).toBe(false)
    const refused = await expectAppError(Promise.resolve().then(() => emailBatches(['Dana Lee'], oktaEmailBatches)), 'invalid_input')
    expect(refused.message).toMatch(/"Dana Lee" is not a plain email/)
  })

  it('puts the users of every batch together, each once, and counts the requests', async () => {
    const seen: string[][] = []
    const found = await usersInBatches(emails(45), oktaEmailBatches, async (batch) => {
      seen.push(batch)
      return { users: [{ id: 'same', displayName: 'Same', attributes: {}, status: null, readOnlyReason: null } as never], requests: 2 }
    })
    expect(seen.flat()).toHaveLength(45)
    expect(found).toMatchObject({ requests: 2 * seen.length, users: [{ id: 'same' }] })
  })
})

describe("each target's batched query, as its sandbox reads it", () => {
  const people = [
    { id: 1, email: 'ada.lovelace@example.com', login: 'ada' },
    { id: 2, email: 'adaxlovelace@example.com', login: 'ada.lovelace@example.com' },
    { id: 3, email: 'grace.hopper@example.com', login: 'grace' },
  ]

  it('Okta: profile.email or profile.login equal to any of them, case aside', () => {
    const expression = parseExpression(emailsSearch(['Ada.Lovelace@example.com', 'nobody@example.com']))
    const matching = people.filter((person) => evaluateExpression(expression, (path) => (path === 'profile.email' ? person.email : path === 'profile.login' ? person.login : undefined), false))
    expect(matching.map((person) => person.id)).toEqual([1, 2])
  })

  it('Coupa: email[in] and login[in], in lower case, as two lists', () => {
    const [byEmail, byLogin] = emailsFilters(['Ada.Lovelace@example.com', 'grace.hopper@example.com'])
    expect(byEmail).toEqual({ 'email[in]': 'ada.lovelace@example.com,grace.hopper@example.com' })
    const ids = (filters: Record<string, unknown>) => listPage(people, parseListParameters(new URLSearchParams(filters as Record<string, string>)), readJsonPath).map((person) => person.id)
    expect(ids(byEmail!)).toEqual([1, 3])
    expect(ids(byLogin!)).toEqual([2])
  })

  it('GoTo: each email a whole, literal match ignoring case, joined with |', () => {
    const filter = compileFilter(emailsFilter(['ADA.lovelace@example.com', 'grace.hopper@example.com']), ['key', 'email', 'firstName', 'lastName'])
    // The dot is literal: adaxlovelace@… is not ada.lovelace@….
    expect(people.filter((person) => filter.matches((attribute) => (attribute === 'email' ? person.email : undefined))).map((person) => person.id)).toEqual([1, 3])
  })
})
