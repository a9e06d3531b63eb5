import { FileSystem, Path } from "@effect/platform"
import { aggregate } from "@udsagn/aggregate/Aggregate"
import { buildTopics } from "@udsagn/aggregate/Topics"
import { CorrectionsUsed } from "@udsagn/categorize/Corrections"
import { applyOverrides } from "@udsagn/categorize/Overrides"
import { buildChartSpecs } from "@udsagn/charts/ChartSpecs"
import { ChartRenderer } from "@udsagn/charts/ChartRenderer"
import { CategorizedResult } from "@udsagn/domain/Analysis"
import type { Override } from "@udsagn/domain/Categorization"
import { Ledger } from "@udsagn/domain/Ledger"
import { Summary } from "@udsagn/domain/Summary"
import type { TopicsFile } from "@udsagn/domain/Topics"
import type { FileNames } from "@udsagn/report/FileNames"
import { writeStatementsJson } from "@udsagn/report/StatementsJson"
import { startStatementsThread, type StatementsThread, StatementsThreadError } from "@udsagn/report/StatementsThread"
import { ReportWriter } from "@udsagn/report/ReportWriter"
import type { EventInfo } from "@udsagn/domain/Analysis"
import { Data, Effect, Fiber, Schema } from "effect"
import { filesAfterEdits } from "./MultiInput.js"
import { applyReviewerEdits } from "./ReviewerEdits.js"

// Everything after categorization, shared by a whole run (ConferenceFeedback) and a saved
// correction (Reaggregate): the reviewer's corrections applied to the categorizer's result,
// counted, drawn and written. One function, so a correction saved in the web app gives the same
// files a new run with the same corrections would.

/** Writing the output folder failed (disk full, no permission…). */
export class OutputError extends Data.TaggedError("OutputError")<{
  readonly path: string
  readonly cause: unknown
}> {
  override get message() {
    return `Kunne ikke skrive resultatet til ${this.path}. Tjek at mappen findes og at der er skriveadgang og plads på disken.`
  }
}

/**
 * The output path holds something udsagn did not write (a user's folder given as --out, or a
 * file): replacing it would delete their files, so the run stops instead.
 */
export class OutputNotEmpty extends Data.TaggedError("OutputNotEmpty")<{
  readonly path: string
  readonly example: string | undefined
}> {
  override get message() {
    return this.example === undefined
      ? `${this.path} findes allerede og er ikke en mappe. Vælg en ny eller tom mappe med --out.`
      : `Mappen ${this.path} indeholder filer, som ikke er fra udsagn (fx ${this.example}), og bliver ikke overskrevet. Vælg en ny eller tom mappe med --out.`
  }
}

/** The categorizer's result before any correction, kept so a correction never categorizes again. */
export const CategorizedBase = Schema.Struct({
  result: CategorizedResult,
  corrections: Schema.optional(CorrectionsUsed)
})
export type CategorizedBase = typeof CategorizedBase.Type

const encodeLedger = Schema.encodeSync(Ledger)
const encodeSummary = Schema.encodeSync(Summary)
const encodeCorrectionsUsed = Schema.encodeSync(CorrectionsUsed)
export const encodeBase = Schema.encodeSync(CategorizedBase)
const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n"

/**
 * The reviewer's corrections applied to the categorizer's result: the one place they change
 * the statements (and, with them, what the report counts).
 */
export const applyCorrections = (base: CategorizedResult, overrides: ReadonlyArray<Override>) =>
  Effect.gen(function*() {
    if (overrides.length === 0) return base
    const themed = yield* applyOverrides(base.statements, overrides, base.themeSet)
    // Statements left out or rewritten by a reviewer, counted in the ledger.
    const edited = applyReviewerEdits(themed, base.ledger, overrides)
    // With several exports, each file's accounts too.
    const ledger = filesAfterEdits(edited.ledger, themed, edited.statements)
    return new CategorizedResult({ ...base, statements: edited.statements, ledger }, true)
  })

export interface WriteRunInput {
  /** The categorizer's result, before the corrections. */
  readonly base: CategorizedResult
  readonly overrides: ReadonlyArray<Override>
  /** The title and date a person gave (`eventWith`), instead of the export's. */
  readonly event?: EventInfo | undefined
  readonly outDir: string
  readonly corrections?: CorrectionsUsed | undefined
  /** An earlier run's folder: charts whose spec did not change are copied from it. */
  readonly reuseChartsFrom?: string | undefined
  readonly onStage?: (stage: "aggregate" | "charts" | "report") => void
  /** Leave statements.xlsx and the PNGs of charts drawn anew for `complete` (listed in `files` all the same). */
  readonly defer?: boolean | undefined
  /** What the report and drafts call statements.xlsx and recommendations.docx (the web app's download names). */
  readonly fileNames?: FileNames | undefined
}

/** The file `deferXlsx` leaves for later. */
export const deferredFile = "statements.xlsx"

