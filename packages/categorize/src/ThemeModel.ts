import { CompoundSplitter, nfc } from "@udsagn/danish"
import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import { Evidence } from "@udsagn/domain/Categorization"
import { OTHER, type ThemeId, type ThemeSet } from "@udsagn/domain/Theme"
import { Analyzer, type AnalyzedToken } from "./Analyzer.js"
import { defaultFeatureOptions, FeatureExtractor, type FeatureOptions } from "./Features.js"
import { compileLexicon, lexiconScores, matchLexicon, matchLexiconDetailed, type CompiledLexicon, type LexiconMatch } from "./Lexicon.js"
import { probability, trainLogistic, type LogisticModel, type SparseRow } from "./Logistic.js"

/** A labelled statement: a row of `data/training/statements.csv` or a theme example. */
export interface TrainingRow {
  readonly id: string
  readonly question?: string | undefined
  readonly text: string
  readonly themes: ReadonlyArray<string>
}

export interface ModelOptions {
  readonly features: FeatureOptions
  readonly l2: number
  readonly iterations: number
  /** Value of the per-theme lexicon-score feature per unit of term weight. */
  readonly lexScale: number
  /** Lexicon scores are capped here before scaling (three strong terms say no more than two). */
  readonly lexCap: number
  /** Features seen in fewer training statements are dropped. */
  readonly minCount: number
  /** Folds for the cross-validated predictions the thresholds are calibrated on. */
  readonly folds: number
  /** Below this many labelled statements a theme is assigned by a strong lexicon hit alone. */
  readonly thinThemeRows: number
  /** needsReview when confidence is below this. */
  readonly reviewBelow: number
  /** Read an unknown word as the known word it is one or two typos from. */
  readonly typoCorrection?: boolean
  /** Cross-validation runs (different fold splits) the thresholds are calibrated on together. */
  readonly calibrationRepeats?: number
}

export const defaultModelOptions: ModelOptions = {
  features: defaultFeatureOptions,
  l2: 0.001,
  iterations: 100,
  lexScale: 0.6,
  lexCap: 3,
  minCount: 2,
  folds: 5,
  thinThemeRows: 20,
  reviewBelow: 0.3,
  typoCorrection: true,
  calibrationRepeats: 3
}

/** Bump when features or training change, so a stale model.json is never used. */
export const MODEL_VERSION = 1

/** What `data/training/model.json` holds: everything needed to categorize without retraining. */
export interface ThemeModelData {
  readonly version: number
  /** Hash of the theme set, the training data and MODEL_VERSION (see `modelKey`). */
  readonly key: string
  readonly options: ModelOptions
  readonly themes: ReadonlyArray<string>
  /** Folded words the compound splitter knows as parts. */
  readonly parts: ReadonlyArray<string>
  readonly vocabulary: ReadonlyArray<string>
  /** Per theme: one weight per vocabulary feature, then one per theme's lexicon score. */
  readonly weights: ReadonlyArray<ReadonlyArray<number>>
  readonly bias: ReadonlyArray<number>
  readonly thresholds: ReadonlyArray<number>
  /** Themes with too few labelled statements: a lexicon score ≥ 1 assigns them. */
  readonly lexiconAssigns: ReadonlyArray<boolean>
  readonly trainingRows: number
}

// The code that turns text into features and weights: a model built by other code is stale too.
const MODEL_CODE = [
  "../../danish/src/Normalize.ts",
  "../../danish/src/Tokenize.ts",
  "../../danish/src/Stem.ts",
  "../../danish/src/StopWords.ts",
  "../../danish/src/Compound.ts",
  "../../danish/src/Distance.ts",
  "../../danish/src/WordClasses.ts",
  "./Analyzer.ts",
  "./Features.ts",
  "./Lexicon.ts",
  "./Logistic.ts",
  "./ThemeModel.ts"
]
let fingerprint: string | undefined
/** Hash of the model code's source (read once; the sources ship with the package, which runs from source). */
export const codeFingerprint = (): string => {
  if (fingerprint === undefined) {
    const h = createHash("sha256")
    for (const rel of MODEL_CODE) {
      try {
        h.update(readFileSync(new URL(rel, import.meta.url), "utf8").replace(/\r\n/g, "\n"))
      } catch {
        h.update(`missing:${rel}`)
      }
    }
    fingerprint = h.digest("hex").slice(0, 16)
  }
  return fingerprint
}

