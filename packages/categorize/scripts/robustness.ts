// Robustness: the same gold statements typed carelessly (no æøå, swapped letters, no capitals,
// emoji). npx tsx packages/categorize/scripts/robustness.ts <gold.csv>
import { evaluatePredictions } from "../src/Evaluation.js"
import { rng } from "../../../test/bench/synthesize.js"
import { loadModel, readGold } from "./load.js"

const { model } = loadModel()
const gold = readGold(process.argv[2], "robustness.ts <gold.csv>")
const r = rng(7)
const perturb = (text: string, typoRate: number) =>
  text
    .toLowerCase()
    .replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")
    .split(" ")
    .map((w) => {
      if (w.length > 5 && r() < typoRate) {
        const k = 1 + Math.floor(r() * (w.length - 3))
        return w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2)
      }
      return w
    })
    .join(" ") + (r() < 0.3 ? " 👍" : "")
const labels = [...model.themeIds, "other"]
for (const rate of [0, 0.15, 0.3]) {
  const rep = evaluatePredictions(
    gold.map((g) => ({ id: g.id, text: g.text, gold: g.themes, predicted: model.categorizeText(rate < 0 ? g.text : perturb(g.text, rate)).themes })),
    labels
  )
  console.log(`ae/oe/aa + lower case + ${Math.round(rate * 100)}% of long words with swapped letters: macro-F1 ${rep.macroF1.toFixed(3)}, lowest ${Math.min(...rep.labels.map((l) => l.f1)).toFixed(3)}`)
}
