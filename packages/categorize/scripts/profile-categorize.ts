// Profiles categorization alone: node --cpu-prof --import tsx packages/categorize/scripts/profile-categorize.ts
import { readFileSync } from "node:fs"
import { Schema } from "effect"
import { defaultThemesPath, trainingStatementsPath } from "@udsagn/domain/Paths"
import { ThemeSet } from "@udsagn/domain/Theme"
import { modelFor, modelPath } from "../src/ModelStore.js"
import { parseLabeledCsv } from "../src/TrainingData.js"
import { synthesize } from "../../../test/bench/synthesize.js"

const themeSet = Schema.decodeUnknownSync(ThemeSet)(JSON.parse(readFileSync(defaultThemesPath, "utf8")))
const csv = readFileSync(trainingStatementsPath, "utf8")
const { model } = modelFor(themeSet, csv, JSON.parse(readFileSync(modelPath, "utf8")))
const rows = parseLabeledCsv(csv).rows
const n = Number(process.argv[2] ?? 20000)
const texts = synthesize(rows.map((r) => r.text), ["q"], n).map((s) => s.text)
const time = (label: string, f: () => void) => {
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  f()
  const c = process.cpuUsage(c0)
  console.log(`${label}: wall ${((performance.now() - t0) / 1000).toFixed(2)} s, cpu ${((c.user + c.system) / 1e6).toFixed(2)} s`)
}
time("categorizeText (cold caches)", () => texts.forEach((t) => model.categorizeText(t)))
time("categorizeText (warm caches)", () => texts.forEach((t) => model.categorizeText(t)))
