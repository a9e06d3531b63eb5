import { describe, expect, it } from "vitest"
import { cohensKappa, evaluatePredictions } from "../src/Evaluation.js"

// Six statements, labels a, b, other. Hand-computed:
//        gold      predicted
//  1     a         a           exact
//  2     a|b       a           b missed
//  3     b         b           exact
//  4     other     a           a extra, other missed
//  5     b         other       b missed, other extra
//  6     other     other       exact
// a: tp 2 (1,2) fp 1 (4) fn 0 tn 3 → P 2/3, R 1, F1 4/5 = 0.8
// b: tp 1 (3) fp 0 fn 2 (2,5) tn 3 → P 1, R 1/3, F1 2/4 = 0.5
// other: tp 1 (6) fp 1 (5) fn 1 (4) tn 3 → P 1/2, R 1/2, F1 0.5
// macro = (0.8 + 0.5 + 0.5) / 3 = 0.6; micro: TP 4, FP 2, FN 3 → 8 / 13
// kappa a: po = 5/6, pe = (3·2 + 3·4)/36 = 18/36 = 0.5 → (5/6 − 1/2)/(1/2) = 2/3
// kappa b: po = 4/6, pe = (1·3 + 5·3)/36 = 0.5 → (2/3 − 1/2)/(1/2) = 1/3
const rows = [
  { id: "1", text: "t1", gold: ["a"], predicted: ["a"] },
  { id: "2", text: "t2", gold: ["a", "b"], predicted: ["a"] },
  { id: "3", text: "t3", gold: ["b"], predicted: ["b"] },
  { id: "4", text: "t4", gold: ["other"], predicted: ["a"] },
  { id: "5", text: "t5", gold: ["b"], predicted: ["other"] },
  { id: "6", text: "t6", gold: ["other"], predicted: ["other"] }
]

describe("evaluatePredictions", () => {
  const r = evaluatePredictions(rows, ["a", "b", "other"])
  const label = (l: string) => r.labels.find((m) => m.label === l)!

  it("per-label precision, recall, F1, support", () => {
    expect(label("a")).toMatchObject({ tp: 2, fp: 1, fn: 0, tn: 3, support: 2, predicted: 3 })
    expect(label("a").precision).toBeCloseTo(2 / 3, 10)
    expect(label("a").recall).toBe(1)
    expect(label("a").f1).toBeCloseTo(0.8, 10)
    expect(label("b")).toMatchObject({ tp: 1, fp: 0, fn: 2, support: 3, precision: 1 })
    expect(label("b").recall).toBeCloseTo(1 / 3, 10)
    expect(label("b").f1).toBeCloseTo(0.5, 10)
    expect(label("other")).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 })
  })

  it("macro- and micro-F1, exact match", () => {
    expect(r.macroF1).toBeCloseTo(0.6, 10)
    expect(r.microF1).toBeCloseTo(8 / 13, 10)
    expect(r.exactMatch).toBeCloseTo(3 / 6, 10)
    expect(r.n).toBe(6)
  })

  it("Cohen's kappa per label", () => {
    expect(label("a").kappa).toBeCloseTo(2 / 3, 10)
    expect(label("b").kappa).toBeCloseTo(1 / 3, 10)
    expect(cohensKappa(5, 0, 0, 5)).toBe(1)
    expect(cohensKappa(0, 0, 0, 10)).toBe(1) // both always say no: full agreement
    expect(cohensKappa(0, 5, 5, 0)).toBeCloseTo(-1, 10)
  })

  it("confusion pairs with examples", () => {
    const pair = (g: string, p: string) => r.confusions.find((c) => c.gold === g && c.predicted === p)
    expect(pair("b", "—")).toMatchObject({ count: 1, examples: ["t2"] })
    expect(pair("other", "a")).toMatchObject({ count: 1, examples: ["t4"] })
    expect(pair("b", "other")).toMatchObject({ count: 1, examples: ["t5"] })
    expect(r.confusions.reduce((s, c) => s + c.count, 0)).toBe(3)
  })

  it("F1 is 0 for a label nobody used (no division by zero)", () => {
    const e = evaluatePredictions([{ id: "1", text: "x", gold: ["a"], predicted: ["a"] }], ["a", "z"])
    expect(e.labels[1]).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 0 })
    expect(e.macroF1).toBe(0.5)
  })
})
