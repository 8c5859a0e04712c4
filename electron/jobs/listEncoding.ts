import type { ReadList } from '../../shared/jobs'

export interface DecodedList {
  text: string
  encoding: ReadList['encoding']
}

/**
 * A list file's text, whatever wrote it: a byte-order mark says UTF-8 or UTF-16; UTF-16 without
 * one shows as a NUL beside every ASCII letter; anything that is not valid UTF-8 is taken as
 * Windows-1252, which is what Excel on Windows saves as "CSV" (so "Lefèvre" survives either way).
 */
export function decodeList(bytes: Uint8Array): DecodedList {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  const unmarked = utf16WithoutMark(bytes)
  if (unmarked) return { text: new TextDecoder(unmarked).decode(bytes), encoding: unmarked }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' }
  }
}

/** Pasted text is already text: only a leading byte-order mark (copied from a file) is dropped. */
export function pastedList(text: string): DecodedList {
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, encoding: 'utf-8' }
}

function startsWith(bytes: Uint8Array, mark: number[]): boolean {
  return mark.every((byte, index) => bytes[index] === byte)
}

/** Most of the first bytes' odd (LE) or even (BE) positions are NUL: ASCII text in UTF-16. */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 400))
  if (sample.length < 4) return null
  let oddNuls = 0
  let evenNuls = 0
  sample.forEach((byte, index) => {
    if (byte !== 0) return
    if (index % 2 === 1) oddNuls += 1
    else evenNuls += 1
  })
  const half = sample.length / 2
  if (oddNuls > half * 0.6 && evenNuls < half * 0.1) return 'utf-16le'
  if (evenNuls > half * 0.6 && oddNuls < half * 0.1) return 'utf-16be'
  return null
}
