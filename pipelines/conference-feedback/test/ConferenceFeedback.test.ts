import { FileSystem } from "@effect/platform"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { sampleExportPath } from "@udsagn/domain/Paths"
import { Summary } from "@udsagn/domain/Summary"
import { ConferenceFeedback, type Stage, stages as stageList } from "../src/ConferenceFeedback.js"
import { Reaggregate } from "../src/Reaggregate.js"
import { CategorizedBase, encodeBase } from "../src/RunOutputs.js"
import { Effect, Layer, Schema } from "effect"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"

const TestLayer = ConferenceFeedback.Default.pipe(Layer.provideMerge(NodeContext.layer))
const fixtures = path.resolve(import.meta.dirname, "../../../test/fixtures")
const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "udsagn-pipeline-"))

describe("ConferenceFeedback", () => {
  it.effect("runs every stage on the sample and accounts for every row", () =>
    Effect.gen(function*() {
      const pipeline = yield* ConferenceFeedback
      const stages: Array<Stage> = []
      const outDir = path.join(freshDir(), "report")
      const output = yield* pipeline.analyze({ input: sampleExportPath, outDir }, (stage) => stages.push(stage))

      expect(stages).toEqual(["ingest", "categorize", "aggregate", "charts", "report"])
      expect(stageList.map((s) => s.stage)).toEqual(stages)
      const { ledger, statements } = output.result
      expect(ledger.read).toBe(ledger.kept + ledger.excluded.reduce((n, e) => n + e.count, 0))
      expect(statements).toHaveLength(ledger.kept)
      const written = JSON.parse(fs.readFileSync(path.join(outDir, "statements.json"), "utf8")) as Array<{ id: string }>
      expect(written.map((s) => s.id)).toEqual(statements.map((s) => s.id))
      expect(output.files).toContain(path.join(outDir, "report.html"))
      // The summary the web's API serves, as the pipeline computed it.
      const summary = JSON.parse(fs.readFileSync(path.join(outDir, "summary.json"), "utf8")) as unknown
      expect(summary).toEqual(Schema.encodeSync(Summary)(output.summary))
      // The work folder is moved into place: nothing is left beside the report.
      expect(fs.readdirSync(path.dirname(outDir))).toEqual(["report"])
    }).pipe(Effect.provide(TestLayer)))

  it.effect("with defer, leaves statements.xlsx and the PNGs for their first download, made from the stored result", () =>
    Effect.gen(function*() {
      const pipeline = yield* ConferenceFeedback
      const again = yield* Reaggregate
      const dir = freshDir()
      const outDir = path.join(dir, "report")
      const basePath = path.join(dir, "base.json")
      const output = yield* pipeline.analyze({ input: sampleExportPath, outDir, basePath, defer: true })
      const xlsx = path.join(outDir, "statements.xlsx")
      const png = path.join(outDir, "charts", "theme-overview.png")
      // Listed as the run's files, not written yet; the report is.
      expect(output.files).toEqual(expect.arrayContaining([xlsx, png, path.join(outDir, "report.html")]))
      expect(fs.existsSync(xlsx)).toBe(false)
      expect(fs.existsSync(png)).toBe(false)
      expect(fs.existsSync(path.join(outDir, "charts", "theme-overview.svg"))).toBe(true)
      // A new analysis has no corrections file: its files are made from the stored result alone.
      yield* again.complete({ basePath, overridesPath: path.join(dir, "overrides.json"), outDir, wanted: "charts/theme-overview.png" })
      expect(fs.readFileSync(png).subarray(1, 4).toString()).toBe("PNG")
      expect(fs.existsSync(xlsx)).toBe(false)
      yield* again.complete({ basePath, overridesPath: path.join(dir, "overrides.json"), outDir })
      expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe("PK")
    }).pipe(Effect.provide(Layer.merge(TestLayer, Reaggregate.Default.pipe(Layer.provideMerge(NodeContext.layer))))))

  it.effect("a saved correction gives the counts, sub-topics and statements a new run with the same corrections gives, also saved again; a stored result written anew is read anew", () =>
    Effect.gen(function*() {
      const pipeline = yield* ConferenceFeedback
      const again = yield* Reaggregate
      const dir = freshDir()
      const basePath = path.join(dir, "base.json")
      const overridesPath = path.join(dir, "overrides.json")
      const first = yield* pipeline.analyze({ input: sampleExportPath, outDir: path.join(dir, "run-0"), basePath, defer: true })
      const files = ["summary.json", "topics.json", "statements.json"]
      const read = (outDir: string) => files.map((f) => fs.readFileSync(path.join(outDir, f), "utf8"))
      const [a, b, c] = first.result.statements.filter((s) => !s.themes.includes("staff-burnout" as never))
      const corrections = [
        [{ id: a!.id, themes: ["staff-burnout"] }],
        // The next save: the stored result is kept decoded and the words counted for it are reused.
        [{ id: a!.id, themes: ["staff-burnout"] }, { id: b!.id, themes: ["staff-burnout"] }, { id: c!.id, exclude: true }]
      ]
      let previous = path.join(dir, "run-0")
      for (const [i, overrides] of corrections.entries()) {
        fs.writeFileSync(overridesPath, JSON.stringify(overrides))
        const saved = path.join(dir, `saved-${i}`)
        yield* again.run({ basePath, overridesPath, outDir: saved, previousDir: previous })
        const fresh = path.join(dir, `fresh-${i}`)
        yield* pipeline.analyze({ input: sampleExportPath, outDir: fresh, overridesPath })
        expect(read(saved), `save ${i + 1}`).toEqual(read(fresh))
        previous = saved
      }
      // The stored result of another export written to the same file: that is what is counted.
      const other = yield* pipeline.analyze({ input: path.join(fixtures, "udsagn-utf8.csv"), outDir: path.join(dir, "other"), basePath })
      fs.writeFileSync(overridesPath, "[]")
      const after = yield* again.run({ basePath, overridesPath, outDir: path.join(dir, "saved-other"), previousDir: previous })
      expect(after.output.result.statements.map((s) => s.text)).toEqual(other.result.statements.map((s) => s.text))
      expect(read(path.join(dir, "saved-other"))).toEqual(read(path.join(dir, "other")))
    }).pipe(Effect.provide(Layer.merge(TestLayer, Reaggregate.Default.pipe(Layer.provideMerge(NodeContext.layer))))))

  it.effect("stores the categorization as its schema encodes it (statements serialized as they are), and reads it back the same", () =>
    Effect.gen(function*() {
      const pipeline = yield* ConferenceFeedback
      const dir = freshDir()
      const basePath = path.join(dir, "base.json")
      for (const [i, input] of [path.join(fixtures, "hostile-statements.csv"), sampleExportPath, path.join(fixtures, "menti-tvaers-sektor.xlsx")].entries()) {
        const output = yield* pipeline.analyze({ input, outDir: path.join(dir, `report-${i}`), basePath })
        const stored = fs.readFileSync(basePath, "utf8")
        // The same fields and values as the schema's encoding (the order of an object's keys aside).
        expect(JSON.parse(stored), input).toEqual(JSON.parse(JSON.stringify(encodeBase({ result: output.result }))))
        expect(Schema.decodeUnknownSync(Schema.parseJson(CategorizedBase))(stored).result).toEqual(output.result)
      }
    }).pipe(Effect.provide(TestLayer)))

  it.effect("applies overrides on the next run, and they survive another run", () =>
    Effect.gen(function*() {
      const pipeline = yield* ConferenceFeedback
      const fsys = yield* FileSystem.FileSystem
      const dir = freshDir()
      const outDir = path.join(dir, "report")
      const first = yield* pipeline.analyze({ input: sampleExportPath, outDir })
      const target = first.result.statements.find((s) => !s.themes.includes("staff-burnout" as never))!
      const byText = first.result.statements.find((s) => s.id !== target.id && !s.themes.includes("visual-communication" as never))!

      const overridesPath = path.join(dir, "overrides.json")
      yield* fsys.writeFileString(
        overridesPath,
        JSON.stringify([
          { id: target.id, themes: ["staff-burnout"], note: "rettet ved gennemgang" },
          { text: byText.text.toUpperCase(), themes: ["visual-communication"] }
        ])
      )
      for (const run of [1, 2]) {
        const next = yield* pipeline.analyze({ input: sampleExportPath, outDir, overridesPath })
        const corrected = next.result.statements.find((s) => s.id === target.id)!
        expect(corrected.themes, `run ${run}`).toEqual(["staff-burnout"])
        expect(corrected.overridden).toBe(true)
        expect(next.result.statements.find((s) => s.id === byText.id)!.themes).toEqual(["visual-communication"])
        const html = fs.readFileSync(next.reportPath, "utf8")
        expect(html).toContain(target.id)
        const before = first.summary.themes.find((t) => t.theme === "staff-burnout")!.count
        const after = next.summary.themes.find((t) => t.theme === "staff-burnout")!.count
        expect(after).toBe(before + 1)
      }
    }).pipe(Effect.provide(TestLayer)))

  it.effect("fails on bad input without leaving a report folder behind", () =>
    Effect.gen(function*() {
      const pipeline = yield* ConferenceFeedback
      const dir = freshDir()
      const error = yield* pipeline
        .analyze({ input: path.join(fixtures, "bad/truncated.xlsx"), outDir: path.join(dir, "report") })
        .pipe(Effect.flip)
      expect(error.message.length).toBeGreaterThan(20)
      expect(fs.readdirSync(dir)).toEqual([])
    }).pipe(Effect.provide(TestLayer)))

  it.effect("keeps the previous report when a re-run fails", () =>
    Effect.gen(function*() {
      const pipeline = yield* ConferenceFeedback
      const dir = freshDir()
      const outDir = path.join(dir, "report")
      yield* pipeline.analyze({ input: path.join(fixtures, "udsagn-utf8-bom.csv"), outDir })
      const before = fs.readFileSync(path.join(outDir, "statements.json"), "utf8")
      yield* pipeline
        .analyze({ input: path.join(fixtures, "udsagn-utf8-bom.csv"), outDir, themesPath: path.join(dir, "missing.json") })
        .pipe(Effect.flip)
      expect(fs.readFileSync(path.join(outDir, "statements.json"), "utf8")).toBe(before)
    }).pipe(Effect.provide(TestLayer)))
  it.effect("refuses to replace an --out folder that holds files it did not write, and deletes nothing", () =>
    Effect.gen(function*() {
      const pipeline = yield* ConferenceFeedback
      const outDir = path.join(freshDir(), "mine dokumenter")
      fs.mkdirSync(outDir)
      fs.writeFileSync(path.join(outDir, "speciale.txt"), "vigtigt")
      const error = yield* pipeline
        .analyze({ input: path.join(fixtures, "udsagn-utf8-bom.csv"), outDir })
        .pipe(Effect.flip)
      expect(error._tag).toBe("OutputNotEmpty")
      expect(error.message).toContain("speciale.txt")
      expect(error.message).not.toContain("\n")
      expect(fs.readdirSync(outDir)).toEqual(["speciale.txt"])
      expect(fs.readFileSync(path.join(outDir, "speciale.txt"), "utf8")).toBe("vigtigt")
      // No work folder is left beside it.
      expect(fs.readdirSync(path.dirname(outDir))).toEqual(["mine dokumenter"])
    }).pipe(Effect.provide(TestLayer)))

  it.effect("refuses an --out path that is a file, and leaves the file alone", () =>
    Effect.gen(function*() {
      const pipeline = yield* ConferenceFeedback
      const outFile = path.join(freshDir(), "noter.txt")
      fs.writeFileSync(outFile, "vigtigt")
      const error = yield* pipeline
        .analyze({ input: path.join(fixtures, "udsagn-utf8-bom.csv"), outDir: outFile })
        .pipe(Effect.flip)
      expect(error._tag).toBe("OutputNotEmpty")
      expect(fs.readFileSync(outFile, "utf8")).toBe("vigtigt")
    }).pipe(Effect.provide(TestLayer)))

  it.effect("writes into an existing empty --out folder", () =>
    Effect.gen(function*() {
      const pipeline = yield* ConferenceFeedback
      const outDir = path.join(freshDir(), "tom")
      fs.mkdirSync(outDir)
      const output = yield* pipeline.analyze({ input: path.join(fixtures, "udsagn-utf8-bom.csv"), outDir })
      expect(fs.existsSync(output.reportPath)).toBe(true)
    }).pipe(Effect.provide(TestLayer)))
})
