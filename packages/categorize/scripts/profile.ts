import { readFileSync } from "node:fs"
import { Schema } from "effect"
import { ThemeSet } from "@udsagn/domain/Theme"
import { defaultThemesPath, trainingStatementsPath } from "@udsagn/domain/Paths"
import { parseLabeledCsv } from "../src/TrainingData.js"
import { defaultModelOptions, fitCore, relevantRows, ThemeModel } from "../src/ThemeModel.js"
import { evaluatePredictions } from "../src/Evaluation.js"

const themeSet = Schema.decodeUnknownSync(ThemeSet)(JSON.parse(readFileSync(defaultThemesPath, "utf8")))
const { rows } = parseLabeledCsv(readFileSync(trainingStatementsPath, "utf8"))
let t0 = performance.now()
const core = fitCore(themeSet, relevantRows(themeSet, rows), defaultModelOptions)
console.log("fitCore", (performance.now() - t0).toFixed(0), "ms; vocab", core.vocabulary.length, "parts", core.parts.length)
t0 = performance.now()
const model = ThemeModel.train(themeSet, rows)
console.log("train+calibrate", (performance.now() - t0).toFixed(0), "ms; thresholds", model.data.thresholds)
const gold = process.argv[2]
if (gold) {
  const g = parseLabeledCsv(readFileSync(gold, "utf8")).rows
  const preds = g.map((r) => ({ id: r.id, text: r.text, gold: r.themes, predicted: model.categorizeText(r.text).themes }))
  const rep = evaluatePredictions(preds, [...model.themeIds, "other"])
  console.log(`GOLD macro-F1 ${rep.macroF1.toFixed(3)} micro ${rep.microF1.toFixed(3)} exact ${rep.exactMatch.toFixed(3)}`)
  for (const l of rep.labels) console.log(`  ${l.label.padEnd(22)} P ${l.precision.toFixed(2)} R ${l.recall.toFixed(2)} F1 ${l.f1.toFixed(3)} n ${l.support}`)
}
