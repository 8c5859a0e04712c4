import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ConnectorId, Operation } from '../../shared/catalogue'

/*
 * Reads the connector reference (a verbatim copy in test/fixtures, so a clone without the design
 * documents can run the tests) into plain tables the descriptor tests compare against, row by row.
 * Knows only the reference's own conventions: "Profile parameters:" lines, markdown tables, the
 * "Mandatory fields —" lines, "… mapping:" sentences and "Known limitations" bullet lists.
 */

export interface ReferenceParameter {
  label: string
  /** Text of the parenthesis after the label, e.g. `secret, API token`; empty when none. */
  annotation: string
}

export interface ReferenceOperationsRow {
  object: string
  /** Column letter (C, R, L…) → cell text, verbatim. */
  cells: Record<string, string>
}

export interface ReferenceMappingRow {
  scim: string
  native: string
  /** Parenthesised remarks and "of the …" qualifiers, which apply to every expanded attribute. */
  notes: string[]
}

export interface ReferenceMapping {
  /** Object names as the reference writes them: `Users`, `Groups`, `Roles`… */
  objects: string[]
  rows: ReferenceMappingRow[]
}

export interface ReferenceConnector {
  heading: string
  parameters: ReferenceParameter[]
  operations: ReferenceOperationsRow[]
  mandatoryFields: { object: string; fields: string[] }[]
  mappings: ReferenceMapping[]
  limitations: string[]
  /** Other statements: version differences, custom attribute formats. */
  asides: string[]
}

/** The reference's section heading of each connector. */
export const connectorByHeading: Record<string, ConnectorId> = {
  GoToMeeting: 'gotomeeting',
  Coupa: 'coupa',
  'AWS Cognito (user pools)': 'cognito',
  Okta: 'okta',
}

/** The operation each column letter of the reference's operations tables stands for. */
export const operationByColumn: Record<string, Operation> = {
  C: 'create',
  R: 'get',
  L: 'list',
  P: 'page',
  U: 'update',
  D: 'delete',
  Dp: 'deprovision',
  Ud: 'undoDeprovision',
  M: 'membership',
}

export const referencePath = fileURLToPath(new URL('../fixtures/connectors-reference.md', import.meta.url))

/** Text as a person reads it: no backticks, one space between words. */
export function normaliseText(text: string): string {
  return text.replace(/`/g, '').replace(/\s+/g, ' ').trim()
}

function paragraphs(section: string): string[] {
  return section
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '' && paragraph !== '---')
}

/** Splits `text` on `separator` where it is outside parentheses and backticks. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = []
  let depth = 0
  let inCode = false
  let current = ''
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] ?? ''
    if (character === '`') inCode = !inCode
    if (!inCode && character === '(') depth += 1
    if (!inCode && character === ')') depth -= 1
    if (!inCode && depth === 0 && text.startsWith(separator, index)) {
      parts.push(current)
      current = ''
      index += separator.length - 1
      continue
    }
    current += character
  }
  parts.push(current)
  return parts
}

/** Label and first top-level parenthesis of one "Profile parameters" item. */
function parseParameter(item: string): ReferenceParameter {
  const open = item.indexOf('(')
  if (open === -1) return { label: item.replace(/\.$/, '').trim(), annotation: '' }
  let depth = 0
  for (let index = open; index < item.length; index += 1) {
    if (item[index] === '(') depth += 1
    if (item[index] === ')') depth -= 1
    if (depth === 0) return { label: item.slice(0, open).trim(), annotation: normaliseText(item.slice(open + 1, index)) }
  }
  throw new Error(`Unbalanced parenthesis in profile parameter "${item}"`)
}

/** The parameters sentence ends at the first top-level ". "; what follows is an aside. */
function parseParameterParagraph(paragraph: string): { parameters: ReferenceParameter[]; aside?: string } {
  const body = paragraph.replace(/^Profile parameters:\s*/, '').replace(/\s+/g, ' ')
  const [sentence = '', ...rest] = splitTopLevel(body, '. ')
  const items = splitTopLevel(sentence, ' · ').map((item) => item.trim())
  const parameters = items.filter((item) => item !== 'Connector name').map(parseParameter)
  const aside = rest.join('. ').trim()
  return aside === '' ? { parameters } : { parameters, aside: unwrapParentheses(aside) }
}

function unwrapParentheses(text: string): string {
  const trimmed = normaliseText(text)
  return trimmed.startsWith('(') && trimmed.endsWith(')') ? trimmed.slice(1, -1).trim() : trimmed
}

function tableRows(paragraph: string): string[][] {
  return paragraph
    .split('\n')
    .filter((line) => line.trim().startsWith('|'))
    .map((line) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim()))
    .filter((cells) => !cells.every((cell) => /^-+$/.test(cell)))
}

function parseOperationsTable(paragraph: string): ReferenceOperationsRow[] {
  const [header = [], ...rows] = tableRows(paragraph)
  return rows.map((cells) => ({
    object: cells[0] ?? '',
    cells: Object.fromEntries(header.slice(1).map((letter, index) => [letter, cells[index + 1] ?? ''])),
  }))
}

