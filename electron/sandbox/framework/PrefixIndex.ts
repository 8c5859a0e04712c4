/**
 * Which records have a text starting with a prefix, without reading every record: a tenant answers a
 * narrow search (one user in 100,000) as fast as a broad one, as the real target's indexes do. The
 * records are bucketed by the first `keyLength` characters of each of their texts (folded), each
 * bucket in the list's order. Built on first use and dropped by `invalidate()` (any write of the
 * tenant), so it never serves a changed record's old texts. A lookup is a superset of the matches:
 * the caller still applies its full match to each record it returns.
 */
export class PrefixIndex<T> {
  private buckets: Map<string, T[]> | null = null
  private readonly keyLength: number
  private readonly fold: (text: string) => string

  constructor(
    private readonly records: () => readonly T[],
    private readonly textsOf: (record: T) => readonly unknown[],
    options: { keyLength?: number; fold?: (text: string) => string } = {},
  ) {
    this.keyLength = options.keyLength ?? 2
    this.fold = options.fold ?? ((text) => text.toLowerCase())
  }

  invalidate(): void {
    this.buckets = null
  }

  /**
   * The records (in list order, each once) with a text whose folded form starts with the folded
   * `prefix`, among others; null when the prefix is shorter than the key: too broad to narrow,
   * and a scan fills its page from the first records anyway.
   */
  startingWith(prefix: string): readonly T[] | null {
    const folded = this.fold(prefix)
    if (folded.length < this.keyLength) return null
    return this.build().get(folded.slice(0, this.keyLength)) ?? []
  }

  private build(): Map<string, T[]> {
    if (this.buckets) return this.buckets
    const buckets = new Map<string, T[]>()
    for (const record of this.records()) {
      for (const text of this.textsOf(record)) {
        if (typeof text !== 'string') continue
        const folded = this.fold(text)
        if (folded.length < this.keyLength) continue
        const key = folded.slice(0, this.keyLength)
        const bucket = buckets.get(key)
        if (!bucket) buckets.set(key, [record])
        // Two texts of one record in one bucket (a login that starts like the email): once.
        else if (bucket[bucket.length - 1] !== record) bucket.push(record)
      }
    }
    this.buckets = buckets
    return buckets
  }
}

/** Both lists' records in the order `before` gives (each list already in it), each once. */
export function unionInOrder<T>(left: readonly T[], right: readonly T[], before: (a: T, b: T) => boolean): T[] {
  const union: T[] = []
  let l = 0
  let r = 0
  while (l < left.length || r < right.length) {
    const a = left[l]
    const b = right[r]
    if (r >= right.length || (l < left.length && before(a as T, b as T))) {
      union.push(a as T)
      l++
    } else if (l >= left.length || before(b as T, a as T)) {
      union.push(b as T)
      r++
    } else {
      union.push(a as T)
      l++
      r++
    }
  }
  return union
}
