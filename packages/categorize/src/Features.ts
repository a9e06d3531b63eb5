import { wordClass } from "@udsagn/danish"
import type { AnalyzedToken } from "./Analyzer.js"

export interface FeatureOptions {
  /** Character n-gram lengths taken from each content word (typo and compound robustness). */
  readonly charNgrams: ReadonlyArray<number>
  readonly bigrams: boolean
  /** Word-class features (`k:staff`) and pairs of classes in one statement (`kk:lack+staff`). */
  readonly classes?: boolean
  /**
   * Each feature of a statement of n features is worth 1 / n^norm (0.5: unit length). Below 0.5 a
   * long statement dilutes its words less, so a theme carried by one sentence of several is
   * not drowned by the rest (measured: 0.35 best in cross-validation, see the README).
   */
  readonly norm?: number
}

export const defaultFeatureOptions: FeatureOptions = { charNgrams: [], bigrams: true, classes: true, norm: 0.35 }

/**
 * Feature names of one content word: its stem, the stems of its compound parts, and character
 * n-grams of its folded key. Cached per word by `FeatureExtractor`.
 */
const wordFeatures = (t: AnalyzedToken, options: FeatureOptions): Array<string> => {
  const out = [`w:${t.stem}`]
  if (t.partStems) for (const p of t.partStems) out.push(`c:${p}`)
  if (options.classes) {
    // A compound takes the class of its head, the last part ("frontpersonalet" is staff).
    const cls = wordClass(t.stem) ?? (t.partStems ? wordClass(t.partStems[t.partStems.length - 1]!) : undefined)
    if (cls) out.push(`k:${cls}`)
  }
  const padded = `<${t.key}>`
  for (const n of options.charNgrams) {
    for (let i = 0; i + n <= padded.length; i++) out.push(`g:${padded.slice(i, i + n)}`)
  }
  return out
}

/** What `FeatureExtractor.walk` reports. */
export interface FeatureVisitor {
  /** A content word at token index `i`, with its own features (stem, compound parts, class, n-grams). */
  readonly word: (t: AnalyzedToken, i: number, features: ReadonlyArray<string>) => void
  /** The stem bigram ending at token index `i`. */
  readonly bigram: (name: string, i: number) => void
  /** A pair of word classes present in the statement (after all words); not walked when absent. */
  readonly classPair?: (name: string) => void
}

export class FeatureExtractor {
  private readonly cache = new Map<string, ReadonlyArray<string>>()
  constructor(readonly options: FeatureOptions) {}

  word(t: AnalyzedToken): ReadonlyArray<string> {
    const hit = this.cache.get(t.key)
    if (hit) return hit
    const f = wordFeatures(t, this.options)
    if (this.cache.size > 200_000) this.cache.clear()
    this.cache.set(t.key, f)
    return f
  }

  /**
   * The one walk over a statement's features, in statement order: each content word with its
   * features, the stem bigram ending at each word, then the pairs of word classes present.
   * Training, scoring and evidence all read a statement through this walk.
   */
  walk(tokens: ReadonlyArray<AnalyzedToken>, visit: FeatureVisitor): void {
    const classes: Array<string> = []
    const wantPairs = this.options.classes === true && visit.classPair !== undefined
    let prev = -1
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      if (t.stop) continue
      const features = this.word(t)
      visit.word(t, i, features)
      if (this.options.bigrams && prev >= 0) visit.bigram(`b:${tokens[prev]!.stem} ${t.stem}`, i)
      prev = i
      if (wantPairs) {
        for (const f of features) {
          if (!f.startsWith("k:")) continue
          const c = f.slice(2)
          if (!classes.includes(c)) classes.push(c)
        }
      }
    }
    if (wantPairs && classes.length > 1) {
      classes.sort()
      for (let a = 0; a < classes.length; a++) for (let b = a + 1; b < classes.length; b++) visit.classPair!(`kk:${classes[a]}+${classes[b]}`)
    }
  }

  /** Feature names of a statement (may repeat). */
  names(tokens: ReadonlyArray<AnalyzedToken>): Array<string> {
    const out: Array<string> = []
    const add = (f: string) => void out.push(f)
    this.walk(tokens, { word: (_t, _i, features) => features.forEach(add), bigram: add, classPair: add })
    return out
  }
}
