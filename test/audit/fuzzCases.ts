import fc from 'fast-check'
import { contract, isCallName, type CallName } from '../../shared/contract'
import { contractCallNames } from '../../shared/contractNames'

/**
 * The malformed calls the fuzz sends, generated from a seed: each starts from a valid input of a
 * contract call and breaks it one way, or breaks the call name or the bridge's headers. Each
 * case knows whether Lanyard must refuse it outright (`mustRefuse`: answered before anything is
 * journaled or sent to a target) or only answer it cleanly, since some mutations stay valid.
 */
export interface FuzzTarget {
  /** The Sandbox profiles whose directories the calls read and change. */
  profileIds: readonly string[]
  /** A profile the profile calls may rename, duplicate or delete without spoiling the others. */
  decoyProfileId: string
  userIdOf: (profileId: string) => string
  groupIdOf: (profileId: string) => string
  /**
   * Whether the profile's connector puts object ids in URL paths (Okta, Coupa, GoTo), where an id
   * like `../x` is a traversal; Cognito's travel in a JSON body, and its usernames may hold `/`.
   */
  idsTravelInPath: (profileId: string) => boolean
}

export type Door = 'bridge' | 'direct'

export interface FuzzCase {
  door: Door
  /** One line for the report: which call and how it was broken. */
  label: string
  name: unknown
  input: unknown
  /** Bridge only: the path segment as sent (percent-encoded), and broken headers. */
  rawName?: string
  badHeader?: 'token' | 'origin' | 'host'
  mustRefuse: boolean
  /** The codes a refusal may carry. */
  refusedWith: readonly string[]
}

export const prototypeKeys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'] as const
export const traversalIds = ['../x', 'a/../b', '..%2F..', '%2e%2e', '..', '%2E%2E%2Fadmin', 'a%2F..%2F..%2Fb'] as const
const controlStrings = ['a\u0000b', '\u0000', 'a\r\nX-Injected: 1', 'x\r\n\r\nGET /admin HTTP/1.1', '\t\u001b[31m'] as const
export const loneSurrogates = ['\ud800', 'a\udfffb', '\udc00\ud800', 'x\ud83d', '\ud83d\u0000'] as const
const malformedNames = ['%', '%zz', '%E0%A4%A', 'profiles.list%', '%ED%A0%80', 'app.info%00', '%C0%AE%C0%AE', '%%', 'profiles%2Elist', '..%2F..%2Fapp.info'] as const
const idFields = ['objectId', 'userId', 'groupId'] as const

