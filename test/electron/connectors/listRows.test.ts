import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import type { z } from 'zod'
import { okta } from '../../../shared/catalogue/okta'
import { gotomeeting } from '../../../shared/catalogue/gotomeeting'
import { rowOf } from '../../../electron/connectors/listedObjects'
import type { Connector, ListQuery, PageRequest } from '../../../electron/connectors/Connector'
import { withReadAhead } from '../../../electron/connectors/withReadAhead'
import { listUsers as listOktaUsers } from '../../../electron/connectors/okta/oktaUsers'
import { userToObject as oktaUserToObject } from '../../../electron/connectors/okta/oktaMapping'
import { userToObject as goToUserToObject } from '../../../electron/connectors/gotomeeting/goToMapping'
import { userToObject as coupaUserToObject } from '../../../electron/connectors/coupa/coupaUserMapping'
import { listedUser as listedCognitoUser, userToObject as cognitoUserToObject, type CognitoUser } from '../../../electron/connectors/cognito/cognitoMapping'
import { cognito } from '../../../shared/catalogue/cognito'
import type { DirectoryObject } from '../../../shared/directory'
import { oktaUserSchema, parseUserRow as parseOktaRow, type OktaContext } from '../../../electron/connectors/okta/oktaTypes'
import { listUsers as listGoToUsers } from '../../../electron/connectors/gotomeeting/goToUsers'
import { goToUserSchema, parseUserRow as parseGoToRow, type GoToContext } from '../../../electron/connectors/gotomeeting/goToTypes'
import { listUsers as listCoupaUsers } from '../../../electron/connectors/coupa/coupaUsers'
import { coupaUserSchema, parseUserRow as parseCoupaRow } from '../../../electron/connectors/coupa/coupaTypes'
import type { HttpClient, HttpResponse } from '../../../electron/http/types'
import { expectAppError } from '../../support/expectAppError'
import { coupaTestContext, fullCoupaUser } from './coupa/coupaTestContext'

/*
 * A list row is checked only for the fields Lanyard reads (a full schema parse copied every field
 * of every row). The quick check must take exactly the rows the schema takes unchanged: any other
 * row still goes through the schema, whose message names the field.
 */

function answering(data: unknown): HttpClient {
  return { request: async (): Promise<HttpResponse> => ({ status: 200, data, headers: {} }), close: () => undefined }
}

const objectType = (connector: typeof okta | typeof gotomeeting, id: string) => connector.objectTypes.find((type) => type.id === id)!

function oktaContext(rows: unknown[]): OktaContext {
  return { http: answering(rows), users: objectType(okta, 'users'), groups: objectType(okta, 'groups'), paging: okta.paging, deprovisionMode: 'suspend', host: 'acme.okta.com' }
}

function goToContext(rows: unknown[]): GoToContext {
  const http = answering({ results: rows, fromIndex: 0, toIndex: rows.length - 1, total: rows.length })
  return { api: http, users: objectType(gotomeeting, 'users'), groups: objectType(gotomeeting, 'groups'), accountKey: '1', signInHost: 'example.com' }
}

const oktaUser = { id: '00u1', status: 'ACTIVE', created: '2026-01-01T00:00:00.000Z', lastUpdated: null, profile: { login: 'ada@example.com', firstName: 'Ada' } }
const goToUser = { key: '4679077767041102472721', email: 'ada@example.com', firstName: 'Ada', lastName: null, licenseKeys: ['1'], adminRoles: [], roleSets: null }
const coupaUser = { id: 606, login: 'ada', active: true }

