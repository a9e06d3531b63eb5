import { CompoundSplitter } from "@udsagn/danish"
import type { ThemeSet } from "@udsagn/domain/Theme"
import { Analyzer, type AnalyzedToken } from "./Analyzer.js"
import { FeatureExtractor, type FeatureOptions } from "./Features.js"
import { compileLexicon, lexiconScores, matchLexiconDetailed, type CompiledLexicon, type LexiconMatch } from "./Lexicon.js"
import { probability, type LogisticModel, type SparseRow } from "./Logistic.js"
import type { ModelOptions, ThemeModelData } from "./ModelData.js"
import { reviewConfidence, reviewSignals, type ReviewSignals } from "./ReviewModel.js"

/** What the classifier and the lexicon say of one text, before the model's thresholds. */
export interface RawScores {
  readonly tokens: ReadonlyArray<AnalyzedToken>
  readonly matches: ReadonlyArray<LexiconMatch>
  /** The classifier's probability per theme (index as `themes`). */
  readonly raw: ReadonlyArray<number>
  /** Lexicon score per theme. */
  readonly lex: ReadonlyArray<number>
  /** Per theme: an exclusion of the theme matched ("videokonsultation"). */
  readonly excluded: ReadonlyArray<boolean>
  /** Content words, and how many of them the model does not know. */
  readonly words: number
  readonly unknown: number
}

/** The decision on raw scores, given the model's thresholds. */
export interface Decision {
  /** Model probability per theme after the lexicon's vetoes and sure signs. */
  readonly probabilities: ReadonlyArray<number>
  /** Probabilities rescaled so each theme's threshold sits at 0.5. */
  readonly scores: ReadonlyArray<number>
  readonly assigned: ReadonlyArray<number>
  readonly signals: ReviewSignals
}

export interface Prediction extends Decision {
  readonly tokens: ReadonlyArray<AnalyzedToken>
  readonly matches: ReadonlyArray<LexiconMatch>
  /** Estimated probability that the whole label set is right (see ReviewModel.ts). */
  readonly confidence: number
  readonly needsReview: boolean
}

/** Assigns themes from raw scores: the same rule in training (out-of-fold) and in use. */
export const decideThemes = (
  r: Pick<RawScores, "raw" | "lex" | "excluded" | "words" | "unknown">,
  thresholds: ReadonlyArray<number>,
  lexiconAssigns: ReadonlyArray<boolean>
): Decision => {
  const probabilities = r.raw.map((p, t) => {
    // An exclusion rules its theme out unless other terms of the theme remain ("videokonsultation"
    // alone is no visual communication, whatever the classifier makes of "video").
    if (r.lex[t] === 0 && r.excluded[t]) return Math.min(p, 0.5 * thresholds[t]!)
    // Thin theme: a strong lexicon hit counts as a sure sign.
    return lexiconAssigns[t] && r.lex[t]! >= 1 ? Math.max(p, 0.99) : p
  })
  const scores = probabilities.map((p, t) => rescale(p, thresholds[t]!))
  const assigned = scores.flatMap((s, t) => (s >= 0.5 ? [t] : []))
  return { probabilities, scores, assigned, signals: reviewSignals(scores, assigned, r.lex, r.words, r.unknown) }
}

/** Maps p to [0, 1] with the threshold at 0.5, so "≥ 0.5" always means "assigned". */
export const rescale = (p: number, threshold: number): number =>
  p < threshold ? (0.5 * p) / threshold : 0.5 + (0.5 * (p - threshold)) / (1 - threshold)

/**
 * The vector training uses: every feature name of the statement once, plus one feature per
 * theme for its lexicon score. Scaled by the number of the statement's features (known or not), so
 * an unseen word still dilutes.
 */
export const vectorizeNames = (
  extractor: FeatureExtractor,
  index: ReadonlyMap<string, number>,
  themes: ReadonlyArray<string>,
  options: ModelOptions,
  tokens: ReadonlyArray<AnalyzedToken>,
  matches: ReadonlyArray<LexiconMatch>
): SparseRow => {
  const names = new Set(extractor.names(tokens))
  const ids: Array<number> = []
  for (const f of names) {
    const i = index.get(f)
    if (i !== undefined) ids.push(i)
  }
  return withLexicon(ids, featureValue(extractor.options, names.size), index.size, themes, options, matches)
}

/** The value of each feature of a statement with n features, known or not (see FeatureOptions.norm). */
const featureValue = (options: FeatureOptions, n: number): number =>
  options.norm === undefined ? 1 / Math.sqrt(Math.max(1, n)) : Math.max(1, n) ** -options.norm