function baseInput(name: CallName, target: FuzzTarget, profileIndex: number): Record<string, unknown> {
  const id = target.profileIds[profileIndex % target.profileIds.length] ?? target.decoyProfileId
  const user = target.userIdOf(id)
  const group = target.groupIdOf(id)
  const bases: Record<CallName, Record<string, unknown>> = {
    'app.info': {},
    'app.openExternal': { url: 'https://example.com/help' },
    'app.setSandbox': { enabled: true },
    'profiles.list': {},
    'profiles.get': { profileId: target.decoyProfileId },
    'profiles.create': { connectorId: 'okta', name: 'Fuzz', environment: 'sandbox', values: { url: 'http://127.0.0.1:9' }, secrets: {} },
    'profiles.update': { profileId: target.decoyProfileId, name: 'Decoy', values: { url: 'http://127.0.0.1:9' }, secrets: {} },
    'profiles.duplicate': { profileId: target.decoyProfileId, name: 'Decoy copy' },
    'profiles.delete': { profileId: target.decoyProfileId },
    'profiles.export': { profileIds: [target.decoyProfileId] },
    'profiles.importPreview': { content: '{"format":"lanyard-profiles","version":1,"exportedAt":"","profiles":[]}' },
    'profiles.import': { content: '{"format":"lanyard-profiles","version":1,"exportedAt":"","profiles":[]}', resolutions: [] },
    'directory.testConnection': { profileId: id },
    'directory.list': { profileId: id, objectType: 'users', search: 'a', pageSize: 5 },
    'directory.get': { profileId: id, objectType: 'users', objectId: user },
    'directory.create': { profileId: id, objectType: 'groups', attributes: { displayName: 'Fuzz group' } },
    'directory.update': { profileId: id, objectType: 'users', objectId: user, changes: { 'name.middleName': 'Fuzz' } },
    'directory.delete': { profileId: id, objectType: 'groups', objectId: group, confirmName: 'not its name' },
    'directory.members': { profileId: id, objectType: 'groups', objectId: group, pageSize: 5 },
    'directory.groupsOf': { profileId: id, objectType: 'users', objectId: user, pageSize: 5 },
    'directory.addMember': { profileId: id, groupId: group, userId: user },
    'directory.removeMember': { profileId: id, groupId: group, userId: user },
    'directory.deprovision': { profileId: id, userId: user },
    'directory.accountAction': { profileId: id, objectType: 'users', objectId: user, action: 'unlock' },
    'directory.checkCreate': { profileId: id, objectType: 'users', attributes: { userName: 'fuzz@example.com' } },
    'directory.attributeSchema': { profileId: id, objectType: 'users' },
    'directory.checkDeprovision': { profileId: id, userId: user },
    'directory.licences': { profileId: id, objectType: 'users', objectId: user },
    'directory.changeLicence': { profileId: id, objectType: 'users', objectId: user, licenseKey: '1', change: 'assign' },
    'directory.cancel': { requestKey: 'fuzz' },
    'directory.cancelChange': { entryId: 'no-such-entry' },
    'journal.list': {},
    'journal.get': { entryId: 'no-such-entry' },
    'journal.undoableFor': { profileId: id, userId: user },
    'journal.unsettledFor': { profileId: id, userId: user },
    'journal.verify': {},
    'journal.export': { format: 'csv' },
    'journal.undo': { entryId: 'no-such-entry' },
    'journal.operation': { operationId: 'no-such-operation' },
    'journal.undoOperation': { operationId: 'no-such-operation' },
    'journal.complete': { entryId: 'no-such-entry', choice: 'finish' },
    'journal.finishDeprovision': { entryId: 'no-such-entry' },
    'journal.reconciled': {},
    'journal.settle': { entryId: 'no-such-entry' },
    'people.search': { search: 'fuzz', profileSet: 'sandbox', searchKey: 'fuzz' },
    'people.cancel': { searchKey: 'fuzz' },
    'people.planOffboarding': { accounts: [{ profileId: id, userId: user }] },
    'people.offboard': { personName: 'Fuzz', accounts: [{ profileId: id, userId: user }] },
    'jobs.readList': { text: 'fuzz@example.com' },
    'jobs.plan': { kind: 'deprovisionAccounts', profileId: id, lines: ['fuzz@example.com'] },
    'jobs.start': { planId: 'fuzz-plan' },
    'jobs.pause': { jobId: 'fuzz-job' },
    'jobs.resume': { jobId: 'fuzz-job' },
    'jobs.cancel': { jobId: 'fuzz-job' },
    'jobs.list': {},
    'jobs.get': { jobId: 'fuzz-job' },
    'jobs.retryFailed': { jobId: 'fuzz-job' },
    'jobs.undo': { jobId: 'fuzz-job' },
    'jobs.exportResults': { jobId: 'fuzz-job' },
  }
  return structuredClone(bases[name])
}

/** A key set as an own property, even `__proto__` (which plain assignment would not create). */
function withOwn(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true })
  return object
}

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf
  for (let level = 0; level < depth; level++) value = asArray ? [value] : { a: value }
  return value
}

const nastyString = fc.oneof(
  fc.constantFrom(...traversalIds, ...controlStrings, ...loneSurrogates, ...prototypeKeys),
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...loneSurrogates, ...controlStrings), fc.string({ maxLength: 8 })).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 201, max: 300_000 }).map((length) => 'x'.repeat(length)),
)

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
  nastyString,
)