export class RunOutputs extends Effect.Service<RunOutputs>()("@udsagn/conference-feedback/RunOutputs", {
  effect: Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const renderer = yield* ChartRenderer
    const reports = yield* ReportWriter

    const writeFile = (file: string, content: string) =>
      fs.writeFileString(file, content).pipe(Effect.mapError((cause) => new OutputError({ path: file, cause })))

    /**
     * Applies the corrections, counts, draws and writes every output file. Output is built in a
     * sibling temp folder and moved into place only when complete, so a failed run never leaves
     * a half-written report that looks finished.
     */
    const write = Effect.fn("RunOutputs.write")(function*(input: WriteRunInput) {
      const outDir = path.resolve(input.outDir)
      const stage = input.onStage ?? (() => {})
      const corrected = yield* applyCorrections(input.base, input.overrides)
      const result = input.event === undefined ? corrected : new CategorizedResult({ ...corrected, event: input.event }, true)
      const statements = result.statements

      const parent = path.dirname(outDir)
      yield* fs.makeDirectory(parent, { recursive: true }).pipe(
        Effect.mapError((cause) => new OutputError({ path: parent, cause }))
      )
      const work = yield* fs.makeTempDirectory({ directory: parent, prefix: `.${path.basename(outDir)}-` }).pipe(
        Effect.mapError((cause) => new OutputError({ path: parent, cause }))
      )
      const drawn: Array<string> = []
      const titles: Array<{ readonly name: string; readonly title: string }> = []
      const noPng: Array<string> = []
      const statementsFile = path.join(work, "statements.json")
      let thread: StatementsThread | undefined
      const { summary, topics } = yield* Effect.gen(function*() {
        // mkdtemp makes the folder private (0700); the finished report gets the mode the user's
        // umask gives a new folder (0755 for a person; 0700 under the web server's umask 077).
        yield* fs.chmod(work, 0o777 & ~process.umask()).pipe(Effect.mapError((cause) => new OutputError({ path: work, cause })))
        // Large runs: statements.json and statements.xlsx are written in a thread of their own
        // from here on, while this one counts, draws and writes the rest. A thread that cannot
        // start leaves them to this one (same files, later).
        thread = yield* Effect.try(() =>
          startStatementsThread(result, {
            jsonFile: statementsFile,
            xlsxFile: input.defer === true ? undefined : path.join(work, deferredFile)
          })
        ).pipe(Effect.orElseSucceed(() => undefined))
        const inThread = thread
        stage("aggregate")
        const summary = aggregate(result)
        // Drawn (in the charts' thread, when there is one) while this thread finds the sub-topics
        // and writes every other file: the charts of the counts from here, the sub-topics' once
        // they are found. report.html, which shows them, is written last.
        const chartOptions = { reuseDir: input.reuseChartsFrom, onDrawn: (name: string) => drawn.push(name), png: input.defer !== true }
        const countCharts = buildChartSpecs(summary, result)
        const countsDrawn = yield* renderer.begin(countCharts, work, chartOptions)
        // Sub-topics and candidate themes, once, for the charts, the report and topics.json.
        const topics: TopicsFile = buildTopics(result, summary.themes.map((t) => t.theme))

        stage("charts")
        // The same charts, in the same order, as buildChartSpecs(summary, result, topics): the
        // sub-topics' charts come last.
        const topicsDrawn = yield* renderer.begin(buildChartSpecs(summary, result, topics).slice(countCharts.length), work, chartOptions)
        const drawing = yield* Effect.fork(Effect.zipWith(countsDrawn, topicsDrawn, (a, b) => [...a, ...b]))
        stage("report")
        if (inThread === undefined) {
          yield* writeStatementsJson(statementsFile, statements).pipe(
            Effect.provideService(FileSystem.FileSystem, fs),
            Effect.mapError((cause) => new OutputError({ path: statementsFile, cause }))
          )
        }
        yield* writeFile(path.join(work, "ledger.json"), json(encodeLedger(result.ledger)))
        // The figures behind the report, for programs (the web app's API reads them back).
        // `corrections`: how many saved corrections the categorizer learnt from (web runs only).
        const learnt = input.corrections
        yield* writeFile(
          path.join(work, "summary.json"),
          json(learnt ? { ...encodeSummary(summary), corrections: encodeCorrectionsUsed(learnt) } : encodeSummary(summary))
        )
        // The thread writes statements.xlsx when there is one: the writer leaves it out as deferred.
        const drafted = yield* reports.writeDrafts(
          { result, summary, topics, outDir: work, fileNames: input.fileNames, ...(learnt ? { corrections: learnt } : {}) },
          { deferXlsx: input.defer === true || inThread !== undefined }
        ).pipe(Effect.onError(() => Fiber.interrupt(drawing)))
        const charts = yield* Fiber.join(drawing)
        titles.push(...charts.map((c) => ({ name: c.name, title: c.title })))
        for (const c of charts) {
          if (!(yield* fs.exists(path.join(work, "charts", `${c.name}.png`)).pipe(Effect.orElseSucceed(() => false)))) noPng.push(c.name)
        }
        yield* reports.writeHtml(drafted, charts)
        if (inThread !== undefined) {
          yield* Effect.tryPromise({
            try: () => inThread.done,
            catch: (cause) => new OutputError({ path: cause instanceof StatementsThreadError ? cause.file : statementsFile, cause })
          })
        }
        yield* replaceDirectory(fs, work, outDir)
        return { summary, topics }
      }).pipe(
        Effect.onError(() =>
          Effect.promise(() => thread?.stop() ?? Promise.resolve()).pipe(
            Effect.zipRight(fs.remove(work, { recursive: true })),
            Effect.ignore
          )
        )
      )

      const written = yield* listFiles(fs, path, outDir)
      const later = input.defer === true ? [deferredFile, ...noPng.map((name) => `charts/${name}.png`)].map((f) => path.join(outDir, f)) : []
      const files = [...new Set([...written, ...later])].sort()
      return {
        outDir,
        reportPath: path.join(outDir, "report.html"),
        result,
        summary,
        topics,
        files,
        charts: titles,
        /** The charts drawn anew (the rest were copied from `reuseChartsFrom`). */
        drawn,
        ...(input.corrections ? { corrections: input.corrections } : {})
      }
    })

    /** Writes what `defer` left of a run: the PNG of each chart that has none, and statements.xlsx unless it is there. */
    const complete = Effect.fn("RunOutputs.complete")(function*(input: Pick<WriteRunInput, "base" | "overrides" | "outDir">, wanted?: string) {
      const there = (file: string) => fs.exists(file).pipe(Effect.orElseSucceed(() => false))
      const chartsDir = path.join(input.outDir, "charts")
      const names = yield* fs.readDirectory(chartsDir).pipe(Effect.orElseSucceed((): ReadonlyArray<string> => []))
      for (const svgName of names.filter((n) => n.endsWith(".svg"))) {
        const png = path.join(chartsDir, svgName.replace(/\.svg$/, ".png"))
        if (wanted !== undefined && wanted !== `charts/${path.basename(png)}`) continue
        if (yield* there(png)) continue
        const svg = yield* fs.readFileString(path.join(chartsDir, svgName)).pipe(Effect.mapError((cause) => new OutputError({ path: png, cause })))
        const bytes = yield* renderer.pngOf(svg, svgName.replace(/\.svg$/, ""))
        const tmp = `${png}.tmp-${crypto.randomUUID().slice(0, 8)}`
        yield* fs.writeFile(tmp, bytes).pipe(Effect.zipRight(fs.rename(tmp, png)), Effect.mapError((cause) => new OutputError({ path: png, cause })))
      }
      const file = path.join(input.outDir, deferredFile)
      if ((wanted !== undefined && wanted !== deferredFile) || (yield* there(file))) return
      const result = yield* applyCorrections(input.base, input.overrides)
      yield* reports.writeStatementsXlsx(result, file)
    })

    /** Readies what drawing the charts needs (their thread, started ahead): called as a run starts. */
    const prepare = renderer.prepare

    return { write, complete, prepare } as const
  }),
  dependencies: [ChartRenderer.Default, ReportWriter.Default]
}) {}

