import { MAX_WORD_LENGTH } from "./Compound.js"
/**
 * Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two
 * neighbours), bounded: returns `max + 1` as soon as the distance must exceed `max`. Own code
 * rather than natural's distance submodule: that one builds a full matrix of objects and is ~50x
 * slower (README.md), and typo lookup runs for every unknown word.
 */
export const damerauLevenshtein = (a: string, b: string, max = Infinity): number => {
  if (a === b) return 0
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > max) return max + 1
  if (la === 0) return lb
  if (lb === 0) return la
  let prev2 = new Array<number>(lb + 1).fill(0)
  let prev = new Array<number>(lb + 1)
  let cur = new Array<number>(lb + 1)
  for (let j = 0; j <= lb; j++) prev[j] = j
  for (let i = 1; i <= la; i++) {
    cur[0] = i
    let rowMin = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1)
      const cost = ca === cb ? 0 : 1
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, prev2[j - 2]! + 1)
      }
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    const t = prev2
    prev2 = prev
    prev = cur
    cur = t
  }
  return prev[lb]!
}

/** How many typos a word of this length may carry and still match: 0 below 6 letters, 1, 2 from 10. */
export const typoBudget = (length: number): number => (length >= 10 ? 2 : length >= 6 ? 1 : 0)

/** Every string made by deleting up to `n` letters of `s` (including `s` itself). */
const deletions = (s: string, n: number, out: Set<string>) => {
  out.add(s)
  if (n === 0 || s.length <= 1) return out
  for (let i = 0; i < s.length; i++) {
    const d = s.slice(0, i) + s.slice(i + 1)
    if (!out.has(d)) deletions(d, n - 1, out)
  }
  return out
}

// Deletion strings are looked up by a number, their polynomial hash (mod 2^32, kept to 30 bits so
// a Map holds it as a small integer): a word's deletions are hashed with arithmetic on its prefix
// and suffix hashes, without making the strings. Two strings may share a hash; every candidate
// term is checked with damerauLevenshtein anyway, so a shared hash costs a comparison, nothing more.
const BASE = 131
const MASK = 0x3fffffff

/** The hash of a string, as `forEachDeletionHash` computes it for deletions. */
export const deletionHash = (s: string): number => {
  let h = 0
  for (let k = 0; k < s.length; k++) h = (Math.imul(h, BASE) + s.charCodeAt(k) + 1) | 0
  return h & MASK
}

/**
 * Calls `f` with the hash (`deletionHash`) of `s` and of every string made by deleting one or
 * (with `n` 2) two of its letters, each set of places once (a hash may come more than once when
 * `s` repeats a letter).
 */
export const forEachDeletionHash = (s: string, n: number, f: (hash: number) => void): void => {
  const len = s.length
  // pre[i]: hash of s[0, i); suf[i]: hash of s[i, len) as the tail of s (its letters' powers as in s); pow[k]: BASE^k.
  const pre = new Int32Array(len + 1)
  const suf = new Int32Array(len + 2)
  const pow = new Int32Array(len + 1)
  pow[0] = 1
  for (let k = 0; k < len; k++) {
    pre[k + 1] = (Math.imul(pre[k]!, BASE) + s.charCodeAt(k) + 1) | 0
    pow[k + 1] = Math.imul(pow[k]!, BASE)
  }
  for (let k = len - 1; k >= 0; k--) suf[k] = (suf[k + 1]! + Math.imul(s.charCodeAt(k) + 1, pow[len - 1 - k]!)) | 0
  f(pre[len]! & MASK)
  if (n === 0) return
  for (let i = 0; i < len; i++) {
    // Without s[i]: the prefix raised past the letters after i, plus the suffix after i.
    f((Math.imul(pre[i]!, pow[len - 1 - i]!) + suf[i + 1]!) & MASK)
    if (n < 2) continue
    for (let j = i + 1; j < len; j++) {
      // Without s[i] and s[j] (i < j): prefix before i, the letters between, suffix after j.
      const middle = (pre[j]! - Math.imul(pre[i + 1]!, pow[j - 1 - i]!)) | 0
      f((Math.imul(pre[i]!, pow[len - 2 - i]!) + Math.imul(middle, pow[len - 1 - j]!) + suf[j + 1]!) & MASK)
    }
  }
}

/**
 * Finds the closest known term for a possibly misspelled word, within `typoBudget` of the
 * shorter of the two. Symmetric-delete index (as SymSpell): every term is stored under the
 * strings its budget of deletions makes (by their hashes); a word's own deletions then meet the
 * terms within reach in a handful of map lookups, instead of a distance computation against every term.
 * Ties go to the term added first. Answers are cached per word.
 */
export class FuzzyIndex {
  private readonly known: ReadonlySet<string>
  private byDeletion: Map<number, Array<string>> | undefined
  private readonly order = new Map<string, number>()
  private readonly cache = new Map<string, string | null>()

  constructor(terms: Iterable<string>) {
    const set = new Set<string>()
    for (const t of terms) {
      if (t.length < 6 || t.length > MAX_WORD_LENGTH || set.has(t)) continue
      set.add(t)
      this.order.set(t, this.order.size)
    }
    this.known = set
  }

  // Built on the first real lookup, not at start-up: many runs never meet an unknown long word.
  private index(): Map<number, Array<string>> {
    if (this.byDeletion) return this.byDeletion
    const map = new Map<number, Array<string>>()
    for (const t of this.known) {
      for (const d of deletions(t, typoBudget(t.length), new Set())) {
        const h = deletionHash(d)
        const list = map.get(h)
        if (list === undefined) map.set(h, [t])
        else if (list[list.length - 1] !== t) list.push(t)
      }
    }
    this.byDeletion = map
    return map
  }

  /** The known term `word` is a typo of, or undefined (exact hits return the word itself). */
  lookup(word: string): string | undefined {
    if (this.known.has(word)) return word
    // Deletions of a 3,000-letter "word" would fill gigabytes: no real word is that long.
    if (word.length > MAX_WORD_LENGTH) return undefined
    const cached = this.cache.get(word)
    if (cached !== undefined) return cached ?? undefined
    let best: string | null = null
    const budget = typoBudget(word.length)
    if (budget > 0) {
      let bestD = budget + 1
      const byDeletion = this.index()
      const tried = new Set<string>()
      // Each term within reach shares a deletion string with the word: the word's own deletions
      // are looked up by their hashes (each pair of places once), without making the strings.
      const meet = (h: number) => {
        const terms = byDeletion.get(h)
        if (terms === undefined) return
        for (const t of terms) {
          if (tried.has(t)) continue
          tried.add(t)
          const allowed = Math.min(budget, typoBudget(t.length))
          const dist = damerauLevenshtein(word, t, allowed)
          if (dist > allowed) continue
          if (dist < bestD || (dist === bestD && best !== null && this.order.get(t)! < this.order.get(best)!)) {
            bestD = dist
            best = t
          }
        }
      }
      forEachDeletionHash(word, budget, meet)
    }
    if (this.cache.size > 100_000) this.cache.clear()
    this.cache.set(word, best)
    return best ?? undefined
  }
}