/** Key of a (theme set, training data, model code) triple: a model is valid only for the inputs it was built from. */
export const modelKey = (themeSetJson: string, trainingCsv: string): string =>
  createHash("sha256")
    .update(`v${MODEL_VERSION}\n${codeFingerprint()}\n${themeSetJson}\n${trainingCsv.replace(/\r\n/g, "\n")}`)
    .digest("hex")
    .slice(0, 32)

/** Canonical JSON of a theme set for `modelKey` (file formatting does not matter). */
export const themeSetJson = (themeSet: ThemeSet): string =>
  JSON.stringify({
    themes: themeSet.themes.map((t) => ({ id: t.id, terms: t.terms, exclusions: t.exclusions, examples: t.examples }))
  })

/**
 * The training rows that speak to this theme set: rows with at least one of its theme ids
 * (labels outside the set dropped), plus `other` rows when the set covers every label in the
 * data (they are true negatives only then), plus the theme file's own examples.
 */
export const relevantRows = (themeSet: ThemeSet, rows: ReadonlyArray<TrainingRow>): Array<TrainingRow> => {
  const ids = new Set<string>(themeSet.themes.map((t) => t.id))
  const labels = new Set(rows.flatMap((r) => r.themes).filter((t) => t !== OTHER))
  const coversAll = [...labels].every((l) => ids.has(l))
  const byText = new Map<string, { id: string; text: string; themes: Set<string> }>()
  const add = (id: string, text: string, themes: ReadonlyArray<string>) => {
    const key = text.trim().toLowerCase()
    const entry = byText.get(key)
    if (entry) themes.forEach((t) => entry.themes.add(t))
    else byText.set(key, { id, text, themes: new Set(themes) })
  }
  for (const r of rows) {
    const mine = r.themes.filter((t) => ids.has(t))
    if (mine.length > 0) add(r.id, r.text, mine)
    else if (coversAll && r.themes.includes(OTHER)) add(r.id, r.text, [])
  }
  themeSet.themes.forEach((t, ti) => t.examples.forEach((e, ei) => add(`example-${ti}-${ei}`, e, [t.id])))
  // Without the data's own `other` rows the model would never see a statement without a theme:
  // add conference small talk that belongs to no theme of any conference.
  if (!coversAll || !rows.some((r) => r.themes.includes(OTHER))) GENERIC_OTHER.forEach((e, i) => add(`generic-other-${i}`, e, []))
  return [...byText.values()].map((e) => ({ id: e.id, text: e.text, themes: [...e.themes] }))
}

/** Statements that carry no theme at any conference: praise, logistics, test answers. */
export const GENERIC_OTHER: ReadonlyArray<string> = [
  "Tak for i dag",
  "Spændende",
  "Inspirerende dag",
  "God dag",
  "Godt oplæg",
  "Dejlig mad",
  "Lækker frokost",
  "For lidt pauser",
  "Lokalet var for varmt",
  "test",
  "hej",
  "Kan ikke høre noget",
  "Hvornår er der kaffe?",
  "Fint arrangement",
  "Godt at mødes på tværs",
  "Interessant",
  "Mere af det her",
  "Ved ikke"
]

export interface Prediction {
  readonly tokens: ReadonlyArray<AnalyzedToken>
  readonly matches: ReadonlyArray<LexiconMatch>
  /** Calibrated-model probability per theme (index as `themes`). */
  readonly probabilities: ReadonlyArray<number>
  /** Probabilities rescaled so each theme's threshold sits at 0.5. */
  readonly scores: ReadonlyArray<number>
  readonly assigned: ReadonlyArray<number>
  readonly confidence: number
}

/** Result of categorizing one text, in domain terms. */
export interface TextCategorization {
  readonly themes: readonly [ThemeId, ...Array<ThemeId>]
  readonly scores: Record<string, number>
  readonly evidence: ReadonlyArray<Evidence>
  readonly confidence: number
  readonly needsReview: boolean
}

const round = (x: number) => Math.round(x * 1000) / 1000

