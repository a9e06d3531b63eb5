// One-word answers as in word clouds: npx tsx packages/categorize/scripts/oneword.ts
import { readFileSync } from "node:fs"
import { Schema } from "effect"
import { defaultThemesPath, trainingStatementsPath } from "@udsagn/domain/Paths"
import { ThemeSet } from "@udsagn/domain/Theme"
import { modelFor, modelPath } from "../src/ModelStore.js"
const themeSet = Schema.decodeUnknownSync(ThemeSet)(JSON.parse(readFileSync(defaultThemesPath, "utf8")))
const { model } = modelFor(themeSet, readFileSync(trainingStatementsPath, "utf8"), JSON.parse(readFileSync(modelPath, "utf8")))
const words = (process.argv[2] ?? "").split(",")
for (const w of words) {
  const c = model.categorizeText(w)
  console.log(`${w.padEnd(28)} ${c.themes.join("+").padEnd(40)} conf ${c.confidence}${c.needsReview ? " REVIEW" : ""}`)
}
