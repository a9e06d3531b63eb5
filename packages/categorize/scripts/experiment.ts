// 5-fold cross-validation of the whole training procedure on the training data with other
// options, for tuning them. Run: npx tsx packages/categorize/scripts/experiment.ts [key=value ...]
// (SHOW=20 also prints the confusions and 20 wrong statements; UPTO=t1600 also scores the
// rows up to that id alone, to compare with a run before rows were added.)
import { crossValidate } from "../src/CrossValidation.js"
import { evaluatePredictions } from "../src/Evaluation.js"
import { defaultModelOptions, type ModelOptions } from "../src/ModelData.js"
import { loadThemeSet, loadTrainingRows } from "./load.js"

const themeSet = loadThemeSet()
const rows = loadTrainingRows()
const overrides: Record<string, unknown> = {}
for (const arg of process.argv.slice(2)) {
  const [k, v] = arg.split("=")
  overrides[k!] = k === "features" ? JSON.parse(v!) : Number(v)
}
const options: ModelOptions = { ...defaultModelOptions, ...overrides }
const t0 = performance.now()
const cv = crossValidate(themeSet, rows, 5, options)
console.log(`rows ${rows.length}, ${(performance.now() - t0).toFixed(0)} ms`, JSON.stringify(overrides))
console.log(`macro-F1 ${cv.report.macroF1.toFixed(3)} micro ${cv.report.microF1.toFixed(3)} exact ${cv.report.exactMatch.toFixed(3)}`)
for (const l of cv.report.labels) console.log(`  ${l.label.padEnd(22)} P ${l.precision.toFixed(2)} R ${l.recall.toFixed(2)} F1 ${l.f1.toFixed(3)} n ${l.support}`)
const upto = process.env.UPTO
if (upto) {
  const labels = cv.report.labels.map((l) => l.label)
  const part = evaluatePredictions(cv.predictions.filter((p) => p.id <= upto), labels)
  console.log(`rows <= ${upto}: macro-F1 ${part.macroF1.toFixed(3)}`)
  for (const l of part.labels) console.log(`  ${l.label.padEnd(22)} F1 ${l.f1.toFixed(3)}`)
}
if (process.env.SHOW) {
  for (const c of cv.report.confusions.slice(0, 14)) console.log(`  ${c.gold} -> ${c.predicted}: ${c.count}`)
  const wrong = cv.predictions.filter((p) => [...p.gold].sort().join() !== [...p.predicted].sort().join())
  for (const p of wrong.slice(0, Number(process.env.SHOW))) console.log(`  [${p.gold.join("|")}] -> [${p.predicted.join("|")}]  ${p.text}`)
}