/** The sparse row of feature ids (each of value `v`) followed by the per-theme lexicon features. */
const withLexicon = (
  ids: ReadonlyArray<number>,
  v: number,
  base: number,
  themes: ReadonlyArray<string>,
  options: ModelOptions,
  matches: ReadonlyArray<LexiconMatch>
): SparseRow => {
  const lex = lexiconScores(themes, matches)
  const index32 = new Int32Array(ids.length + themes.length)
  const value = new Float64Array(ids.length + themes.length)
  ids.forEach((id, k) => {
    index32[k] = id
    value[k] = v
  })
  lex.forEach((s, t) => {
    index32[ids.length + t] = base + t
    value[ids.length + t] = options.lexScale * Math.min(s, options.lexCap)
  })
  return { index: index32, value }
}

/** A word's features as the model sees them: the ids it knows, the names it does not, the word's classes. */
export interface WordIds {
  readonly ids: Int32Array
  readonly unknown: ReadonlyArray<string>
  readonly classes: ReadonlyArray<string>
}

/** `walkIds`' bigram of a word the model has no feature for (see `knownBigrams`). */
export const UNKNOWN_BIGRAM = -1
/** `walkIds`' bigram of the first word (or of any, without bigrams). */
export const NO_BIGRAM = -2

/**
 * The vocabulary's stem bigrams by their two stems (a stem is one word: no space): a pair of
 * words is looked up without building its feature name, and a pair the model does not know costs
 * nothing to remember.
 */
const knownBigrams = (vocabulary: ReadonlyArray<string>): Map<string, Map<string, number>> => {
  const out = new Map<string, Map<string, number>>()
  vocabulary.forEach((f, id) => {
    if (!f.startsWith("b:")) return
    const space = f.indexOf(" ", 2)
    const first = f.slice(2, space)
    let bySecond = out.get(first)
    if (bySecond === undefined) out.set(first, (bySecond = new Map()))
    bySecond.set(f.slice(space + 1), id)
  })
  return out
}

/** Whether the flat list of stem pairs holds (a, b). */
const hasPair = (pairs: ReadonlyArray<string>, a: string, b: string): boolean => {
  for (let k = 0; k < pairs.length; k += 2) if (pairs[k] === a && pairs[k + 1] === b) return true
  return false
}

/** A trained model's scoring: text → tokens, lexicon hits, vector, per-theme probabilities. */
export class ThemeScorer {
  readonly themeIds: ReadonlyArray<string>
  protected readonly lexicon: CompiledLexicon
  protected readonly analyzer: Analyzer
  readonly extractor: FeatureExtractor
  readonly index: Map<string, number>
  /** The model's stem bigrams (`b:<first> <second>`) by their first stem, then their second: their feature ids. */
  private readonly bigrams: ReadonlyMap<string, ReadonlyMap<string, number>>
  readonly models: ReadonlyArray<LogisticModel>

  constructor(readonly themeSet: ThemeSet, readonly data: ThemeModelData) {
    this.themeIds = data.themes
    this.lexicon = compileLexicon(themeSet)
    this.analyzer = new Analyzer(new CompoundSplitter(data.parts), data.options.typoCorrection ? data.parts : undefined)
    this.extractor = new FeatureExtractor(data.options.features)
    this.index = new Map(data.vocabulary.map((f, i) => [f, i]))
    this.bigrams = knownBigrams(data.vocabulary)
    this.models = data.weights.map((w, t) => ({ weights: Float64Array.from(w), bias: data.bias[t]! }))
  }

  analyze(text: string) {
    const tokens = this.analyzer.analyze(text)
    const { matches, excluded } = matchLexiconDetailed(this.lexicon, tokens, Boolean(this.data.options.talkTopics))
    return { tokens, matches, excluded }
  }

  /** The reference vectorizer (the one training uses). */
  vectorizeReference(tokens: ReadonlyArray<AnalyzedToken>, matches: ReadonlyArray<LexiconMatch>): SparseRow {
    return vectorizeNames(this.extractor, this.index, this.themeIds, this.data.options, tokens, matches)
  }

