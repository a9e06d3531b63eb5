// How well needsReview catches the categorizer's mistakes on a gold file.
// npx tsx packages/categorize/scripts/review.ts <gold.csv>
import { readFileSync } from "node:fs"
import { Schema } from "effect"
import { defaultThemesPath, trainingStatementsPath } from "@udsagn/domain/Paths"
import { ThemeSet } from "@udsagn/domain/Theme"
import { modelFor, modelPath } from "../src/ModelStore.js"
import { parseLabeledCsv } from "../src/TrainingData.js"

const themeSet = Schema.decodeUnknownSync(ThemeSet)(JSON.parse(readFileSync(defaultThemesPath, "utf8")))
const { model } = modelFor(themeSet, readFileSync(trainingStatementsPath, "utf8"), JSON.parse(readFileSync(modelPath, "utf8")))
const gold = parseLabeledCsv(readFileSync(process.argv[2]!, "utf8")).rows
const results = gold.map((g) => {
  const c = model.categorizeText(g.text)
  return { wrong: [...c.themes].sort().join() !== [...g.themes].sort().join(), confidence: c.confidence }
})
for (const cut of [0.1, 0.2, 0.3, 0.4, 0.5]) {
  const flagged = results.filter((r) => r.confidence < cut)
  const errors = results.filter((r) => r.wrong)
  const caught = errors.filter((r) => r.confidence < cut).length
  console.log(`review below ${cut}: flags ${flagged.length}/${results.length}, catches ${caught}/${errors.length} mistakes, ${flagged.length ? ((100 * caught) / flagged.length).toFixed(0) : 0}% of flagged are mistakes`)
}