describe('a malformed row of a user list', () => {
  it('Okta: refused as a network error naming the field, the good rows around it notwithstanding', async () => {
    const error = await expectAppError(listOktaUsers(oktaContext([oktaUser, { ...oktaUser, id: '00u2', profile: 'Ada' }]), { search: '', pageSize: 200 }), 'network')
    expect(error.message).toMatch(/Okta answered with a user in a form Lanyard does not understand\. Check that the profile's Target URL is an Okta organisation\./)
    expect(error.extra.details?.problem).toMatch(/^profile: /)
  })

  it('GoTo: refused as a network error naming the field', async () => {
    const error = await expectAppError(listGoToUsers(goToContext([goToUser, { ...goToUser, email: 42 }]), { search: '', pageSize: 200 }), 'network')
    expect(error.message).toMatch(/GoTo answered with a user in a form Lanyard does not understand/)
    expect(error.extra.details?.problem).toMatch(/^email: /)
  })

  it('Coupa: refused as a network error naming the field', async () => {
    const context = coupaTestContext(answering([coupaUser, { ...coupaUser, id: 'x7' }]))
    const error = await expectAppError(listCoupaUsers(context, { search: '', pageSize: 50 }), 'network')
    expect(error.message).toMatch(/Coupa answered with a user in a form Lanyard does not understand/)
    expect(error.extra.details?.problem).toMatch(/^id: /)
  })
})

/** What the schema makes of a row: its value, or its error message. */
function bySchema(schema: z.ZodType, row: unknown): { value: unknown } | { problem: string } {
  try {
    return { value: schema.parse(row) }
  } catch (error) {
    return { problem: String(error) }
  }
}

function byRowParser(parse: (data: unknown, what: string) => unknown, row: unknown): { value: unknown } | { problem: string } {
  try {
    return { value: parse(row, 'a user') }
  } catch (error) {
    return { problem: String(error) }
  }
}

/** A field's value: mostly of the right kind, sometimes anything else JSON can hold. */
const anyJson = fc.jsonValue({ maxDepth: 2 })
const text = fc.oneof(fc.string(), fc.constant(''))
const nullish = fc.constantFrom(null, undefined)
const key = fc.oneof(fc.stringMatching(/^\d{1,24}$/), fc.nat(), fc.constant(''), fc.integer({ min: -5, max: -1 }), fc.double())

function row(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: anyJson })])), {
    requiredKeys: [],
  })
}

describe('the quick row check takes exactly what the schema takes, and gives what it gives', () => {
  const cases: [string, z.ZodType, (data: unknown, what: string) => unknown, fc.Arbitrary<unknown>][] = [
    [
      'Okta',
      oktaUserSchema,
      parseOktaRow,
      row({ id: text, status: text, created: fc.oneof(text, nullish), lastUpdated: fc.oneof(text, nullish), profile: fc.dictionary(fc.string(), anyJson), extra: anyJson }),
    ],
    [
      'GoTo',
      goToUserSchema,
      parseGoToRow,
      row({
        key,
        email: text,
        firstName: fc.oneof(text, nullish),
        lastName: fc.oneof(text, nullish),
        locale: fc.oneof(text, nullish),
        timeZone: fc.oneof(text, nullish),
        status: fc.oneof(text, nullish),
        licenseKeys: fc.oneof(fc.array(key, { maxLength: 3 }), nullish),
        adminRoles: fc.oneof(fc.array(text, { maxLength: 3 }), nullish),
        roleSets: fc.oneof(fc.array(key, { maxLength: 3 }), nullish),
        groupKey: fc.oneof(key, nullish),
        groupName: fc.oneof(text, nullish),
        extra: anyJson,
      }),
    ],
    ['Coupa', coupaUserSchema, parseCoupaRow, row({ id: key, active: fc.oneof(fc.boolean(), nullish), login: text, extra: anyJson })],
  ]

  it('Okta: a profile holding its own __proto__ key is parsed by the schema, as before', () => {
    const row = JSON.parse('{"id": "00u1", "status": "ACTIVE", "profile": {"__proto__": [], "login": "a"}}') as unknown
    expect(byRowParser(parseOktaRow, row)).toEqual(bySchema(oktaUserSchema, row))
  })

  it('a row holding its own __proto__ key is parsed by the schema, as before, for every target', () => {
    const rows: [z.ZodType, (data: unknown, what: string) => unknown, string][] = [
      [oktaUserSchema, parseOktaRow, '{"id": "00u1", "status": "ACTIVE", "profile": {}, "__proto__": []}'],
      [goToUserSchema, parseGoToRow, '{"key": "1", "email": "a@b.c", "__proto__": []}'],
      [coupaUserSchema, parseCoupaRow, '{"id": "1", "__proto__": []}'],
    ]
    for (const [schema, parse, text] of rows) {
      const parsed = byRowParser(parse, JSON.parse(text))
      expect(parsed).toEqual(bySchema(schema, JSON.parse(text)))
      expect('value' in parsed && Object.hasOwn(parsed.value as object, '__proto__'), text).toBe(false)
    }
  })

  for (const [target, schema, parse, rows] of cases) {
    it(`${target}: same value, or refused as the schema refuses`, () => {
      fc.assert(
        fc.property(fc.oneof(rows, anyJson), (candidate) => {
          const expected = bySchema(schema, candidate)
          const actual = byRowParser(parse, candidate)
          if ('value' in expected) expect(actual).toEqual(expected)
          else expect('problem' in actual && actual.problem).toMatch(/does not understand/)
        }),
        { numRuns: 2000 },
      )
    })
  }
})

