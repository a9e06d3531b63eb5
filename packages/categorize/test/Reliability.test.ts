import { describe, expect, it } from "vitest"
import { calibrationError, labelSetRight, reliabilityTable, reviewCurve, type ScoredPrediction } from "../src/Reliability.js"
import { fitReviewModel, reviewConfidence, reviewSignals, withinReviewBudget } from "../src/ReviewModel.js"

const labels = ["a", "b", "other"]
const row = (id: string, gold: Array<string>, predicted: Array<string>, confidence: number, needsReview = false): ScoredPrediction => ({
  id,
  text: id,
  gold,
  predicted,
  confidence,
  needsReview
})

// Ten statements: the three least confident are the three wrong ones; one of them is flagged.
const rows: Array<ScoredPrediction> = [
  row("1", ["a"], ["b"], 0.2, true),
  row("2", ["b"], ["other"], 0.45),
  row("3", ["a", "b"], ["a"], 0.55),
  row("4", ["a"], ["a"], 0.65),
  row("5", ["b"], ["b"], 0.85),
  row("6", ["other"], ["other"], 0.9),
  row("7", ["a"], ["a"], 0.92),
  row("8", ["b"], ["b"], 0.97),
  row("9", ["a", "b"], ["b", "a"], 0.99),
  row("10", ["other"], ["other"], 1)
]

describe("reliability table", () => {
  it("bins statements by confidence with the share whose label set is right", () => {
    expect(labelSetRight(rows[8]!)).toBe(true)
    expect(labelSetRight(rows[2]!)).toBe(false)
    const bins = reliabilityTable(rows)
    expect(bins.map((b) => [b.from, b.to, b.n])).toEqual([
      [0, 0.5, 2],
      [0.5, 0.6, 1],
      [0.6, 0.7, 1],
      [0.8, 0.9, 1],
      [0.9, 0.95, 2],
      [0.95, 1, 3]
    ])
    expect(bins[0]!.correct).toBe(0)
    expect(bins[0]!.meanConfidence).toBeCloseTo(0.325, 10)
    expect(bins[3]!.correct).toBe(1)
    // Confidence 1 falls in the last bin.
    expect(bins[5]!.meanConfidence).toBeCloseTo((0.97 + 0.99 + 1) / 3, 10)
    // ECE: |0 − 0.325|·2 + |0 − 0.55| + |1 − 0.65| + |1 − 0.85| + |1 − 0.91|·2 + |1 − 0.9867|·3, over 10.
    expect(calibrationError(bins)).toBeCloseTo((0.65 + 0.55 + 0.35 + 0.15 + 0.18 + 0.04) / 10, 6)
  })
})

describe("review curve", () => {
  it("gives macro-F1 as categorized, after fixing the flagged, and after fixing the least confident shares", () => {
    const curve = reviewCurve(rows, labels, [0.1, 0.2, 0.3])
    expect(curve.map((p) => [p.fix, p.share])).toEqual([
      ["none", 0],
      ["flagged", 0.1],
      ["least-confident", 0.1],
      ["least-confident", 0.2],
      ["least-confident", 0.3]
    ])
    // Fixing the flagged one is fixing the least confident 10 %.
    expect(curve[1]!.macroF1).toBe(curve[2]!.macroF1)
    // Each fix helps, and fixing all three wrong ones makes every label right.
    expect(curve[0]!.macroF1).toBeLessThan(curve[2]!.macroF1)
    expect(curve[2]!.macroF1).toBeLessThan(curve[3]!.macroF1)
    expect(curve[4]!.macroF1).toBe(1)
    // As categorized: a (tp 4, fn 1) 8/9, b (tp 3, fp 1, fn 2) 6/9, other (tp 2, fp 1) 4/5.
    expect(curve[0]!.macroF1).toBeCloseTo((8 / 9 + 6 / 9 + 4 / 5) / 3, 10)
  })
})

describe("review model", () => {
  it("learns that a small margin means a wrong label set, and flags at most a fifth", () => {
    const signals = Array.from({ length: 200 }, (_, i) => reviewSignals([i / 200, 0.2], i % 2 === 0 ? [0] : [], [i % 3 === 0 ? 1 : 0, 0], 4, 1))
    // Wrong exactly when the margin is small.
    const correct = signals.map((s) => s.margin > 0.3)
    const m = fitReviewModel(signals, correct)
    const low = reviewConfidence(m, reviewSignals([0.45, 0.2], [], [0, 0], 4, 1))
    const high = reviewConfidence(m, reviewSignals([0.99, 0.01], [0], [1, 0], 4, 1))
    expect(low).toBeLessThan(0.5)
    expect(high).toBeGreaterThan(0.5)
    expect(m.flaggedShare).toBeLessThanOrEqual(0.2)
    const flagged = signals.filter((s) => reviewConfidence(m, s) < m.reviewBelow)
    expect(flagged.length / signals.length).toBeCloseTo(m.flaggedShare, 6)
  })

  it("keeps a batch within the review budget: over it, only the least confident stay flagged", () => {
    const items = [0.1, 0.9, 0.3, 0.2, 0.5, 0.95, 0.97, 0.99, 0.98, 0.96].map((confidence) => ({ confidence, needsReview: confidence < 0.6 }))
    expect([...withinReviewBudget(items, 0.2)].sort()).toEqual([0, 3])
    expect([...withinReviewBudget(items, 0.5)].sort()).toEqual([0, 2, 3, 4])
    expect(withinReviewBudget([], 0.2).size).toBe(0)
  })
})
