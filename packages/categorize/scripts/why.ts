// Shows how the default model sees texts: npx tsx packages/categorize/scripts/why.ts "tekst" ...
import { loadModel } from "./load.js"

const { model, fromStore } = loadModel()
console.log(fromStore ? "(model.json)" : "(trained now)")
for (const text of process.argv.slice(2)) {
  const p = model.predict(text)
  const c = model.categorizeText(text)
  console.log(`\n${text}\n  → ${c.themes.join(", ")}  conf ${c.confidence} review ${c.needsReview}`)
  console.log(`  tokens: ${p.tokens.map((t) => t.key + (t.parts ? `[${t.parts.join("|")}]` : "")).join(" ")}`)
  console.log(`  lexicon: ${p.matches.map((m) => `${m.theme}:${m.term}(${m.via},${m.weight})`).join(" ")}`)
  console.log(`  p: ${model.themeIds.map((t, i) => `${t} ${p.probabilities[i]!.toFixed(2)}/${model.data.thresholds[i]}`).join("  ")}`)
  console.log(`  evidence: ${c.evidence.map((e) => `${e.theme}:${e.match}(${e.source})`).join(" ")}`)
}
