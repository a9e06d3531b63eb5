// Timings: training, and categorizing n synthesized statements with cold and warm caches.
// npx tsx packages/categorize/scripts/profile.ts [n]   (a CPU profile: node --cpu-prof --import tsx ...)
import { defaultModelOptions } from "../src/ModelData.js"
import { ThemeModel } from "../src/ThemeModel.js"
import { fitCore } from "../src/Training.js"
import { relevantRows } from "../src/TrainingData.js"
import { synthesize } from "../../../test/bench/synthesize.js"
import { loadModel, loadTrainingRows, loadThemeSet } from "./load.js"

const time = <A>(label: string, f: () => A): A => {
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  const result = f()
  const c = process.cpuUsage(c0)
  console.log(`${label.padEnd(32)} wall ${((performance.now() - t0) / 1000).toFixed(2)} s, cpu ${((c.user + c.system) / 1e6).toFixed(2)} s`)
  return result
}
const themeSet = loadThemeSet()
const rows = loadTrainingRows()
const core = time("fitCore (no calibration)", () => fitCore(themeSet, relevantRows(themeSet, rows), defaultModelOptions))
console.log(`  vocabulary ${core.vocabulary.length}, compound parts ${core.parts.length}`)
time("train + calibrate", () => ThemeModel.train(themeSet, rows))
const { model } = loadModel()
const n = Number(process.argv[2] ?? 20000)
const texts = synthesize(rows.map((r) => r.text), ["q"], n).map((s) => s.text)
time(`analyze+lexicon ×${n}`, () => texts.forEach((t) => model.analyze(t)))
time(`categorizeText ×${n} (warm)`, () => texts.forEach((t) => model.categorizeText(t)))
time(`predict ×${n}`, () => texts.forEach((t) => model.predict(t)))
