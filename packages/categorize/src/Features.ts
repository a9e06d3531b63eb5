import { wordClass } from "@udsagn/danish"
import type { AnalyzedToken } from "./Analyzer.js"

export interface FeatureOptions {
  /** Character n-gram lengths taken from each content word (typo and compound robustness). */
  readonly charNgrams: ReadonlyArray<number>
  readonly bigrams: boolean
  /** Word-class features (`k:staff`) and pairs of classes in one statement (`kk:lack+staff`). */
  readonly classes?: boolean
}

export const defaultFeatureOptions: FeatureOptions = { charNgrams: [], bigrams: true, classes: true }

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

  /** Feature names of a statement (may repeat). */
  names(tokens: ReadonlyArray<AnalyzedToken>): Array<string> {
    const out: Array<string> = []
    let prev = -1
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      if (t.stop) continue
      const w = this.word(t)
      for (let k = 0; k < w.length; k++) out.push(w[k]!)
      if (this.options.bigrams && prev >= 0) out.push(`b:${tokens[prev]!.stem} ${t.stem}`)
      prev = i
    }
    if (this.options.classes) for (const pair of classPairs(out)) out.push(pair)
    return out
  }

  /** Feature names of a statement, each with the index of the token that produced it. */
  extract(tokens: ReadonlyArray<AnalyzedToken>): Array<[string, number]> {
    const out: Array<[string, number]> = []
    let prev = -1
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      if (t.stop) continue
      for (const f of this.word(t)) out.push([f, i])
      if (this.options.bigrams && prev >= 0) out.push([`b:${tokens[prev]!.stem} ${t.stem}`, i])
      prev = i
    }
    if (this.options.classes) {
      const last = Math.max(0, tokens.length - 1)
      for (const pair of classPairs(out.map(([f]) => f))) out.push([pair, last])
    }
    return out
  }
}

/** Unordered pairs of the word classes present: lets a linear model see "lack" with "staff". */
const classPairs = (names: ReadonlyArray<string>): Array<string> => {
  const classes: Array<string> = []
  for (const n of names) {
    if (!n.startsWith("k:")) continue
    const c = n.slice(2)
    if (!classes.includes(c)) classes.push(c)
  }
  if (classes.length < 2) return []
  classes.sort()
  const out: Array<string> = []
  for (let a = 0; a < classes.length; a++) for (let b = a + 1; b < classes.length; b++) out.push(`kk:${classes[a]}+${classes[b]}`)
  return out
}