/** Maps p to [0, 1] with the threshold at 0.5, so "≥ 0.5" always means "assigned". */
export const rescale = (p: number, threshold: number): number =>
  p < threshold ? (0.5 * p) / threshold : 0.5 + (0.5 * (p - threshold)) / (1 - threshold)

export class ThemeModel {
  readonly themeIds: ReadonlyArray<string>
  private readonly lexicon: CompiledLexicon
  private readonly analyzer: Analyzer
  private readonly extractor: FeatureExtractor
  private readonly index: Map<string, number>
  private readonly models: ReadonlyArray<LogisticModel>

  constructor(readonly themeSet: ThemeSet, readonly data: ThemeModelData) {
    this.themeIds = data.themes
    this.lexicon = compileLexicon(themeSet)
    this.analyzer = new Analyzer(new CompoundSplitter(data.parts), data.options.typoCorrection ? data.parts : undefined)
    this.extractor = new FeatureExtractor(data.options.features)
    this.index = new Map(data.vocabulary.map((f, i) => [f, i]))
    this.models = data.weights.map((w, t) => ({ weights: Float64Array.from(w), bias: data.bias[t]! }))
  }

  /** Trains on the rows (see `relevantRows`), calibrating thresholds on cross-validated predictions. */
  static train(themeSet: ThemeSet, rows: ReadonlyArray<TrainingRow>, key = "", options = defaultModelOptions): ThemeModel {
    const train = relevantRows(themeSet, rows)
    const core = fitCore(themeSet, train, options)
    const themes = core.themes
    const positives = themes.map((t) => train.filter((r) => r.themes.includes(t)).length)
    // Uncalibrated (too little data): the classifier alone must be quite sure; thin themes mostly
    // go by the lexicon (see predict).
    let thresholds = themes.map(() => 0.8)
    if (train.length >= 4 * options.folds && positives.some((p) => p >= options.thinThemeRows)) {
      // Several fold splits: thresholds that suit one split's accidents are averaged away.
      const repeats = Math.max(1, options.calibrationRepeats ?? 1)
      const probs: Array<Array<number>> = []
      const gold: Array<Array<boolean>> = []
      for (let r = 0; r < repeats; r++) {
        probs.push(...crossValidatedProbabilities(themeSet, train, options, r))
        gold.push(...train.map((row) => themes.map((t) => row.themes.includes(t))))
      }
      thresholds = tuneThresholds(probs, gold)
    }
    return new ThemeModel(themeSet, {
      ...core,
      key,
      thresholds,
      lexiconAssigns: positives.map((p) => p < options.thinThemeRows),
      trainingRows: train.length
    })
  }

  analyze(text: string) {
    const tokens = this.analyzer.analyze(text)
    const { matches, excluded } = matchLexiconDetailed(this.lexicon, tokens)
    return { tokens, matches, excluded }
  }

  /** The reference vectorizer (the one training uses). */
  vectorizeReference(tokens: ReadonlyArray<AnalyzedToken>, matches: ReadonlyArray<LexiconMatch>): SparseRow {
    return vectorize(this.extractor, this.index, this.themeIds, this.data.options, tokens, matches)
  }