type Mutation = (input: Record<string, unknown>) => { input: unknown; how: string }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // A field of the wrong type (or a nasty string where a string belongs).
  fc.tuple(fc.nat(), anyValue).map(([pick, value]): Mutation => (input) => {
    const keys = Object.keys(input)
    const key = keys.length > 0 ? keys[pick % keys.length]! : 'profileId'
    return { input: { ...input, [key]: value }, how: `${key} = ${describe(value)}` }
  }),
  // A field missing.
  fc.nat().map((pick): Mutation => (input) => {
    const keys = Object.keys(input)
    if (keys.length === 0) return { input: null, how: 'body null' }
    const key = keys[pick % keys.length]!
    const { [key]: _dropped, ...rest } = input
    return { input: rest, how: `without ${key}` }
  }),
  // An extra field, often a prototype key.
  fc.tuple(fc.oneof(fc.constantFrom(...prototypeKeys), fc.string({ minLength: 1, maxLength: 10 })), anyValue).map(
    ([key, value]): Mutation => (input) => ({ input: withOwn({ ...input }, key, value), how: `extra ${describe(key)} = ${describe(value)}` }),
  ),
  // A traversal, control or surrogate string in one of the call's own string fields (an object
  // id, the search text, a name…), or in a new user's groups.
  { arbitrary: fc.tuple(fc.nat(), nastyString, fc.boolean()).map(([pick, value, inGroups]): Mutation => (input) => {
    if (inGroups && input.objectType !== undefined && 'attributes' in input) {
      return { input: { ...input, objectType: 'users', groups: [value] }, how: `groups = [${describe(value)}]` }
    }
    const fields = Object.keys(input).filter((key) => typeof input[key] === 'string' && key !== 'profileId')
    const field = fields.length > 0 ? fields[pick % fields.length]! : 'profileId'
    return { input: { ...input, [field]: value }, how: `${field} = ${describe(value)}` }
  }), weight: 3 },
  // A prototype key as an attribute name.
  fc.tuple(fc.constantFrom(...prototypeKeys), fc.oneof(fc.string({ maxLength: 8 }), fc.constant(null))).map(([key, value]): Mutation => (input) => {
    const field = 'changes' in input ? 'changes' : 'attributes'
    const attributes = withOwn({ ...((input[field] as Record<string, unknown> | undefined) ?? {}) }, key, value)
    return { input: { ...input, [field]: attributes }, how: `${field}.${key} = ${describe(value)}` }
  }),
  // Not an object at all, or nested deep.
  fc.jsonValue({ maxDepth: 3 }).map((value): Mutation => () => ({ input: value, how: `body ${describe(value)}` })),
  fc.tuple(fc.integer({ min: 50, max: 3000 }), fc.boolean()).map(([depth, asArray]): Mutation => (input) => {
    const keys = Object.keys(input)
    const key = keys[depth % Math.max(keys.length, 1)] ?? 'id'
    return { input: { ...input, [key]: nested(depth, 'x', asArray) }, how: `${key} nested ${depth} deep` }
  }),
)

const contractCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.constantFrom(...contractCallNames), fc.nat(), mutation, fc.constantFrom<Door>('bridge', 'direct'))
  .map(([name, profileIndex, mutate, door]) => {
    const { input, how } = mutate(baseInput(name, currentTarget(), profileIndex))
    return judgedCase({ door, label: `${name} ${how}`, name, input })
  })

const nameCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  fc.constantFrom(...malformedNames).map((rawName): FuzzCase => {
    let decoded: string | null = null
    try {
      decoded = decodeURIComponent(rawName)
    } catch {
      decoded = null
    }
    const known = decoded !== null && isCallName(decoded)
    return { door: 'bridge', label: `call name /api/invoke/${rawName}`, name: decoded, rawName, input: {}, mustRefuse: !known, refusedWith: ['invalid_input', 'unsupported'] }
  }),
  fc.tuple(fc.oneof(fc.constantFrom<unknown>(...prototypeKeys, '', 'app', 'app.info ', 'APP.INFO'), anyValue), fc.constantFrom<Door>('bridge', 'direct')).map(
    ([name, door]): FuzzCase => ({
      door: typeof name === 'string' || door === 'direct' ? door : 'direct',
      label: `call name ${describe(name)}`,
      name,
      input: {},
      mustRefuse: !isCallName(name),
      refusedWith: ['unsupported', 'invalid_input'],
    }),
  ),
)

const headerCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.constantFrom<'token' | 'origin' | 'host'>('token', 'origin', 'host'), fc.constantFrom(...contractCallNames), fc.nat())
  .map(([badHeader, name, profileIndex]) => ({
    door: 'bridge',
    label: `${name} with a wrong ${badHeader}`,
    name,
    input: baseInput(name, currentTarget(), profileIndex),
    badHeader,
    mustRefuse: true,
    refusedWith: ['auth_failed'],
  }))

/** Values IPC's structured clone carries but JSON does not. */
const cloneOnlyCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.constantFrom(...contractCallNames), fc.constantFrom<[string, () => unknown]>(
    ['a Date', () => new Date(0)],
    ['a Map', () => new Map([['id', 'x']])],
    ['a BigInt', () => 10n ** 30n],
    ['bytes', () => new Uint8Array(8)],
    ['a RegExp', () => /x/],
    ['undefined', () => undefined],
  ))
  .map(([name, [what, make]]) => {
    const input = { ...baseInput(name, currentTarget(), 0), id: make() }
    return judgedCase({ door: 'direct', label: `${name} with id = ${what}`, name, input })
  })

