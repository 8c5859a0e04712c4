import { describe, expect, it } from 'vitest'
import { callNames, contract, type CallName } from '../../shared/contract'
import { describeIssues } from '../../shared/errors'
import { validExamples } from '../support/contractExamples'

/*
 * Every string the renderer (or the preview bridge) can send, in every contract call, is refused at
 * the contract when it is not text a target can take: a lone UTF-16 surrogate anywhere, a NUL, a
 * control character where a line break makes no sense, a record key JavaScript reserves. The calls
 * are walked from one valid example each, so a new call or field is covered once it has an example.
 */

type Path = (string | number)[]

/** Every string value in an example, by path. */
function stringLeaves(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path]
  if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, [...path, index]))
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]))
  return []
}

/** Every object in an example whose keys are the sender's choice (attributes, profile values, secrets). */
const recordFields = new Set(['attributes', 'changes', 'values', 'secrets'])
function recordPaths(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return []
  return Object.entries(value).flatMap(([key, item]) =>
    recordFields.has(key) && item !== null && typeof item === 'object' ? [[...path, key]] : recordPaths(item, [...path, key]),
  )
}

/** Free text may hold line breaks and tabs (a description, a file's content); nothing else may. */
function isFreeText(path: Path): boolean {
  return path[0] === 'content' || path[0] === 'text' || ((path[0] === 'attributes' || path[0] === 'changes') && path.length >= 2)
}

function withValueAt(example: unknown, path: Path, replace: (old: unknown) => unknown): unknown {
  const copy = structuredClone(example) as Record<string | number, unknown>
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path[path.length - 1]!
  node[last] = replace(node[last])
  return copy
}

function withKeyIn(example: unknown, path: Path, key: string): unknown {
  return withValueAt(example, path, (record) => {
    const copy = { ...(record as Record<string, unknown>) }
    // An own `__proto__` key, as JSON.parse and structured cloning make it: plain assignment would set the prototype.
    Object.defineProperty(copy, key, { value: 'x', enumerable: true, configurable: true, writable: true })
    return copy
  })
}

function parse(name: CallName, input: unknown) {
  return contract[name].input.safeParse(input)
}

/** Where a lone surrogate can sit in a string, high or low half. */
const surrogateForms: [string, (text: string) => string][] = [
  ['lone high surrogate at the start', (text) => `\uD83D${text}`],
  ['lone high surrogate at the end', (text) => `${text}\uD83D`],
  ['lone low surrogate in the middle', (text) => `${text.slice(0, 1)}\uDE00${text.slice(1)}`],
  ['lone low surrogate alone', () => '\uDC00'],
  ['a reversed pair', (text) => `${text}\uDE00\uD83D`],
]
const controlForms: [string, (text: string) => string][] = [
  ['NUL', (text) => `${text}\u0000`],
  ['escape', (text) => `\u001b[2J${text}`],
  ['DEL', (text) => `${text}\u007f`],
]
const lineBreakForms: [string, (text: string) => string][] = [
  ['CRLF', (text) => `${text}\r\nX-Injected: 1`],
  ['line feed', (text) => `${text}\nsecond line`],
  ['tab', (text) => `${text}\tx`],
]

/** Names on Object.prototype, and `prototype`: keys that would reach a built-in through a plain-object lookup. */
const reservedKeys = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', '__proto__', 'isPrototypeOf', 'prototype']

describe('every contract call, every string field', () => {
  it('accepts each valid example (the walk below starts from valid input)', () => {
    for (const name of callNames) expect(parse(name, validExamples[name]).success, name).toBe(true)
  })

  it('gives every call an example', () => {
    expect(Object.keys(validExamples).sort()).toEqual([...callNames].sort())
  })

  for (const name of callNames) {
    const example = validExamples[name]
    const leaves = stringLeaves(example)
    if (leaves.length === 0) continue

    it(`${name}: refuses a lone surrogate, a NUL or a control character in every string field, naming the field`, () => {
      for (const path of leaves) {
        for (const [form, spoil] of [...surrogateForms, ...controlForms]) {
          const result = parse(name, withValueAt(example, path, (old) => spoil(String(old))))
          expect(result.success, `${name} ${path.join('.')}: ${form}`).toBe(false)
          const { fields = {} } = describeIssues(result.error!.issues)
          expect(Object.keys(fields), `${name} ${path.join('.')}: ${form}`).toContain(path.join('.'))
        }
      }
    })

    it(`${name}: refuses line breaks and tabs where they make no sense, and keeps them in free text`, () => {
      for (const path of leaves) {
        for (const [form, spoil] of lineBreakForms) {
          const result = parse(name, withValueAt(example, path, (old) => spoil(String(old))))
          if (isFreeText(path)) expect(result.success, `${name} ${path.join('.')}: ${form}`).toBe(true)
          else expect(result.success, `${name} ${path.join('.')}: ${form}`).toBe(false)
        }
      }
    })

    it(`${name}: accepts well-formed text beyond ASCII (accents, CJK, an emoji pair)`, () => {
      for (const path of leaves.filter((leaf) => isFreeText(leaf) || leaf.includes('search') || leaf.includes('name'))) {
        const result = parse(name, withValueAt(example, path, () => 'Zoë 李 😀'))
        expect(result.success, `${name} ${path.join('.')}`).toBe(true)
      }
    })
  }

  const withRecords = callNames.filter((name) => recordPaths(validExamples[name]).length > 0)
  it('has calls with records to walk', () => {
    expect(withRecords).toEqual(expect.arrayContaining(['profiles.create', 'profiles.update', 'directory.create', 'directory.update', 'directory.checkCreate']))
  })

  for (const name of withRecords) {
    it(`${name}: refuses record keys JavaScript reserves, and spoiled keys, naming them`, () => {
      for (const path of recordPaths(validExamples[name])) {
        const keys = [...reservedKeys, 'Extension.Custom.constructor', 'Extension.Custom.__proto__', 'user\uD800Name', 'user\u0000Name', '']
        for (const key of keys) {
          const result = parse(name, withKeyIn(validExamples[name], path, key))
          expect(result.success, `${name} ${path.join('.')}[${JSON.stringify(key)}]`).toBe(false)
          const { fields = {} } = describeIssues(result.error!.issues)
          const field = [...path, key].join('.')
          expect(Object.keys(fields), field).toContain(field)
          if (reservedKeys.includes(key)) expect(fields[field]).toMatch(/JavaScript reserves/)
        }
      }
    })
  }
})
