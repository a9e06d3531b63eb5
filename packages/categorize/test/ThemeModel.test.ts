import { readFileSync } from "node:fs"
import { Schema } from "effect"
import { defaultThemesPath, trainingStatementsPath } from "@udsagn/domain/Paths"
import { ThemeSet } from "@udsagn/domain/Theme"
import { describe, expect, it } from "vitest"
import { modelFor, modelPath } from "../src/ModelStore.js"
import { parseLabeledCsv } from "../src/TrainingData.js"
import type { ThemeModelData } from "../src/ThemeModel.js"

const themeSet = Schema.decodeUnknownSync(ThemeSet)(JSON.parse(readFileSync(defaultThemesPath, "utf8")))
const csv = readFileSync(trainingStatementsPath, "utf8")
const { model } = modelFor(themeSet, csv, JSON.parse(readFileSync(modelPath, "utf8")) as ThemeModelData)

const asMap = (r: { index: Int32Array; value: Float64Array }) =>
  new Map(Array.from(r.index, (id, k) => [id, Math.round(r.value[k]! * 1e12)]))

describe("ThemeModel", () => {
  it("the cached vectorizer gives exactly the training vectorizer's vectors", () => {
    const texts = [...parseLabeledCsv(csv).rows.map((r) => r.text), "ikke kendte ord ord ord", "🙂", "Videoer videoer VIDEOER"]
    for (const text of texts) {
      const { tokens, matches } = model.analyze(text)
      expect(asMap(model.vectorize(tokens, matches)), text).toEqual(asMap(model.vectorizeReference(tokens, matches)))
    }
  })

  it("is deterministic and multi-label", () => {
    const a = model.categorizeText("Billeder i indkaldelsesbreve så alle kan forstå dem")
    const b = model.categorizeText("Billeder i indkaldelsesbreve så alle kan forstå dem")
    expect(a).toEqual(b)
    expect([...a.themes].sort()).toEqual(["health-literacy", "visual-communication"])
    expect(a.evidence.some((e) => e.theme === "health-literacy")).toBe(true)
    expect(a.evidence.some((e) => e.theme === "visual-communication")).toBe(true)
  })

  it("statements with nothing to go on are `other` with no evidence", () => {
    for (const text of ["", "🙂", "..."]) {
      const c = model.categorizeText(text)
      expect(c.themes).toEqual(["other"])
      expect(c.evidence).toEqual([])
    }
  })
})
