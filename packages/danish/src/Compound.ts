import { stem } from "./Stem.js"

/**
 * Compound splitting: Danish writes "patientinddragelse", "sundhedskompetencer",
 * "animationsfilm", "medarbejdertrivsel" as one word. A word is split into known parts
 * (folded keys), allowing the linking letters -s- and -e- between parts
 * ("sundhed|s|kompetence", "bruger|e|inddragelse"); the last part may be inflected
 * (its stem must be known). The split with the fewest parts wins, ties to the longest first part.
 */
/**
 * Longer "words" are not words (a pasted hash, a 300,000-digit number): the splitter and the
 * typo index leave them alone, which keeps both linear in the text. The longest Danish
 * compounds people type ("medarbejdertrivselsundersøgelserne", 34) stay well under it.
 */
export const MAX_WORD_LENGTH = 48

const INFLECTIONS = new Set(["erne", "ene", "ende", "ernes", "enes", "endes", "eren", "erens", "eret", "ede", "ers", "ens", "ets", "hed", "heden", "else", "elsen"])

export class CompoundSplitter {
  private readonly words: ReadonlySet<string>
  private readonly stems: ReadonlySet<string>
  private readonly cache = new Map<string, ReadonlyArray<string> | null>()

  /** `parts`: folded keys of words that may appear inside compounds (3+ letters). */
  constructor(parts: Iterable<string>, readonly minPart = 3) {
    const words = new Set<string>()
    const stems = new Set<string>()
    for (const p of parts) {
      if (p.length < minPart) continue
      words.add(p)
      const s = stem(p)
      if (s.length >= minPart) stems.add(s)
    }
    this.words = words
    this.stems = stems
  }

  private isPart(fragment: string, final: boolean): boolean {
    // An inflectional ending is no part: "borgerne" is "borger" inflected, not "borg|erne".
    if (final && INFLECTIONS.has(fragment)) return false
    if (this.words.has(fragment)) return true
    if (final) return this.stems.has(stem(fragment))
    return this.stems.has(fragment)
  }

  /** True when the folded word, or its stem, is one of the known parts. */
  knows(word: string): boolean {
    return this.words.has(word) || this.stems.has(stem(word))
  }

  /** Known parts of a folded word, or undefined when it is not a compound of known parts. */
  split(word: string): ReadonlyArray<string> | undefined {
    const hit = this.cache.get(word)
    if (hit !== undefined) return hit ?? undefined
    const result = word.length >= 2 * this.minPart && word.length <= MAX_WORD_LENGTH ? this.splitUncached(word) : undefined
    if (this.cache.size > 100_000) this.cache.clear()
    this.cache.set(word, result ?? null)
    return result
  }

  private splitUncached(word: string): ReadonlyArray<string> | undefined {
    const n = word.length
    const min = this.minPart
    const memo = new Map<number, ReadonlyArray<string> | null>()
    const best = (i: number): ReadonlyArray<string> | null => {
      const m = memo.get(i)
      if (m !== undefined) return m
      let found: ReadonlyArray<string> | null = null
      // The whole word as one part is no split: a known word that is also a compound still splits.
      for (let j = i === 0 ? n - min : n; j >= i + min; j--) {
        const frag = word.slice(i, j)
        let candidate: ReadonlyArray<string> | null = null
        if (j === n) {
          if (this.isPart(frag, true)) candidate = [frag]
        } else if (this.isPart(frag, false)) {
          const rest = best(j)
          const link = word[j]
          const linked = (link === "s" || link === "e") && n - (j + 1) >= min ? best(j + 1) : null
          const tail = rest && linked ? (linked.length < rest.length ? linked : rest) : rest ?? linked
          if (tail) candidate = [frag, ...tail]
        }
        if (candidate && (found === null || candidate.length < found.length)) found = candidate
      }
      memo.set(i, found)
      return found
    }
    return best(0) ?? undefined
  }
}
