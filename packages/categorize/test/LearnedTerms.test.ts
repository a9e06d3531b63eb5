import { defaultThemesPath, trainingStatementsPath } from "@udsagn/domain/Paths"
import { ThemeSet } from "@udsagn/domain/Theme"
import type { ThemeId } from "@udsagn/domain/Theme"
import { Schema } from "effect"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { CorrectionIndex, recordCorrections, rowsWithCorrections } from "../src/Corrections.js"
import { learnedTerms, withLearnedTerms } from "../src/LearnedTerms.js"
import { decodeStoredModel, modelPath } from "../src/ModelStore.js"
import { ThemeModel } from "../src/ThemeModel.js"
import { parseLabeledCsv } from "../src/TrainingData.js"

// Issue 11 item 3: "similar statements move with it". Corrections that agree on a word the
// training data hardly knows teach that word; statements that are not near duplicates of any
// correction, but use the word, follow in the retrained model.

const themeSet = Schema.decodeUnknownSync(ThemeSet)(JSON.parse(readFileSync(defaultThemesPath, "utf8")))
const rows = parseLabeledCsv(readFileSync(trainingStatementsPath, "utf8")).rows
const t = (id: string) => id as ThemeId
const now = "2026-01-01T10:00:00.000Z"

const corrections = recordCorrections(
  [],
  [
    { text: "Sundhedscaféer i lokalområdet hvor borgerne kan komme og spørge", themes: [t("health-literacy")] },
    { text: "Flere sundhedscaféer på bibliotekerne", themes: [t("health-literacy")] },
    { text: "Vi savner sundhedscaféer i de små byer", themes: [t("health-literacy")] },
    // One correction alone teaches no word ("kaffeautomat" stays unknown).
    { text: "Kaffeautomaten var i stykker hele dagen", themes: [t("other")] },
    // Corrections that disagree teach nothing about the word they share.
    { text: "Borgerpaneler om ventetider", themes: [t("patient-involvement")] },
    { text: "Borgerpaneler om skilte", themes: [t("visual-communication")] }
  ],
  { themeSet: "ts", analysis: "a1", now }
)

describe("learnedTerms", () => {
  it("learns a word several corrections agree on and the training data hardly knows, and nothing else", () => {
    const learned = learnedTerms(themeSet, corrections, rows)
    expect(learned).toEqual([{ theme: "health-literacy", term: "sundhedscaféer", corrections: 3 }])
  })

  it("learns no word the training data already knows well (e.g. 'borgerne', 'flere')", () => {
    const common = recordCorrections(
      [],
      [
        { text: "Flere borgere skal med", themes: [t("staff-burnout")] },
        { text: "Flere borgere i styregruppen", themes: [t("staff-burnout")] }
      ],
      { themeSet: "ts", analysis: "a2", now }
    )
    expect(learnedTerms(themeSet, common, rows)).toEqual([])
  })
})

describe("a model retrained with the corrections", () => {
  it("moves similar statements that are not near duplicates of a correction, and leaves others alone", () => {
    const base = new ThemeModel(themeSet, decodeStoredModel(readFileSync(modelPath, "utf8"))!)
    const learned = learnedTerms(themeSet, corrections, rows)
    const retrained = ThemeModel.train(withLearnedTerms(themeSet, learned), rowsWithCorrections(rows, corrections), "test-retrained")
    const index = new CorrectionIndex(corrections)
    const similar = ["Vi har god erfaring med sundhedscaféen i Skive", "Sundhedscaféer", "sundhedscafeer paa biblioteket hver tirsdag"]
    for (const text of similar) {
      expect(index.match(text), text).toBeUndefined()
      expect(base.categorizeText(text).themes, text).not.toContain("health-literacy")
      const after = retrained.categorizeText(text)
      expect(after.themes, text).toContain("health-literacy")
      expect(after.evidence.some((e) => e.theme === "health-literacy" && /sundhedscaf/.test(e.term)), text).toBe(true)
    }
    for (const text of ["Mere tid til patienterne", "Piktogrammer på skiltene", "Vi løber stærkere og stærkere"]) {
      expect(retrained.categorizeText(text).themes, text).toEqual(base.categorizeText(text).themes)
    }
  }, 180_000)
})
