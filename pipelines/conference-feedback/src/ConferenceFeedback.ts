import { FileSystem, Path } from "@effect/platform"
import { aggregate } from "@udsagn/aggregate/Aggregate"
import { buildTopics } from "@udsagn/aggregate/Topics"
import { Categorizer } from "@udsagn/categorize/Categorizer"
import { CorrectionsUsed } from "@udsagn/categorize/Corrections"
import { applyOverrides, loadOverrides } from "@udsagn/categorize/Overrides"
import { ThemeLoader } from "@udsagn/categorize/ThemeLoader"
import { buildChartSpecs } from "@udsagn/charts/ChartSpecs"
import { ChartRenderer } from "@udsagn/charts/ChartRenderer"
import { CategorizedResult } from "@udsagn/domain/Analysis"
import { Ledger } from "@udsagn/domain/Ledger"
import { Summary } from "@udsagn/domain/Summary"
import type { TopicsFile } from "@udsagn/domain/Topics"
import { ExportReader } from "@udsagn/ingest/ExportReader"
import { ReportWriter } from "@udsagn/report/ReportWriter"
import { writeStatementsJson } from "@udsagn/report/StatementsJson"
import { Data, Effect, Schema } from "effect"
import { DataLocations } from "./DataLocations.js"
import { applyReviewerEdits } from "./ReviewerEdits.js"
import { eventWith } from "./EventDetails.js"

/**
 * The steps a run reports progress for, in order, with the Danish label a person sees (the
 * CLI's progress lines, the web's progress page). Cleaning happens while the export is read,
 * so it is part of `ingest`.
 */
export const stages = [
  { stage: "ingest", label: "Læser filen" },
  { stage: "categorize", label: "Sorterer udsagnene i temaer" },
  { stage: "aggregate", label: "Tæller op" },
  { stage: "charts", label: "Tegner diagrammer" },
  { stage: "report", label: "Skriver rapport og anbefalinger" }
] as const

export type Stage = (typeof stages)[number]["stage"]

export const stageLabel = (stage: Stage): string => stages.find((s) => s.stage === stage)?.label ?? stage

export interface AnalyzeInput {
  readonly input: string
  readonly outDir: string
  readonly themesPath?: string | undefined
  readonly overridesPath?: string | undefined
  readonly textColumn?: string | undefined
  readonly questionColumn?: string | undefined
  /** The report's title and date (YYYY-MM-DD), instead of what the export says. */
  readonly title?: string | undefined
  readonly date?: string | undefined
  /**
   * Learn from saved corrections (the web app's `<reports>/laering`): those saved before
   * `before` are followed and the model retrained with them is used when ready.
   */
  readonly corrections?: { readonly dir: string; readonly before?: string | undefined } | undefined
}

export interface AnalyzeOutput {
  readonly outDir: string
  readonly reportPath: string
  readonly result: CategorizedResult
  readonly summary: Summary
  readonly files: ReadonlyArray<string>
  /** Sub-topics of each theme and candidate themes (written as topics.json). */
  readonly topics: TopicsFile
  /** What the categorizer learnt from saved corrections, when the run was given them. */
  readonly corrections?: CorrectionsUsed | undefined
}

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

const encodeLedger = Schema.encodeSync(Ledger)
const encodeSummary = Schema.encodeSync(Summary)
const encodeCorrectionsUsed = Schema.encodeSync(CorrectionsUsed)
const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n"

/**
 * The conference-feedback pipeline: read export → clean → categorize → aggregate → charts → report.
 * Output is built in a sibling temp folder and moved into place only when complete, so a failed
 * run never leaves a half-written report that looks finished.
 */
