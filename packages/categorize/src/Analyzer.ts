import { CompoundSplitter, foldWord, FuzzyIndex, isStopWord, nfc, stem, type Token, wordRegex } from "@udsagn/danish"

/** What the categorizer knows of one word: its key, stem, and compound parts. */
export interface WordInfo {
  readonly stem: string
  readonly stop: boolean
  /** Folded keys of the compound's parts, when the word splits into known parts. */
  readonly parts: ReadonlyArray<string> | undefined
  readonly partStems: ReadonlyArray<string> | undefined
  /** A word the model knows (training or lexicon vocabulary): not a typo, no fuzzy lookup needed. */
  readonly known: boolean
}

export interface AnalyzedToken extends Token, WordInfo {
  /** Punctuation between this word and the one before: 0 none, 1 a clause break (, ; : – ), 2 a sentence end (. ! ?). */
  readonly brk: 0 | 1 | 2
}

/** The strongest break in the text between two words. */
const breakIn = (gap: string): 0 | 1 | 2 => (/[.!?\n]/.test(gap) ? 2 : /[,;:()\u2013\u2014]| - /.test(gap) ? 1 : 0)

/**
 * Tokenizes and annotates text, caching per word: statements repeat words, so after the first
 * few thousand statements nearly every word is a cache hit (this is what makes 100k/s possible).
 */
export class Analyzer {
  private readonly cache = new Map<string, WordInfo>()
  private readonly fuzzy: FuzzyIndex | undefined

  /** `vocabulary`: known words (folded) an unknown word may be a typo of ("animatoiner" → "animationer"). */
  constructor(readonly splitter: CompoundSplitter, vocabulary?: Iterable<string>) {
    this.fuzzy = vocabulary ? new FuzzyIndex(vocabulary) : undefined
  }

  info(key: string): WordInfo {
    const hit = this.cache.get(key)
    if (hit) return hit
    const parts = this.splitter.split(key)
    let info: WordInfo | undefined
    if (parts === undefined && this.fuzzy && key.length >= 6 && !this.splitter.knows(key)) {
      // An unknown word that is one or two typos from a known word is read as that word.
      const corrected = this.fuzzy.lookup(key)
      if (corrected !== undefined && corrected !== key) info = this.info(corrected)
    }
    info ??= {
      stem: stem(key),
      stop: isStopWord(key),
      parts,
      partStems: parts?.map(stem),
      known: this.splitter.knows(key)
    }
    if (this.cache.size > 200_000) this.cache.clear()
    this.cache.set(key, info)
    return info
  }

  // A word as typed → its key and what is known of that key: one look-up per word of a statement.
  private readonly bySurface = new Map<string, { readonly key: string; readonly info: WordInfo }>()
  // danish's words (`tokenize`'s), with a regex of this analyzer's own (nothing it calls tokenizes).
  private readonly words = wordRegex()

  analyze(text: string): Array<AnalyzedToken> {
    const out: Array<AnalyzedToken> = []
    const s = nfc(text)
    const re = this.words
    re.lastIndex = 0
    let last = 0
    let m: RegExpExecArray | null
    while ((m = re.exec(s)) !== null) {
      const word = m[0]
      const start = m.index
      const end = start + word.length
      let known = this.bySurface.get(word)
      if (known === undefined) {
        const key = foldWord(word)
        known = { key, info: this.info(key) }
        if (this.bySurface.size > 200_000) this.bySurface.clear()
        this.bySurface.set(word, known)
      }
      const info = known.info
      // Most words follow one space: no slice, no regex.
      const brk = out.length === 0 || (start - last === 1 && s.charCodeAt(last) === 32) ? 0 : breakIn(s.slice(last, start))
      last = end
      // An explicit literal, not a spread: this runs for every word of every statement.
      out.push({ text: word, start, end, key: known.key, stem: info.stem, stop: info.stop, parts: info.parts, partStems: info.partStems, known: info.known, brk })
    }
    return out
  }
}
