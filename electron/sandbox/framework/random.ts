/**
 * Seeded randomness for the sandboxes. Everything a tenant generates (people, ids, fault dice)
 * comes from here so the same seed gives the same tenant; `Math.random` is never used.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [0, bound). */
  integer(bound: number): number
  pick<T>(items: readonly T[]): T
  /** True with the given probability. */
  chance(probability: number): boolean
}

/** mulberry32: tiny, fast, good enough for test data (not for anything secret). */
export function createRandom(seed: string | number): Random {
  let state = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed)
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = state
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
  const integer = (bound: number): number => Math.floor(next() * bound)
  return {
    next,
    integer,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('Cannot pick from an empty list.')
      return items[integer(items.length)] as T
    },
    chance: (probability: number): boolean => next() < probability,
  }
}

/** FNV-1a, so string seeds spread over the whole 32-bit state. */
export function hashSeed(seed: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < seed.length; index++) {
    hash ^= seed.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

const alphanumerics = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** Random letters and digits, e.g. for ids and tokens. */
export function randomAlphanumerics(random: Random, length: number): string {
  let text = ''
  for (let index = 0; index < length; index++) text += alphanumerics[random.integer(alphanumerics.length)]
  return text
}

/**
 * A number written in base 62 with a fixed width. The alphabet is in ASCII order, so these
 * strings sort like the numbers they encode (used for ids that sort by creation).
 */
export function base62(value: number, width: number): string {
  let text = ''
  let rest = value
  for (let index = 0; index < width; index++) {
    text = alphanumerics[rest % 62] + text
    rest = Math.floor(rest / 62)
  }
  return text
}

/** A version-4-shaped UUID drawn from the seed, so the same seed gives the same ids. */
export function randomUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.integer(16).toString(16))
  hex[12] = '4'
  hex[16] = (8 + random.integer(4)).toString(16)
  const text = hex.join('')
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`
}