export class ConferenceFeedback extends Effect.Service<ConferenceFeedback>()(
  "@udsagn/conference-feedback/ConferenceFeedback",
  {
    effect: Effect.gen(function*() {
      const fs = yield* FileSystem.FileSystem
      const path = yield* Path.Path
      const reader = yield* ExportReader
      const themes = yield* ThemeLoader
      const categorizer = yield* Categorizer
      const renderer = yield* ChartRenderer
      const reports = yield* ReportWriter
      const locations = yield* DataLocations

      const writeFile = (file: string, content: string) =>
        fs.writeFileString(file, content).pipe(Effect.mapError((cause) => new OutputError({ path: file, cause })))

      const analyze = Effect.fn("ConferenceFeedback.analyze")(function*(
        input: AnalyzeInput,
        onProgress: (stage: Stage, message: string) => void = () => {}
      ) {
        const outDir = path.resolve(input.outDir)

        onProgress("ingest", stageLabel("ingest"))
        const ingested = yield* reader.read(input.input, {
          ...(input.textColumn !== undefined ? { textColumn: input.textColumn } : {}),
          ...(input.questionColumn !== undefined ? { questionColumn: input.questionColumn } : {})
        })
        const themeSet = yield* themes.load(input.themesPath ?? locations.themesFile)
        const overrides = input.overridesPath !== undefined
          ? yield* loadOverrides(input.overridesPath).pipe(Effect.provideService(FileSystem.FileSystem, fs))
          : []

        onProgress("categorize", `${stageLabel("categorize")} (${ingested.statements.length})`)
        const learnt = input.corrections !== undefined
          ? yield* categorizer.categorizeLearning(ingested.statements, themeSet, input.corrections)
          : undefined
        const categorized = learnt?.statements ?? (yield* categorizer.categorize(ingested.statements, themeSet))
        const themed = overrides.length > 0 ? yield* applyOverrides(categorized, overrides, themeSet) : categorized
        // Statements left out or rewritten by a reviewer, counted in the ledger.
        const { ledger, statements } = applyReviewerEdits(themed, ingested.ledger, overrides)

        const result = new CategorizedResult({
          event: eventWith(ingested.event, input),
          themeSet,
          questions: ingested.questions,
          statements,
          closedQuestions: ingested.closedQuestions,
          ledger
        }, true) // made of our own objects: no schema walk over every statement again

        onProgress("aggregate", stageLabel("aggregate"))
        const summary = aggregate(result)
        // Sub-topics and candidate themes, once, for the charts, the report and topics.json.
        const topics = buildTopics(result, summary.themes.map((t) => t.theme))

        const parent = path.dirname(outDir)
        yield* fs.makeDirectory(parent, { recursive: true }).pipe(
          Effect.mapError((cause) => new OutputError({ path: parent, cause }))
        )
        const work = yield* fs.makeTempDirectory({ directory: parent, prefix: `.${path.basename(outDir)}-` }).pipe(
          Effect.mapError((cause) => new OutputError({ path: parent, cause }))
        )
        const finish = Effect.gen(function*() {
          // mkdtemp makes the folder private (0700); the finished report gets the mode the user's
          // umask gives a new folder (0755 for a person; 0700 under the web server's umask 077).
          yield* fs.chmod(work, 0o777 & ~process.umask()).pipe(Effect.mapError((cause) => new OutputError({ path: work, cause })))
          onProgress("charts", stageLabel("charts"))
          const charts = yield* renderer.writeAll(buildChartSpecs(summary, result, topics), work)

          onProgress("report", stageLabel("report"))
          const statementsFile = path.join(work, "statements.json")
          yield* writeStatementsJson(statementsFile, statements).pipe(
            Effect.provideService(FileSystem.FileSystem, fs),
            Effect.mapError((cause) => new OutputError({ path: statementsFile, cause }))
          )
          yield* writeFile(path.join(work, "ledger.json"), json(encodeLedger(ledger)))
          // The figures behind the report, for programs (the web app's API reads them back).
          // `corrections`: how many saved corrections the categorizer learnt from (web runs only).
          yield* writeFile(
            path.join(work, "summary.json"),
            json(learnt ? { ...encodeSummary(summary), corrections: encodeCorrectionsUsed(learnt.used) } : encodeSummary(summary))
          )
          yield* reports.write({ result, summary, charts, topics, outDir: work, ...(learnt ? { corrections: learnt.used } : {}) })
          yield* replaceDirectory(fs, work, outDir)
        }).pipe(Effect.onError(() => fs.remove(work, { recursive: true }).pipe(Effect.ignore)))
        yield* finish

        const files = yield* listFiles(fs, path, outDir)
        return {
          outDir,
          reportPath: path.join(outDir, "report.html"),
          result,
          summary,
          files,
          topics,
          ...(learnt ? { corrections: learnt.used } : {})
        } satisfies AnalyzeOutput
      })

      return { analyze } as const
    }),
    dependencies: [
      ExportReader.Default,
      ThemeLoader.Default,
      Categorizer.Default,
      ChartRenderer.Default,
      ReportWriter.Default,
      DataLocations.Default
    ]
  }
) {}

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