  /**
   * Same vector as `vectorizeReference` (the same features in the same order, so the same sums),
   * walked here with what never changes cached: each word's feature ids and word classes, and
   * each pair of stems' bigram (its id; a pair the model does not know counts once, by its two
   * stems). Only the statement's own combination is worked out per statement.
   */
  vectorize(tokens: ReadonlyArray<AnalyzedToken>, matches: ReadonlyArray<LexiconMatch>): SparseRow {
    const ids: Array<number> = []
    const unknown: Array<string> = []
    const words: Array<string> = []
    const classes: Array<string> = []
    const options = this.extractor.options
    const wantPairs = options.classes === true
    const addName = (f: string) => {
      const id = this.index.get(f)
      if (id === undefined) {
        if (!unknown.includes(f)) unknown.push(f)
      } else if (!ids.includes(id)) ids.push(id)
    }
    // Bigrams the model does not know, as their two stems: each distinct pair is one feature.
    const pairs: Array<string> = []
    this.walkIds(tokens, (t, _i, w, bigram, prev) => {
      // A repeated word adds nothing new: its features are already in.
      if (!words.includes(t.key)) {
        words.push(t.key)
        for (let k = 0; k < w.ids.length; k++) if (!ids.includes(w.ids[k]!)) ids.push(w.ids[k]!)
        for (const f of w.unknown) if (!unknown.includes(f)) unknown.push(f)
      }
      if (bigram >= 0) {
        if (!ids.includes(bigram)) ids.push(bigram)
      } else if (bigram === UNKNOWN_BIGRAM && !hasPair(pairs, prev!.stem, t.stem)) pairs.push(prev!.stem, t.stem)
      if (wantPairs) for (const c of w.classes) if (!classes.includes(c)) classes.push(c)
    })
    if (wantPairs && classes.length > 1) {
      classes.sort()
      for (let a = 0; a < classes.length; a++) for (let b = a + 1; b < classes.length; b++) addName(`kk:${classes[a]}+${classes[b]}`)
    }
    const v = featureValue(options, ids.length + unknown.length + pairs.length / 2)
    return withLexicon(ids, v, this.index.size, this.themeIds, this.data.options, matches)
  }

  private readonly wordCache = new Map<string, WordIds>()

  /**
   * FeatureExtractor.walk's words and bigrams, by cached ids: each content word in statement order
   * with its features (`wordIds`), the stem bigram ending at it (its feature id, UNKNOWN_BIGRAM
   * when the model does not know it, NO_BIGRAM for the first word or without bigrams) and the
   * word before it. Scoring and evidence read a statement through this.
   */
  walkIds(
    tokens: ReadonlyArray<AnalyzedToken>,
    visit: (t: AnalyzedToken, i: number, word: WordIds, bigram: number, prev: AnalyzedToken | undefined) => void
  ): void {
    const bigrams = this.extractor.options.bigrams
    let prev: AnalyzedToken | undefined
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      if (t.stop) continue
      const bigram = bigrams && prev !== undefined ? (this.bigrams.get(prev.stem)?.get(t.stem) ?? UNKNOWN_BIGRAM) : NO_BIGRAM
      visit(t, i, this.wordIds(t), bigram, prev)
      prev = t
    }
  }

  /** A word's feature ids (the ones the model knows, in the extractor's order), the names of the rest, and its word classes: cached per word. */
  private wordIds(t: AnalyzedToken): WordIds {
    const hit = this.wordCache.get(t.key)
    if (hit) return hit
    const ids: Array<number> = []
    const unknown: Array<string> = []
    const classes: Array<string> = []
    for (const f of this.extractor.word(t)) {
      const id = this.index.get(f)
      if (id === undefined) unknown.push(f)
      else ids.push(id)
      if (f.startsWith("k:") && !classes.includes(f.slice(2))) classes.push(f.slice(2))
    }
    const entry = { ids: Int32Array.from(ids), unknown, classes }
    if (this.wordCache.size > 200_000) this.wordCache.clear()
    this.wordCache.set(t.key, entry)
    return entry
  }

  /** The classifier's and the lexicon's view of a text, before thresholds. */
  scoreRaw(text: string): RawScores {
    const { tokens, matches, excluded } = this.analyze(text)
    const row = this.vectorize(tokens, matches)
    let words = 0
    let unknown = 0
    for (const t of tokens) {
      if (t.stop) continue
      words++
      if (!t.known) unknown++
    }
    return {
      tokens,
      matches,
      raw: this.models.map((m) => probability(m, row)),
      lex: lexiconScores(this.themeIds, matches),
      excluded: this.themeIds.map((t) => excluded.has(t)),
      words,
      unknown
    }
  }

  predict(text: string): Prediction {
    const r = this.scoreRaw(text)
    const d = decideThemes(r, this.data.thresholds, this.data.lexiconAssigns)
    const review = this.data.review
    // Without a fitted review model (too little training data): the margin, with a fixed cut.
    const confidence = review ? reviewConfidence(review, d.signals) : d.signals.margin
    const needsReview = confidence < (review ? review.reviewBelow : this.data.options.reviewBelow)
    return { ...d, tokens: r.tokens, matches: r.matches, confidence, needsReview }
  }
}
