// Trains the model for the default theme set on data/training/statements.csv and writes
// data/training/model.json, so the categorizer starts without training (< 300 ms).
// Run after changing the training data or data/themes/default.json:
//   npx tsx packages/categorize/scripts/build-model.ts
// (a test fails while model.json is out of date.)
import { readFileSync, writeFileSync } from "node:fs"
import { Schema } from "effect"
import { defaultThemesPath, trainingStatementsPath } from "@udsagn/domain/Paths"
import { ThemeSet } from "@udsagn/domain/Theme"
import { modelFor, modelPath } from "../src/ModelStore.js"

const themeSet = Schema.decodeUnknownSync(ThemeSet)(JSON.parse(readFileSync(defaultThemesPath, "utf8")))
const csv = readFileSync(trainingStatementsPath, "utf8")
const t0 = performance.now()
const { model, key } = modelFor(themeSet, csv, undefined)
writeFileSync(modelPath, JSON.stringify(model.data) + "\n")
console.log(
  `model.json: key ${key}, ${model.data.trainingRows} rows, ${model.data.vocabulary.length} features, ` +
    `thresholds ${model.data.thresholds.join(" ")}, trained in ${(performance.now() - t0).toFixed(0)} ms`
)