/**
 * Move a finished folder into place, replacing an earlier run's folder only once the new one is whole.
 * An existing folder is replaced only when it is empty or holds nothing but names this run writes
 * too (an earlier report); anything else may be the user's own files.
 */
const replaceDirectory = (fs: FileSystem.FileSystem, from: string, to: string) =>
  Effect.gen(function*() {
    const old = `${to}.old-${process.pid}-${Date.now()}`
    const exists = yield* fs.exists(to)
    if (exists) {
      const info = yield* fs.stat(to)
      if (info.type !== "Directory") return yield* new OutputNotEmpty({ path: to, example: undefined })
      const ours = new Set(yield* fs.readDirectory(from))
      const foreign = (yield* fs.readDirectory(to)).filter((name) => !ours.has(name)).sort()
      if (foreign.length > 0) return yield* new OutputNotEmpty({ path: to, example: foreign[0] })
    }
    if (exists) yield* fs.rename(to, old)
    yield* fs.rename(from, to)
    if (exists) yield* fs.remove(old, { recursive: true })
  }).pipe(Effect.mapError((e) => (e._tag === "OutputNotEmpty" ? e : new OutputError({ path: to, cause: e }))))

const listFiles = (fs: FileSystem.FileSystem, path: Path.Path, dir: string) =>
  fs.readDirectory(dir, { recursive: true }).pipe(
    Effect.map((entries) => entries.map((e) => path.join(dir, e)).sort()),
    Effect.mapError((cause) => new OutputError({ path: dir, cause }))
  )