let activeTarget: FuzzTarget | undefined
function currentTarget(): FuzzTarget {
  if (!activeTarget) throw new Error('generateFuzzCases sets the target first')
  return activeTarget
}

/**
 * The audit's known-bad forms on every directory call and every profile, whatever the seed: each
 * traversal id and lone surrogate in each id field and the search text, and each prototype key
 * as an attribute name. The generated cases then add breadth around them.
 */
function sweepCases(target: FuzzTarget): FuzzCase[] {
  const cases: FuzzCase[] = []
  const doors: Door[] = ['bridge', 'direct']
  const directoryCalls = contractCallNames.filter((name) => name.startsWith('directory.'))
  for (const [profileIndex] of target.profileIds.entries()) {
    for (const name of directoryCalls) {
      const base = baseInput(name, target, profileIndex)
      const fields = Object.keys(base).filter((key) => (idFields as readonly string[]).includes(key) || key === 'search')
      for (const field of fields) {
        for (const value of [...traversalIds, ...loneSurrogates]) {
          const door = doors[cases.length % 2]!
          cases.push(judgedCase({ door, label: `${name} ${field} = ${describe(value)}`, name, input: { ...base, [field]: value } }))
        }
      }
      const attributesField = 'changes' in base ? 'changes' : 'attributes' in base ? 'attributes' : null
      if (!attributesField) continue
      for (const key of prototypeKeys) {
        const door = doors[cases.length % 2]!
        const input = { ...base, [attributesField]: withOwn({ ...(base[attributesField] as Record<string, unknown>) }, key, 'x') }
        cases.push(judgedCase({ door, label: `${name} ${attributesField}.${key} = "x"`, name, input }))
      }
    }
  }
  return cases
}

/** The sweep, then `count` cases from `seed`: the same seed gives the same calls. */
export function generateFuzzCases(target: FuzzTarget, seed: number, count: number): FuzzCase[] {
  activeTarget = target
  try {
    const anyCase = fc.oneof(
      { arbitrary: contractCase, weight: 14 },
      { arbitrary: nameCase, weight: 2 },
      { arbitrary: headerCase, weight: 2 },
      { arbitrary: cloneOnlyCase, weight: 1 },
    )
    return [...sweepCases(target), ...fc.sample(anyCase, { seed, numRuns: count })]
  } finally {
    activeTarget = undefined
  }
}

/** Whether Lanyard must refuse this input outright: its schema says so, or it is one of the audit's known-bad forms. */
function judgedCase(base: { door: Door; label: string; name: CallName; input: unknown }): FuzzCase {
  const input = base.door === 'bridge' ? jsonRoundTrip(base.input) : base.input
  const parsed = contract[base.name].input.safeParse(input ?? {})
  const mustRefuse = !parsed.success || knownBad(base.name, input)
  return { ...base, input, mustRefuse, refusedWith: ['invalid_input'] }
}

function knownBad(name: CallName, input: unknown): boolean {
  if (!name.startsWith('directory.') || !isRecord(input)) return false
  const ids = [...idFields.map((field) => input[field]), ...(Array.isArray(input.groups) ? input.groups : [])]
  const inPath = typeof input.profileId !== 'string' || currentTarget().idsTravelInPath(input.profileId)
  const badId = ids.some((id) => typeof id === 'string' && ((inPath && isTraversal(id)) || hasLoneSurrogate(id)))
  const badSearch = typeof input.search === 'string' && hasLoneSurrogate(input.search)
  const attributes = [input.attributes, input.changes].filter(isRecord)
  const prototypeAttribute = attributes.some((record) => prototypeKeys.some((key) => Object.hasOwn(record, key)))
  return badId || badSearch || prototypeAttribute
}

/** An id whose raw or decoded form holds a path separator or is a dot segment (defect 12's rule). */
function isTraversal(id: string): boolean {
  let decoded = id
  try {
    decoded = decodeURIComponent(id)
  } catch {
    // The raw form is judged as it is.
  }
  return [id, decoded].some((form) => form.includes('/') || form === '.' || form === '..')
}

export function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function jsonRoundTrip(value: unknown): unknown {
  const text = JSON.stringify(value)
  return text === undefined ? undefined : JSON.parse(text)
}

/** A short, printable picture of a value for the report (escapes control characters and surrogates). */
export function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 40)}…(${text.length} chars)` : text)
  return shown.replace(/[\ud800-\udfff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16)}`)
}
