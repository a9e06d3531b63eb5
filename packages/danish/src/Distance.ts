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

/**
 * Finds the closest known term for a possibly misspelled word, within `typoBudget` of the
 * shorter of the two. Symmetric-delete index (as SymSpell): every term is stored under the
 * strings its budget of deletions makes; a word's own deletions then meet the terms within
 * reach in a handful of map lookups, instead of a distance computation against every term.
 * Ties go to the term added first. Answers are cached per word.
 */
export class FuzzyIndex {
  private readonly known: ReadonlySet<string>
  private byDeletion: Map<string, Array<string>> | undefined
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
  private index(): Map<string, Array<string>> {
    if (this.byDeletion) return this.byDeletion
    const map = new Map<string, Array<string>>()
    for (const t of this.known) {
      for (const d of deletions(t, typoBudget(t.length), new Set())) {
        const list = map.get(d)
        if (list) list.push(t)
        else map.set(d, [t])
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
      for (const d of deletions(word, budget, new Set())) {
        for (const t of byDeletion.get(d) ?? []) {
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
    }
    if (this.cache.size > 100_000) this.cache.clear()
    this.cache.set(word, best)
    return best ?? undefined
  }
}
