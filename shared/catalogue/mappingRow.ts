import type { MappingRow } from './types'

/*
 * Small builders so the descriptors read like the reference tables: one line per SCIM ⇄ native
 * pair, the access written as a word instead of repeated object literals.
 */

export function readWrite(scim: string, native: string, note?: string): MappingRow {
  return note === undefined ? { scim, native, access: 'readWrite' } : { scim, native, access: 'readWrite', note }
}

export function readOnly(scim: string, native: string, note?: string): MappingRow {
  return note === undefined ? { scim, native, access: 'readOnly' } : { scim, native, access: 'readOnly', note }
}

export function writeOnly(scim: string, native: string, note?: string): MappingRow {
  return note === undefined ? { scim, native, access: 'writeOnly' } : { scim, native, access: 'writeOnly', note }
}
