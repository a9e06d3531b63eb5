// Trains the model for the default theme set on data/training/statements.csv and writes
// data/training/model.json, so the categorizer starts without training (< 300 ms).
// Run after changing the training data, data/themes/default.json or the model code:
//   npx tsx packages/categorize/scripts/build-model.ts
// (a test fails while model.json is out of date.)
import { writeFileSync } from "node:fs"
import { modelFor, modelPath } from "../src/ModelStore.js"
import { loadThemeSet, loadTrainingCsv } from "./load.js"

const t0 = performance.now()
const { model, key } = modelFor(loadThemeSet(), loadTrainingCsv(), undefined)
writeFileSync(modelPath, JSON.stringify(model.data) + "\n")
console.log(
  `model.json: key ${key}, ${model.data.trainingRows} rows, ${model.data.vocabulary.length} features, ` +
    `thresholds ${model.data.thresholds.join(" ")}, trained in ${(performance.now() - t0).toFixed(0)} ms`
)