function parseMandatoryFields(paragraph: string): { object: string; fields: string[] }[] {
  const body = normaliseText(paragraph.replace(/^Mandatory fields —\s*/, '').replace(/`([^`]*)`/g, '«$1»'))
  return [...body.matchAll(/(\w+): (.*?)(?=\s\w+: |$)/g)].map((match) => ({
    object: match[1] ?? '',
    fields: [...(match[2] ?? '').matchAll(/«([^»]*)»/g)].map((field) => field[1] ?? ''),
  }))
}

/** Removes a trailing `(…)` and a trailing `of the …` qualifier, returning them as notes. */
function takeNotes(cell: string): { text: string; notes: string[] } {
  const notes: string[] = []
  let text = cell.trim()
  const parenthesis = /^(.*\S)\s*\(([^()]*)\)$/.exec(text)
  if (parenthesis) {
    text = parenthesis[1] ?? ''
    notes.push(parenthesis[2] ?? '')
  }
  const qualifier = /^(.*\S)\s+(of the .+)$/.exec(text)
  if (qualifier) {
    text = qualifier[1] ?? ''
    notes.push(qualifier[2] ?? '')
  }
  return { text, notes }
}

/**
 * `a.b / c / d` → `a.b`, `a.c`, `a.d` (later items take the first item's path prefix unless they
 * carry their own); `a, b` → `a`, `b`.
 */
function expandNames(text: string): string[] {
  if (text.includes(' / ')) {
    const [first = '', ...others] = text.split(' / ').map((name) => name.trim())
    const prefix = first.slice(0, first.lastIndexOf('.') + 1)
    return [first, ...others.map((name) => (name.includes('.') ? name : prefix + name))]
  }
  return text.split(', ').map((name) => name.trim())
}

/** One reference pair (a table row or a `scim ← native` item) as one row per attribute. */
export function expandPair(scimCell: string, nativeCell: string): ReferenceMappingRow[] {
  const scim = takeNotes(scimCell)
  const native = takeNotes(nativeCell)
  const scimNames = expandNames(scim.text)
  const nativeNames = expandNames(native.text)
  const notes = [...scim.notes, ...native.notes]
  const count = Math.max(scimNames.length, nativeNames.length)
  if (scimNames.length !== nativeNames.length && scimNames.length !== 1 && nativeNames.length !== 1) {
    throw new Error(`Cannot pair "${scimCell}" with "${nativeCell}"`)
  }
  return Array.from({ length: count }, (_, index) => ({
    scim: scimNames.length === 1 ? (scimNames[0] ?? '') : (scimNames[index] ?? ''),
    native: nativeNames.length === 1 ? (nativeNames[0] ?? '') : (nativeNames[index] ?? ''),
    notes,
  }))
}

function parseMappingSentence(paragraph: string): ReferenceMapping {
  const text = normaliseText(paragraph)
  const colon = text.indexOf(' mapping: ')
  // "Group mapping:" names the object in the singular; the operations table says "Groups".
  const objects = text
    .slice(0, colon)
    .split(', ')
    .map((name) => (name.endsWith('s') ? name : `${name}s`))
  const pairs = text.slice(colon + ' mapping: '.length).replace(/\.$/, '').split(' · ')
  const rows = pairs.flatMap((pair) => {
    const [scim = '', native = ''] = pair.split(' ← ')
    return expandPair(scim, native)
  })
  return { objects, rows }
}

function parseLimitations(paragraph: string): string[] {
  const bullets = paragraph.split('\n').slice(1).join('\n').split(/\n(?=- )/)
  return bullets.map((bullet) => normaliseText(bullet.replace(/^- /, '')))
}

function parseSection(heading: string, body: string): ReferenceConnector {
  const connector: ReferenceConnector = {
    heading,
    parameters: [],
    operations: [],
    mandatoryFields: [],
    mappings: [],
    limitations: [],
    asides: [],
  }
  for (const paragraph of paragraphs(body)) {
    if (paragraph.startsWith('Profile parameters:')) {
      const { parameters, aside } = parseParameterParagraph(paragraph)
      connector.parameters = parameters
      if (aside !== undefined) connector.asides.push(aside)
    } else if (paragraph.startsWith('| object |')) {
      connector.operations = parseOperationsTable(paragraph)
    } else if (paragraph.startsWith('Mandatory fields')) {
      connector.mandatoryFields = parseMandatoryFields(paragraph)
    } else if (/^User mapping \(SCIM → .+\):/.test(paragraph)) {
      const rows = tableRows(paragraph).slice(1)
      connector.mappings.push({ objects: ['Users'], rows: rows.flatMap(([scim = '', native = '']) => expandPair(scim, native)) })
    } else if (/^[\w, ]+ mapping: /.test(paragraph)) {
      connector.mappings.push(parseMappingSentence(paragraph))
    } else if (paragraph.startsWith('Known limitations')) {
      connector.limitations = parseLimitations(paragraph)
    } else if (paragraph.startsWith('(')) {
      connector.asides.push(unwrapParentheses(paragraph))
    } else {
      throw new Error(`The reference has a paragraph the tests do not understand, under "${heading}": ${paragraph}`)
    }
  }
  return connector
}

/** The connector sections (`## 1. GoToMeeting` …) of the reference, each parsed. */
export function readReferenceConnectors(markdown = readFileSync(referencePath, 'utf8')): ReferenceConnector[] {
  const sections = markdown.split(/^## /m).slice(1)
  return sections
    .map((section) => {
      const newline = section.indexOf('\n')
      return { heading: section.slice(0, newline).replace(/^\d+\.\s*/, '').trim(), body: section.slice(newline + 1) }
    })
    .filter(({ body }) => body.includes('Profile parameters:'))
    .map(({ heading, body }) => parseSection(heading, body))
}