  /**
   * Same vector as `vectorizeReference`, with each word's feature ids cached: the features of a
   * word never change, only the bigrams and class pairs depend on the statement.
   */
  vectorize(tokens: ReadonlyArray<AnalyzedToken>, matches: ReadonlyArray<LexiconMatch>): SparseRow {
    const ids: Array<number> = []
    const unknown: Array<string> = []
    const classes: Array<string> = []
    const words: Array<string> = []
    const addName = (f: string) => {
      const id = this.index.get(f)
      if (id === undefined) {
        if (!unknown.includes(f)) unknown.push(f)
      } else if (!ids.includes(id)) ids.push(id)
    }
    const bigrams = this.data.options.features.bigrams
    let prev = -1
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      if (t.stop) continue
      if (!words.includes(t.key)) {
        words.push(t.key)
        const w = this.wordFeatures(t)
        for (let k = 0; k < w.ids.length; k++) if (!ids.includes(w.ids[k]!)) ids.push(w.ids[k]!)
        for (const f of w.unknown) if (!unknown.includes(f)) unknown.push(f)
        if (w.cls !== undefined && !classes.includes(w.cls)) classes.push(w.cls)
      }
      if (bigrams && prev >= 0) addName(`b:${tokens[prev]!.stem} ${t.stem}`)
      prev = i
    }
    if (this.data.options.features.classes && classes.length > 1) {
      classes.sort()
      for (let a = 0; a < classes.length; a++) for (let b = a + 1; b < classes.length; b++) addName(`kk:${classes[a]}+${classes[b]}`)
    }
    const v = 1 / Math.sqrt(Math.max(1, ids.length + unknown.length))
    const lex = lexiconScores(this.themeIds, matches)
    const base = this.index.size
    const k = this.themeIds.length
    const index32 = new Int32Array(ids.length + k)
    const value = new Float64Array(ids.length + k)
    for (let j = 0; j < ids.length; j++) {
      index32[j] = ids[j]!
      value[j] = v
    }
    for (let t = 0; t < k; t++) {
      index32[ids.length + t] = base + t
      value[ids.length + t] = this.data.options.lexScale * Math.min(lex[t]!, this.data.options.lexCap)
    }
    return { index: index32, value }
  }

  private readonly wordCache = new Map<string, { ids: Int32Array; unknown: ReadonlyArray<string>; cls: string | undefined }>()

  private wordFeatures(t: AnalyzedToken) {
    const hit = this.wordCache.get(t.key)
    if (hit) return hit
    const ids: Array<number> = []
    const unknown: Array<string> = []
    let cls: string | undefined
    for (const f of this.extractor.word(t)) {
      if (f.startsWith("k:")) cls = f.slice(2)
      const id = this.index.get(f)
      if (id === undefined) unknown.push(f)
      else ids.push(id)
    }
    const entry = { ids: Int32Array.from(ids), unknown, cls }
    if (this.wordCache.size > 200_000) this.wordCache.clear()
    this.wordCache.set(t.key, entry)
    return entry
  }

  predict(text: string): Prediction {
    const { tokens, matches, excluded } = this.analyze(text)
    const row = this.vectorize(tokens, matches)
    const lex = lexiconScores(this.themeIds, matches)
    const probabilities = this.models.map((m, t) => {
      const p = probability(m, row)
      // An exclusion rules its theme out unless other terms of the theme remain ("videokonsultation"
      // alone is no visual communication, whatever the classifier makes of "video").
      if (lex[t] === 0 && excluded.has(this.themeIds[t]!)) return Math.min(p, 0.5 * this.data.thresholds[t]!)
      // Thin theme: a strong lexicon hit counts as a sure sign.
      return this.data.lexiconAssigns[t] && lex[t]! >= 1 ? Math.max(p, 0.99) : p
    })
    const scores = probabilities.map((p, t) => rescale(p, this.data.thresholds[t]!))
    const assigned = scores.flatMap((s, t) => (s >= 0.5 ? [t] : []))
    // Confidence: how far the least clear-cut theme decision is from its threshold.
    const confidence = scores.length === 0 ? 1 : Math.min(...scores.map((s) => Math.abs(2 * s - 1)))
    return { tokens, matches, probabilities, scores, assigned, confidence }
  }

  /** Themes, scores, evidence and confidence of one text. */
  categorizeText(text: string): TextCategorization {
    const p = this.predict(text)
    const ids = p.assigned.map((t) => this.themeIds[t]! as ThemeId)
    const themes: readonly [ThemeId, ...Array<ThemeId>] = ids.length > 0 ? (ids as [ThemeId, ...Array<ThemeId>]) : [OTHER]
    const scores: Record<string, number> = {}
    this.themeIds.forEach((t, i) => (scores[t] = round(p.scores[i]!)))
    scores[OTHER] = round(1 - Math.max(0, ...p.scores))
    const evidence = p.assigned.flatMap((t) => this.evidence(text, p, t))
    return {
      themes,
      scores,
      evidence,
      confidence: round(p.confidence),
      needsReview: p.confidence < this.data.options.reviewBelow
    }
  }

  /** The lexicon hits, then the words the classifier leaned on most, for an assigned theme. */
  private evidence(text: string, p: Prediction, t: number): Array<Evidence> {
    const theme = this.themeIds[t]! as ThemeId
    const typed = nfc(text)
    const span = (first: number, last: number) => typed.slice(p.tokens[first]!.start, p.tokens[last]!.end)
    const out: Array<Evidence> = []
    const covered = new Set<number>()
    for (const m of p.matches) {
      if (m.theme !== theme) continue
      for (let k = m.first; k <= m.last; k++) covered.add(k)
      out.push(new Evidence({ theme, match: span(m.first, m.last), term: m.term, weight: m.weight, source: "lexicon" }, true))
    }
    // Two lexicon hits say enough; the classifier's words are added when the lexicon says less.
    if (out.length >= 2) return out
    // Each word's share of the classifier's score: its own features plus the bigram it ends.
    const w = this.models[t]!.weights
    const perToken = new Map<number, number>()
    let prev = -1
    let features = 0
    for (let i = 0; i < p.tokens.length; i++) {
      const tok = p.tokens[i]!
      if (tok.stop) continue
      let c = 0
      for (const f of this.extractor.word(tok)) {
        features++
        const idx = this.index.get(f)
        if (idx !== undefined) c += w[idx]!
      }
      if (this.data.options.features.bigrams && prev >= 0) {
        features++
        const idx = this.index.get(`b:${p.tokens[prev]!.stem} ${tok.stem}`)
        if (idx !== undefined) c += w[idx]!
      }
      prev = i
      if (c !== 0) perToken.set(i, c)
    }
    const norm = 1 / Math.sqrt(Math.max(1, features))
    for (const [i, c] of perToken) perToken.set(i, c * norm)
    const top = [...perToken]
      .filter(([i, c]) => c > 0.05 && !covered.has(i))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
    for (const [i, c] of top) {
      out.push(new Evidence({ theme, match: span(i, i), term: p.tokens[i]!.stem, weight: round(c), source: "classifier" }, true))
    }
    return out
  }
}

