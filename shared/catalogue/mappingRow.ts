import { operations, type MappingRow, type Operation } from './types'

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

/** A row the reference's table lacks but the target has and the issue asks for (see MappingRow.origin). */
export function lanyardRow(row: MappingRow): MappingRow {
  return { ...row, origin: 'lanyard' }
}

/**
 * An operations table row as the reference writes it, cells in its column order
 * (C | R | L | P | U | D | Dp | Ud | M). A `–` or `not supported` cell means the target lacks it.
 */
export function operationCells(row: string): Partial<Record<Operation, string>> {
  const cells = row.split('|').map((cell) => cell.trim())
  if (cells.length !== operations.length) {
    throw new Error(`An operations row needs ${operations.length} cells, got ${cells.length}: ${row}`)
  }
  const declared: Partial<Record<Operation, string>> = {}
  operations.forEach((operation, column) => {
    const cell = cells[column]!
    if (cell !== '–' && cell !== 'not supported') declared[operation] = cell
  })
  return declared
}
