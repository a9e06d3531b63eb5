// pnpm bench: categorization throughput on 100,000 synthesized statements, categorizer start-up,
// the whole pipeline (export → report) on the same statements, peak memory, and a correction saved in the web app.
// Statements are recombined and perturbed training statements (seeded, so runs compare).
import { FileSystem } from "@effect/platform"
import { NodeContext } from "@effect/platform-node"
import { Categorizer } from "@udsagn/categorize/Categorizer"
import { decodeStoredModel, modelFor, modelPath } from "@udsagn/categorize/ModelStore"
import { parseLabeledCsv } from "@udsagn/categorize/TrainingData"
import type { ThemeModelData } from "@udsagn/categorize/ThemeModel"
import { defaultThemesPath, trainingStatementsPath } from "@udsagn/domain/Paths"
import { SourceLocation, Statement, StatementId } from "@udsagn/domain/Statement"
import { ThemeSet } from "@udsagn/domain/Theme"
import { Effect, Layer, Schema } from "effect"
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { reportCorrections } from "./correction.js"
import { synthesize } from "./synthesize.js"

const N = Number(process.env.BENCH_N ?? 100_000)
// The whole pipeline also draws charts and writes the report (HTML with every statement); at
// 100,000 statements that takes minutes, so by default it runs on the first 20,000.
const PIPELINE_N = Number(process.env.BENCH_PIPELINE_N ?? 20_000)

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`

const main = async () => {
  // Start-up: what a fresh categorizer does before its first statement (model.json when current).
  const t0 = performance.now()
  const themeSet = Schema.decodeUnknownSync(ThemeSet)(JSON.parse(readFileSync(defaultThemesPath, "utf8")))
  const csv = readFileSync(trainingStatementsPath, "utf8")
  let stored: ThemeModelData | undefined
  try {
    stored = decodeStoredModel(readFileSync(modelPath, "utf8"))
  } catch {
    stored = undefined
  }
  const { model, fromStore } = modelFor(themeSet, csv, stored)
  model.categorizeText("Mere tid til den enkelte patient")
  const startup = performance.now() - t0
  console.log(`start-up (load theme file, training data, ${fromStore ? "model.json" : "TRAINING (model.json stale)"}, first statement): ${startup.toFixed(0)} ms`)

  const rows = parseLabeledCsv(csv).rows
  const synthetic = synthesize(rows.map((r) => r.text), [...new Set(rows.map((r) => r.question ?? "Spørgsmål"))], N)
  const statements = synthetic.map(
    (s, i) =>
      new Statement({
        id: StatementId.make(`b${i}`),
        question: s.question,
        questionType: "open",
        source: new SourceLocation({ sheet: "bench", row: i + 2, column: 2 }),
        rawText: s.text,
        text: s.text
      })
  )
  console.log(`${N.toLocaleString("en")} synthesized statements, e.g. "${synthetic[0]!.text}" / "${synthetic[1]!.text}"`)

  // Categorization through the real service (fresh service: includes its own model load).
  const layer = Categorizer.Default
  const t1 = performance.now()
  const cpu1 = process.cpuUsage()
  const categorized = await Effect.runPromise(
    Effect.flatMap(Categorizer, (c) => c.categorize(statements, themeSet)).pipe(Effect.provide(layer))
  )
  const dt = (performance.now() - t1) / 1000
  const cpu = process.cpuUsage(cpu1)
  const counts = new Map<string, number>()
  for (const s of categorized) for (const t of s.themes) counts.set(t, (counts.get(t) ?? 0) + 1)
  const review = categorized.filter((s) => s.needsReview).length
  console.log(
    `categorize: ${dt.toFixed(2)} s = ${Math.round(N / dt).toLocaleString("en")} statements/s (target: 100,000 in < 5 s) · ` +
      `cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (wall time counts other processes on the machine too) · ` +
      `themes ${[...counts].map(([t, c]) => `${t} ${c}`).join(", ")} · needsReview ${review}`
  )
  console.log(`peak memory after categorization: ${mb(process.resourceUsage().maxRSS)} RSS`)

  if (PIPELINE_N > 0) await benchPipeline(synthetic.slice(0, PIPELINE_N))
  // A correction saved in the web app, at sizes a review page meets (BENCH_CORRECTION_SIZES="" skips it).
  const sizes = (process.env.BENCH_CORRECTION_SIZES ?? "1000,10000").split(",").filter((x) => x.trim() !== "").map(Number)
  if (sizes.length > 0) await reportCorrections(sizes)
  console.log(`peak memory overall: ${mb(process.resourceUsage().maxRSS)} RSS`)
}

/**
 * Whole pipeline on the same statements: a plain csv table → ingest → categorize → aggregate →
 * charts → report, through ConferenceFeedback.analyze (what `udsagn analyze` runs).
 */
export const benchPipeline = async (synthetic: ReadonlyArray<{ question: string; text: string }>) => {
  let ConferenceFeedback: typeof import("@udsagn/conference-feedback/ConferenceFeedback").ConferenceFeedback
  try {
    ConferenceFeedback = (await import("@udsagn/conference-feedback/ConferenceFeedback")).ConferenceFeedback
  } catch (e) {
    console.log(`pipeline: skipped (ConferenceFeedback not available: ${(e as Error).message.split("\n")[0]})`)
    return
  }
  const dir = mkdtempSync(join(tmpdir(), "udsagn-bench-"))
  try {
    const input = join(dir, "udsagn.csv")
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`
    writeFileSync(input, "Question,Response\n" + synthetic.map((s) => `${quote(s.question)},${quote(s.text)}`).join("\n") + "\n")
    const t0 = performance.now()
    const out = await Effect.runPromise(
      Effect.flatMap(ConferenceFeedback, (cf) => cf.analyze({ input, outDir: join(dir, "rapport") })).pipe(
        Effect.provide(ConferenceFeedback.Default.pipe(Layer.provideMerge(NodeContext.layer))),
        Effect.tap(() => Effect.flatMap(FileSystem.FileSystem, () => Effect.void).pipe(Effect.provide(NodeContext.layer)))
      )
    )
    const dt = (performance.now() - t0) / 1000
    console.log(
      `pipeline (csv → report, ${out.result.statements.length.toLocaleString("en")} statements, ${out.files.length} files): ` +
        `${dt.toFixed(2)} s = ${Math.round(out.result.statements.length / dt).toLocaleString("en")} statements/s`
    )
  } catch (e) {
    console.log(`pipeline: failed: ${String(e).split("\n")[0]}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
