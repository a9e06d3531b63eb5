// Honest confidence: what is known about a categorization besides its scores, turned into the
// probability that its whole label set is right. Fitted at model-build time on out-of-fold
// predictions of the training data (every statement scored by a model that did not see it).
import { sigmoid, trainLogistic } from "./Logistic.js"

/** What a categorization looks like from the outside: the signals that it may be wrong. */
export interface ReviewSignals {
  /** How far the least clear-cut theme decision is from its threshold (`min |2·score − 1|`). */
  readonly margin: number
  /** Themes the lexicon names strongly (score ≥ 1) that the model did not assign. */
  readonly lexiconMissed: number
  /** Assigned themes without a single lexicon hit: the classifier alone decided. */
  readonly classifierOnly: number
  /** No theme assigned (`other`). */
  readonly predictedOther: boolean
  /** No lexicon hit at all. */
  readonly noLexicon: boolean
  /** Content words (not stop words). */
  readonly words: number
  /** Share of the content words the model does not know (not in training or lexicon vocabulary). */
  readonly unknownShare: number
  /** Themes assigned. */
  readonly labels: number
}

/** The signals of a decision: per-theme rescaled scores, the assigned themes and lexicon scores. */
export const reviewSignals = (
  scores: ReadonlyArray<number>,
  assigned: ReadonlyArray<number>,
  lex: ReadonlyArray<number>,
  words: number,
  unknown: number
): ReviewSignals => {
  let lexiconMissed = 0
  let classifierOnly = 0
  let anyLexicon = false
  lex.forEach((s, t) => {
    if (s > 0) anyLexicon = true
    if (s >= 1 && !assigned.includes(t)) lexiconMissed++
  })
  for (const t of assigned) if ((lex[t] ?? 0) === 0) classifierOnly++
  return {
    margin: scores.length === 0 ? 1 : Math.min(...scores.map((s) => Math.abs(2 * s - 1))),
    lexiconMissed,
    classifierOnly,
    predictedOther: assigned.length === 0,
    noLexicon: !anyLexicon,
    words,
    unknownShare: words === 0 ? 0 : unknown / words,
    labels: assigned.length
  }
}

/** Names of `reviewFeatures`, stored with the weights so a model file says what it weighs. */
export const REVIEW_FEATURES = [
  "margin",
  "sqrt-margin",
  "lexicon-missed",
  "classifier-only",
  "predicted-other",
  "no-lexicon",
  "log-words",
  "unknown-share",
  "several-labels"
] as const

export const reviewFeatures = (s: ReviewSignals): Array<number> => [
  s.margin,
  Math.sqrt(s.margin),
  s.lexiconMissed > 0 ? 1 : 0,
  s.classifierOnly > 0 ? 1 : 0,
  s.predictedOther ? 1 : 0,
  s.noLexicon ? 1 : 0,
  Math.log1p(s.words),
  s.unknownShare,
  s.labels > 1 ? 1 : 0
]

/** The fitted confidence model, stored in model.json. */
export interface ReviewModelData {
  readonly features: ReadonlyArray<string>
  readonly weights: ReadonlyArray<number>
  readonly bias: number
  /** needsReview when the confidence is below this. */
  readonly reviewBelow: number
  /** Share of the out-of-fold predictions flagged at `reviewBelow`. */
  readonly flaggedShare: number
}

/** P(the whole label set is right) for a categorization's signals. */
export const reviewConfidence = (m: ReviewModelData, s: ReviewSignals): number => {
  const x = reviewFeatures(s)
  let z = m.bias
  for (let k = 0; k < x.length; k++) z += (m.weights[k] ?? 0) * x[k]!
  return sigmoid(z)
}

/**
 * Flag the share of statements a reviewer is asked to read: the out-of-fold statements whose
 * confidence is lowest, as many as are wrong there times this factor (a categorizer that is
 * wrong more often on new text also flags more), at most MAX_FLAGGED.
 */
export const FLAG_PER_ERROR = 1.5
export const MAX_FLAGGED = 0.2

/**
 * Fits the confidence (logistic regression of "label set right" on the signals, which is
 * calibrated on the data it is fitted to) and the review threshold, on out-of-fold predictions.
 */
export const fitReviewModel = (signals: ReadonlyArray<ReviewSignals>, correct: ReadonlyArray<boolean>): ReviewModelData => {
  const dim = REVIEW_FEATURES.length
  const index = Int32Array.from({ length: dim }, (_, k) => k)
  const rows = signals.map((s) => ({ index, value: Float64Array.from(reviewFeatures(s)) }))
  const m = trainLogistic(rows, correct.map((c) => (c ? 1 : 0)), dim, { l2: 1e-4, iterations: 2000 })
  const model: ReviewModelData = {
    features: [...REVIEW_FEATURES],
    weights: Array.from(m.weights, (w) => Math.round(w * 1e6) / 1e6),
    bias: Math.round(m.bias * 1e6) / 1e6,
    reviewBelow: 0,
    flaggedShare: 0
  }
  const confidences = signals.map((s) => reviewConfidence(model, s)).sort((a, b) => a - b)
  const errorShare = correct.length === 0 ? 0 : correct.filter((c) => !c).length / correct.length
  const share = Math.min(MAX_FLAGGED, FLAG_PER_ERROR * errorShare)
  const cut = Math.floor(share * confidences.length)
  // The threshold sits just above the cut-th lowest confidence (rounded, so model.json is stable).
  const reviewBelow = cut === 0 ? 0 : Math.round((confidences[cut - 1]! + 1e-6) * 1e4) / 1e4
  const flagged = confidences.filter((c) => c < reviewBelow).length
  return { ...model, reviewBelow, flaggedShare: Math.round((flagged / Math.max(1, confidences.length)) * 1e4) / 1e4 }
}

/**
 * The review budget of one batch: when more than `max` of the statements are flagged (text
 * unlike the training data), only the least confident `max` keep their flag. Indexes of the
 * statements that stay flagged.
 */
export const withinReviewBudget = (
  items: ReadonlyArray<{ readonly confidence: number; readonly needsReview: boolean }>,
  max = MAX_FLAGGED
): Set<number> => {
  const flagged = items.flatMap((it, i) => (it.needsReview ? [i] : []))
  const budget = Math.floor(max * items.length)
  if (flagged.length <= budget) return new Set(flagged)
  return new Set(flagged.sort((a, b) => items[a]!.confidence - items[b]!.confidence || a - b).slice(0, budget))
}
