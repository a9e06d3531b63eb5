// Per-stage CPU time on synthesized statements: npx tsx packages/categorize/scripts/stages.ts [n]
import { readFileSync } from "node:fs"
import { Schema } from "effect"
import { defaultThemesPath, trainingStatementsPath } from "@udsagn/domain/Paths"
import { ThemeSet } from "@udsagn/domain/Theme"
import { modelFor, modelPath } from "../src/ModelStore.js"
import { parseLabeledCsv } from "../src/TrainingData.js"
import { tokenize } from "@udsagn/danish"
import { synthesize } from "../../../test/bench/synthesize.js"

const themeSet = Schema.decodeUnknownSync(ThemeSet)(JSON.parse(readFileSync(defaultThemesPath, "utf8")))
const csv = readFileSync(trainingStatementsPath, "utf8")
const { model } = modelFor(themeSet, csv, JSON.parse(readFileSync(modelPath, "utf8")))
const rows = parseLabeledCsv(csv).rows
const n = Number(process.argv[2] ?? 100000)
const texts = synthesize(rows.map((r) => r.text), ["q"], n).map((s) => s.text)
const time = (label: string, f: () => unknown) => {
  const c0 = process.cpuUsage()
  const r = f()
  const c = process.cpuUsage(c0)
  console.log(`${label.padEnd(28)} cpu ${((c.user + c.system) / 1e6).toFixed(2)} s`)
  return r
}
time("tokenize", () => texts.map((t) => tokenize(t)))
time("analyze (tokens+info)", () => texts.map((t) => model["analyzer" as never] && (model as any).analyzer.analyze(t)))
time("analyze+lexicon", () => texts.map((t) => model.analyze(t)))
time("predict", () => texts.map((t) => model.predict(t)))
time("categorizeText", () => texts.map((t) => model.categorizeText(t)))
