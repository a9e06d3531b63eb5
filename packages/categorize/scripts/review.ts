// How well needsReview catches the categorizer's mistakes on a gold file.
// npx tsx packages/categorize/scripts/review.ts <gold.csv>
import { loadModel, readGold } from "./load.js"

const { model } = loadModel()
const gold = readGold(process.argv[2], "review.ts <gold.csv>")
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
