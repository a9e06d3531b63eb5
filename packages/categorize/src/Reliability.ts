// Is the confidence honest, and what does a reviewer gain: the reliability table and the
// review curve of categorized statements with human labels.
import { evaluatePredictions, type LabeledPrediction } from "./Evaluation.js"

/** A labelled prediction with the categorizer's confidence and review flag. */
export interface ScoredPrediction extends LabeledPrediction {
  readonly confidence: number
  readonly needsReview: boolean
}

/** Statements whose confidence falls in [from, to) (the last bin includes 1). */
export interface ReliabilityBin {
  readonly from: number
  readonly to: number
  readonly n: number
  /** Share whose whole label set is right. */
  readonly correct: number
  readonly meanConfidence: number
}

/** Macro-F1 after a person fixes a share of the statements. */
export interface ReviewPoint {
  readonly fix: "none" | "flagged" | "least-confident"
  readonly share: number
  readonly macroF1: number
}

/** The whole label set is the gold set. */
export const labelSetRight = (p: LabeledPrediction): boolean =>
  p.gold.length === p.predicted.length && p.gold.every((g) => p.predicted.includes(g))

export const defaultBinEdges: ReadonlyArray<number> = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1]

/** Reliability table: per confidence bin, how many statements and how many of them are right. Empty bins are left out. */
export const reliabilityTable = (
  rows: ReadonlyArray<ScoredPrediction>,
  edges: ReadonlyArray<number> = defaultBinEdges
): Array<ReliabilityBin> => {
  const bins: Array<ReliabilityBin> = []
  for (let b = 0; b + 1 < edges.length; b++) {
    const from = edges[b]!
    const to = edges[b + 1]!
    const last = b + 2 === edges.length
    const inBin = rows.filter((r) => r.confidence >= from && (r.confidence < to || (last && r.confidence <= to)))
    if (inBin.length === 0) continue
    bins.push({
      from,
      to,
      n: inBin.length,
      correct: inBin.filter(labelSetRight).length / inBin.length,
      meanConfidence: inBin.reduce((s, r) => s + r.confidence, 0) / inBin.length
    })
  }
  return bins
}

/** Expected calibration error: the bins' |share right − mean confidence|, weighted by their size. */
export const calibrationError = (bins: ReadonlyArray<ReliabilityBin>): number => {
  const n = bins.reduce((s, b) => s + b.n, 0)
  return n === 0 ? 0 : bins.reduce((s, b) => s + (b.n / n) * Math.abs(b.correct - b.meanConfidence), 0)
}

const fixed = (rows: ReadonlyArray<ScoredPrediction>, fix: ReadonlySet<number>): Array<LabeledPrediction> =>
  rows.map((r, i) => (fix.has(i) ? { ...r, predicted: r.gold } : r))

/**
 * Macro-F1 as categorized, after a person fixes the flagged statements, and after fixing the
 * least confident `shares` of them (ties in statement order).
 */
export const reviewCurve = (
  rows: ReadonlyArray<ScoredPrediction>,
  labels: ReadonlyArray<string>,
  shares: ReadonlyArray<number> = [0.1, 0.2, 0.3]
): Array<ReviewPoint> => {
  const n = rows.length
  const f1 = (fix: ReadonlySet<number>) => evaluatePredictions(fixed(rows, fix), labels, 0).macroF1
  const flagged = new Set(rows.flatMap((r, i) => (r.needsReview ? [i] : [])))
  const byConfidence = rows.map((r, i) => [r.confidence, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1])
  return [
    { fix: "none", share: 0, macroF1: f1(new Set()) },
    { fix: "flagged", share: n === 0 ? 0 : flagged.size / n, macroF1: f1(flagged) },
    ...shares.map((share): ReviewPoint => {
      const k = Math.round(share * n)
      return { fix: "least-confident", share, macroF1: f1(new Set(byConfidence.slice(0, k).map(([, i]) => i))) }
    })
  ]
}