/** `value`, with every property read through it (nested plain objects too) counted in `counter`. */
function countingReads<T extends object>(value: T, counter: { reads: number }): T {
  return new Proxy(value, {
    get(target, key, receiver) {
      counter.reads++
      const found: unknown = Reflect.get(target, key, receiver)
      return found !== null && typeof found === 'object' && Object.getPrototypeOf(found) === Object.prototype ? countingReads(found, counter) : found
    },
  })
}

/*
 * A table keeps a row's name, second line and status; the detail panel reads the object by id. So a
 * list asked for rows only maps no attribute, and gives the rows the full list gives; the full list
 * gives the objects a read by id gives.
 */
describe('a list asked for rows only maps no attribute, and gives the same rows', () => {
  const fullOktaUser = { ...oktaUser, profile: { ...oktaUser.profile, lastName: 'Lovelace', department: 'R&D', costCode: 'CC-7' } }
  const cognitoUser: CognitoUser = {
    username: 'ada',
    attributes: { email: 'ada@example.com', given_name: 'Ada', family_name: 'Lovelace', 'custom:team': 'R&D' },
    enabled: true,
    userStatus: 'CONFIRMED',
    created: new Date('2026-01-01T00:00:00Z'),
    lastModified: undefined,
  }
  const cognitoUsers = cognito.objectTypes.find((type) => type.id === 'users')!
  type ListOne = (counter: { reads: number }, rowsOnly: boolean) => Promise<DirectoryObject>
  const cases: [string, ListOne, () => DirectoryObject][] = [
    [
      'Okta',
      async (counter, rowsOnly) => (await listOktaUsers(oktaContext([countingReads(fullOktaUser, counter)]), { search: '', pageSize: 200, rowsOnly })).items[0]!,
      () => oktaUserToObject(objectType(okta, 'users'), parseOktaRow(fullOktaUser, 'a user')),
    ],
    [
      'GoTo',
      async (counter, rowsOnly) => (await listGoToUsers(goToContext([countingReads(goToUser, counter)]), { search: '', pageSize: 200, rowsOnly })).items[0]!,
      () => goToUserToObject(objectType(gotomeeting, 'users'), parseGoToRow(goToUser, 'a user')),
    ],
    [
      'Coupa',
      // A string id: a numeric one is copied as the row is checked (coupaTypes.ts), and the copy is not counted.
      async (counter, rowsOnly) =>
        (await listCoupaUsers(coupaTestContext(answering([countingReads({ ...fullCoupaUser(), id: '606' }, counter)])), { search: '', pageSize: 50, rowsOnly })).items[0]!,
      () => coupaUserToObject(coupaTestContext(), parseCoupaRow({ ...fullCoupaUser(), id: '606' }, 'a user')),
    ],
    [
      // Its list is the wire's answer (cognitoOutputs.ts); the same listedUser maps each user of it.
      'Cognito',
      async (counter, rowsOnly) => listedCognitoUser(cognitoUsers, countingReads(cognitoUser, counter), { pageSize: 60, rowsOnly }),
      () => cognitoUserToObject(cognitoUsers, cognitoUser),
    ],
  ]

  for (const [target, listOne, readById] of cases) {
    it(target, async () => {
      const rowsOnly = { reads: 0 }
      const full = { reads: 0 }
      const row = await listOne(rowsOnly, true)
      const object = await listOne(full, false)
      expect(rowsOnly.reads, 'reads of the user for its row only').toBeLessThan(full.reads)
      expect(row.attributes).toEqual({})
      expect(Object.isFrozen(row.attributes)).toBe(true)
      expect(rowOf(row)).toEqual(rowOf(object))
      expect(Object.keys(object.attributes).length).toBeGreaterThan(3)
      expect(object).toEqual(readById())
    })
  }

  it('the page read ahead for a table is asked for rows only too, and a full list does not take it', async () => {
    const asked: PageRequest[] = []
    const connector = withReadAhead({
      ...({} as Connector),
      list: async (_type: string, query: ListQuery) => {
        asked.push(query)
        return { items: [], nextCursor: query.cursor === 'b' ? null : 'b', total: null }
      },
    })
    await connector.list('users', { search: '', cursor: 'a', pageSize: 100, rowsOnly: true })
    await vi.waitFor(() => expect(asked).toHaveLength(2))
    expect(asked.map((query) => [query.cursor, query.rowsOnly])).toEqual([['a', true], ['b', true]])
    // A caller that wants objects in full does not take the rows read ahead.
    await connector.list('users', { search: '', cursor: 'b', pageSize: 100 })
    expect(asked.map((query) => [query.cursor, query.rowsOnly])).toEqual([['a', true], ['b', true], ['b', undefined]])
  })
})