const vectorize = (
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
  // Normalized by all the statement's features (known or not), so an unseen word still dilutes.
  const v = 1 / Math.sqrt(Math.max(1, names.size))
  const lex = lexiconScores(themes, matches)
  const base = index.size
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

type CoreData = Omit<ThemeModelData, "key" | "thresholds" | "lexiconAssigns" | "trainingRows">

/** Vocabulary, compound parts and one logistic regression per theme; no calibration. */
export const fitCore = (themeSet: ThemeSet, rows: ReadonlyArray<TrainingRow>, options: ModelOptions): CoreData => {
  const themes = themeSet.themes.map((t) => t.id as string)
  const lexicon = compileLexicon(themeSet)
  // Compound parts: the lexicon's words and the training texts' words, so unseen compounds of
  // known words ("tolkeproblemer", "animationsvideo") split into features the model knows.
  const parts = new Set(lexicon.vocabulary)
  const plain = new Analyzer(new CompoundSplitter([]))
  for (const r of rows) for (const t of plain.analyze(r.text)) if (!t.stop && t.key.length >= 4) parts.add(t.key)
  const partList = [...parts].sort()
  const analyzer = new Analyzer(new CompoundSplitter(partList), options.typoCorrection ? partList : undefined)
  const extractor = new FeatureExtractor(options.features)
  const analyzed = rows.map((r) => {
    const tokens = analyzer.analyze(r.text)
    return { tokens, matches: matchLexicon(lexicon, tokens) }
  })
  const df = new Map<string, number>()
  for (const a of analyzed) for (const f of new Set(extractor.extract(a.tokens).map(([f]) => f))) df.set(f, (df.get(f) ?? 0) + 1)
  const vocabulary = [...df].filter(([, c]) => c >= options.minCount).map(([f]) => f).sort()
  const index = new Map(vocabulary.map((f, i) => [f, i]))
  const X = analyzed.map((a) => vectorize(extractor, index, themes, options, a.tokens, a.matches))
  const dim = vocabulary.length + themes.length
  const models = themes.map((t) =>
    trainLogistic(X, rows.map((r) => (r.themes.includes(t) ? 1 : 0)), dim, { l2: options.l2, iterations: options.iterations })
  )
  return {
    version: MODEL_VERSION,
    options,
    themes,
    parts: partList,
    vocabulary,
    weights: models.map((m) => Array.from(m.weights, (x) => Math.round(x * 1e6) / 1e6)),
    bias: models.map((m) => m.bias)
  }
}

/** Deterministic fold of a row: spreads rows evenly without randomness; `split` varies the assignment. */
export const foldOf = (i: number, folds: number, split = 0) =>
  split === 0 ? i % folds : (Math.imul(i + 1, 2654435761 + 2 * split) >>> 0) % folds

/** Out-of-fold probabilities: each row predicted by a model that did not see it (uncalibrated). */
export const crossValidatedProbabilities = (
  themeSet: ThemeSet,
  rows: ReadonlyArray<TrainingRow>,
  options: ModelOptions,
  split = 0
): Array<Array<number>> => {
  const out: Array<Array<number>> = rows.map(() => [])
  for (let k = 0; k < options.folds; k++) {
    const trainRows = rows.filter((_, i) => foldOf(i, options.folds, split) !== k)
    const core = fitCore(themeSet, trainRows, options)
    const model = new ThemeModel(themeSet, {
      ...core,
      key: "",
      thresholds: core.themes.map(() => 0.5),
      lexiconAssigns: core.themes.map(() => false),
      trainingRows: trainRows.length
    })
    rows.forEach((r, i) => {
      if (foldOf(i, options.folds, split) === k) out[i] = [...model.predict(r.text).probabilities]
    })
  }
  return out
}

/** Macro-F1 over the themes plus `other` (no theme assigned) for given per-theme thresholds. */
export const macroF1At = (
  probs: ReadonlyArray<ReadonlyArray<number>>,
  gold: ReadonlyArray<ReadonlyArray<boolean>>,
  thresholds: ReadonlyArray<number>
): number => {
  const k = thresholds.length
  const tp = new Array<number>(k + 1).fill(0)
  const fp = new Array<number>(k + 1).fill(0)
  const fn = new Array<number>(k + 1).fill(0)
  probs.forEach((p, i) => {
    const g = gold[i]!
    let any = false
    let goldAny = false
    for (let t = 0; t < k; t++) {
      const pred = p[t]! >= thresholds[t]!
      any ||= pred
      goldAny ||= g[t]!
      if (pred && g[t]) tp[t]!++
      else if (pred) fp[t]!++
      else if (g[t]) fn[t]!++
    }
    if (!any && !goldAny) tp[k]!++
    else if (!any) fp[k]!++
    else if (!goldAny) fn[k]!++
  })
  let sum = 0
  for (let t = 0; t <= k; t++) sum += tp[t]! === 0 ? 0 : (2 * tp[t]!) / (2 * tp[t]! + fp[t]! + fn[t]!)
  return sum / (k + 1)
}

/**
 * Per-theme thresholds maximizing macro-F1 (themes + other) on cross-validated probabilities:
 * coordinate ascent over a grid, starting at 0.5. The objective is smoothed over neighbouring
 * grid points (a threshold that is best only at one spot is noise), and among equally good
 * thresholds the one nearest 0.5 wins: the probabilities are calibrated, so 0.5 is the prior.
 */
export const tuneThresholds = (
  probs: ReadonlyArray<ReadonlyArray<number>>,
  gold: ReadonlyArray<ReadonlyArray<boolean>>
): Array<number> => {
  const k = gold[0]?.length ?? 0
  const th = new Array<number>(k).fill(0.5)
  const grid: Array<number> = []
  // Not below 0.2 or above 0.8: an extreme threshold fits the quirks of a few hundred statements.
  for (let x = 0.2; x <= 0.8 + 1e-9; x += 0.025) grid.push(Math.round(x * 1000) / 1000)
  for (let round = 0; round < 4; round++) {
    for (let t = 0; t < k; t++) {
      const raw = grid.map((g) => {
        const trial = [...th]
        trial[t] = g
        return macroF1At(probs, gold, trial)
      })
      const smooth = raw.map((_, i) => {
        const window = raw.slice(Math.max(0, i - 2), i + 3)
        return window.reduce((a, b) => a + b, 0) / window.length
      })
      const best = Math.max(...smooth)
      let pick = 0.5
      for (let i = 0; i < grid.length; i++) {
        if (smooth[i]! >= best - 1e-4 && Math.abs(grid[i]! - 0.5) < Math.abs(pick - 0.5)) pick = grid[i]!
      }
      if (!(smooth[grid.indexOf(pick)]! >= best - 1e-4)) pick = grid[smooth.indexOf(best)]!
      th[t] = pick
    }
  }
  return th
}
