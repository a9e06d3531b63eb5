import { CompoundSplitter } from "@udsagn/danish"
import type { ThemeSet } from "@udsagn/domain/Theme"
import { Analyzer } from "./Analyzer.js"
import { tuneThresholds } from "./Calibration.js"
import { FeatureExtractor } from "./Features.js"
import { compileLexicon, matchLexicon } from "./Lexicon.js"
import { trainLogistic } from "./Logistic.js"
import { MODEL_VERSION, type ModelOptions, type ThemeModelData, type TrainingRow } from "./ModelData.js"
import { fitReviewModel, type ReviewModelData } from "./ReviewModel.js"
import { decideThemes, ThemeScorer, vectorizeNames, type RawScores } from "./ThemeScorer.js"
import { relevantRows } from "./TrainingData.js"

/**
 * Trains on the rows (see `relevantRows`), calibrating thresholds on cross-validated
 * predictions. `key` is stored with the model (see `modelKey`).
 */
export const trainModelData = (themeSet: ThemeSet, rows: ReadonlyArray<TrainingRow>, key: string, options: ModelOptions): ThemeModelData => {
  const train = relevantRows(themeSet, rows)
  const core = fitCore(themeSet, train, options)
  const themes = core.themes
  const positives = themes.map((t) => train.filter((r) => r.themes.includes(t)).length)
  // Uncalibrated (too little data): the classifier alone must be quite sure; thin themes mostly
  // go by the lexicon (see ThemeScorer.predict).
  let thresholds = themes.map(() => 0.8)
  const lexiconAssigns = positives.map((p) => p < options.thinThemeRows)
  let review: ReviewModelData | undefined
  if (train.length >= 4 * options.folds && positives.some((p) => p >= options.thinThemeRows)) {
    // Several fold splits: thresholds that suit one split's accidents are averaged away.
    const repeats = Math.max(1, options.calibrationRepeats ?? 1)
    const oof: Array<RawScores> = []
    const gold: Array<Array<boolean>> = []
    for (let r = 0; r < repeats; r++) {
      oof.push(...outOfFoldScores(themeSet, train, options, r))
      gold.push(...train.map((row) => themes.map((t) => row.themes.includes(t))))
    }
    thresholds = tuneThresholds(oof.map((o) => uncalibrated(o).probabilities), gold)
    // The same out-of-fold scores, decided as the finished model decides, teach the confidence.
    const decided = oof.map((o) => decideThemes(o, thresholds, lexiconAssigns))
    review = fitReviewModel(
      decided.map((d) => d.signals),
      decided.map((d, i) => themes.every((_, t) => d.assigned.includes(t) === gold[i]![t]))
    )
  }
  return {
    ...core,
    key,
    thresholds,
    lexiconAssigns,
    trainingRows: train.length,
    ...(review ? { review } : {})
  }
}

/** The decision of a fold model before calibration: thresholds at 0.5, no lexicon-assigned themes. */
const uncalibrated = (o: RawScores) => decideThemes(o, o.raw.map(() => 0.5), o.raw.map(() => false))

type CoreData = Omit<ThemeModelData, "key" | "thresholds" | "lexiconAssigns" | "trainingRows">

/** Vocabulary, compound parts and one logistic regression per theme; no calibration. */
export const fitCore = (themeSet: ThemeSet, rows: ReadonlyArray<TrainingRow>, options: ModelOptions): CoreData => {
  const themes = themeSet.themes.map((t) => t.id as string)
  const lexicon = compileLexicon(themeSet)
  // Compound parts: the lexicon's words and the training texts' words, so unseen compounds of
  // known words ("tolkeproblemer", "animationsvideo") split into features the model knows.
  // A training word counts as known only when it occurs in `minCount` statements: a typo
  // written once in the training data ("sundhedskompetance") must not block its own correction.
  const parts = new Set(lexicon.vocabulary)
  const plain = new Analyzer(new CompoundSplitter([]))
  const seen = new Map<string, number>()
  for (const r of rows) {
    for (const key of new Set(plain.analyze(r.text).filter((t) => !t.stop && t.key.length >= 4).map((t) => t.key))) {
      seen.set(key, (seen.get(key) ?? 0) + 1)
    }
  }
  for (const [key, n] of seen) if (n >= options.minCount) parts.add(key)
  const partList = [...parts].sort()
  const analyzer = new Analyzer(new CompoundSplitter(partList), options.typoCorrection ? partList : undefined)
  const extractor = new FeatureExtractor(options.features)
  const analyzed = rows.map((r) => {
    const tokens = analyzer.analyze(r.text)
    return { tokens, matches: matchLexicon(lexicon, tokens, Boolean(options.talkTopics)) }
  })
  const df = new Map<string, number>()
  for (const a of analyzed) for (const f of new Set(extractor.names(a.tokens))) df.set(f, (df.get(f) ?? 0) + 1)
  const vocabulary = [...df].filter(([, c]) => c >= options.minCount).map(([f]) => f).sort()
  const index = new Map(vocabulary.map((f, i) => [f, i]))
  const X = analyzed.map((a) => vectorizeNames(extractor, index, themes, options, a.tokens, a.matches))
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

/** Out-of-fold raw scores: each row scored by a model that did not see it. */
export const outOfFoldScores = (
  themeSet: ThemeSet,
  rows: ReadonlyArray<TrainingRow>,
  options: ModelOptions,
  split = 0
): Array<RawScores> => {
  const out: Array<RawScores | undefined> = rows.map(() => undefined)
  for (let k = 0; k < options.folds; k++) {
    const trainRows = rows.filter((_, i) => foldOf(i, options.folds, split) !== k)
    const core = fitCore(themeSet, trainRows, options)
    const model = new ThemeScorer(themeSet, {
      ...core,
      key: "",
      thresholds: core.themes.map(() => 0.5),
      lexiconAssigns: core.themes.map(() => false),
      trainingRows: trainRows.length
    })
    rows.forEach((r, i) => {
      if (foldOf(i, options.folds, split) === k) out[i] = model.scoreRaw(r.text)
    })
  }
  return out.map((o) => o!)
}

/** Out-of-fold probabilities (uncalibrated: thresholds at 0.5). */
export const crossValidatedProbabilities = (
  themeSet: ThemeSet,
  rows: ReadonlyArray<TrainingRow>,
  options: ModelOptions,
  split = 0
): Array<Array<number>> => outOfFoldScores(themeSet, rows, options, split).map((o) => [...uncalibrated(o).probabilities])
