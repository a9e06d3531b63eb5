import { FileSystem, Path } from "@effect/platform"
import { buildTopics } from "@udsagn/aggregate/Topics"
import { RecommendationsDraft, TopicsFile } from "@udsagn/domain"
import { currentLocations } from "@udsagn/domain/DataLocations"
import { Data, Effect, Either, Schema } from "effect"
import { decodeMetricsJson, type EvaluationMetrics } from "./Metrics.js"
import { withNotes } from "./RecommendationNotes.js"
import { buildRecommendations, recommendationsMarkdown } from "./Recommendations.js"
import { renderReportHtml } from "./ReportHtml.js"
import type { ReportInput } from "./ReportInput.js"

export type { ReportInput } from "./ReportInput.js"

export class ReportError extends Data.TaggedError("ReportError")<{
  readonly message: string
  readonly path?: string
  readonly cause?: unknown
}> {}

export interface ReportFiles {
  readonly html: string
  readonly recommendationsMd: string
  readonly recommendationsDocx: string
  readonly recommendationsJson: string
  readonly statementsXlsx: string
  readonly topicsJson: string
}

const encodeDraft = Schema.encodeSync(RecommendationsDraft)
const encodeTopics = Schema.encodeSync(TopicsFile)

export class ReportWriter extends Effect.Service<ReportWriter>()("@udsagn/report/ReportWriter", {
  effect: Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path

    const writeError = (file: string) => (cause: unknown) =>
      new ReportError({ message: `Kunne ikke skrive ${file}. Tjek at mappen findes, og at der er skriveadgang.`, path: file, cause })

    /**
     * Agreement figures from the evaluation, if they exist. A missing or unreadable file is not
     * an error: the method section then says the figures are not available.
     */
    const loadMetrics = Effect.fn("ReportWriter.loadMetrics")(function*(file: string) {
      const exists = yield* fs.exists(file).pipe(Effect.orElseSucceed(() => false))
      if (!exists) return undefined
      const text = yield* fs.readFileString(file).pipe(Effect.option)
      if (text._tag === "None") {
        yield* Effect.logWarning(`Kunne ikke læse evalueringstallene i ${file}; rapporten udelader dem.`)
        return undefined
      }
      const decoded = decodeMetricsJson(text.value)
      if (Either.isLeft(decoded)) {
        yield* Effect.logWarning(`Evalueringstallene i ${file} har et uventet format; rapporten udelader dem.`)
        return undefined
      }
      return decoded.right satisfies EvaluationMetrics
    })

    /** statements.xlsx: every statement with its themes (the slowest file to make; see `write`'s `deferXlsx`). */
    const writeStatementsXlsx = Effect.fn("ReportWriter.writeStatementsXlsx")(function*(result: ReportInput["result"], file: string) {
      // Streamed to a temp name as rows are made (100,000 statements never sit in memory as a
      // workbook), then renamed: a download never gets half a workbook.
      const tmp = `${file}.tmp-${crypto.randomUUID().slice(0, 8)}`
      yield* Effect.tryPromise({
        try: async () => (await import("./StatementsWorkbook.js")).writeStatementsWorkbookFile(result, tmp),
        catch: (cause) => new ReportError({ message: "Kunne ikke danne regnearket med udsagnene (statements.xlsx).", path: file, cause })
      }).pipe(Effect.tapError(() => fs.remove(tmp).pipe(Effect.ignore)))
      yield* fs.rename(tmp, file).pipe(Effect.mapError(writeError(file)))
    })

    /**
     * Every file but report.html (the drafts, topics.json, statements.xlsx), and what the report
     * needs besides the charts: a run draws its charts meanwhile (in their thread) and then
     * calls `writeHtml`. `deferXlsx`: statements.xlsx is left for `writeStatementsXlsx` (the web
     * app makes it when first downloaded).
     */
    const writeDrafts = Effect.fn("ReportWriter.writeDrafts")(function*(
      input: Omit<ReportInput, "charts">,
      options: { readonly deferXlsx?: boolean } = {}
    ) {
      const outDir = input.outDir
      yield* fs.makeDirectory(outDir, { recursive: true }).pipe(Effect.mapError(writeError(outDir)))
      const metrics = input.metrics ?? (yield* loadMetrics((yield* currentLocations).metricsFile))
      const files: ReportFiles = {
        html: path.join(outDir, "report.html"),
        recommendationsMd: path.join(outDir, "recommendations.md"),
        recommendationsDocx: path.join(outDir, "recommendations.docx"),
        recommendationsJson: path.join(outDir, "recommendations.json"),
        statementsXlsx: path.join(outDir, "statements.xlsx"),
        topicsJson: path.join(outDir, "topics.json")
      }

      // One draft for all four files, so the report and the drafts cannot disagree.
      const topics = input.topics ?? buildTopics(input.result, input.summary.themes.map((t) => t.theme))
      const draft = withNotes(buildRecommendations(input.result, input.summary, topics), input.result)

      yield* fs.writeFileString(files.topicsJson, JSON.stringify(encodeTopics(topics), null, 2) + "\n").pipe(
        Effect.mapError(writeError(files.topicsJson))
      )
      yield* fs.writeFileString(files.recommendationsMd, recommendationsMarkdown(draft, input.fileNames)).pipe(
        Effect.mapError(writeError(files.recommendationsMd))
      )
      yield* fs.writeFileString(files.recommendationsJson, JSON.stringify(encodeDraft(draft), null, 2) + "\n").pipe(
        Effect.mapError(writeError(files.recommendationsJson))
      )
      const docx = yield* Effect.tryPromise({
        // docx is loaded when this file is written, not when the program starts.
        try: async () => (await import("./RecommendationsDocx.js")).recommendationsDocx(draft, input.fileNames),
        catch: (cause) => new ReportError({ message: "Kunne ikke danne Word-udkastet (recommendations.docx).", path: files.recommendationsDocx, cause })
      })
      yield* fs.writeFile(files.recommendationsDocx, docx).pipe(Effect.mapError(writeError(files.recommendationsDocx)))
      if (options.deferXlsx !== true) yield* writeStatementsXlsx(input.result, files.statementsXlsx)
      return { input, metrics, draft, topics, files }
    })

    /** report.html, with the charts, once `writeDrafts` has made the rest. */
    const writeHtml = Effect.fn("ReportWriter.writeHtml")(function*(
      drafted: Effect.Effect.Success<ReturnType<typeof writeDrafts>>,
      charts: ReportInput["charts"]
    ) {
      const { input, metrics, draft, topics, files } = drafted
      const html = renderReportHtml({ ...input, charts, metrics, draft, topics })
      yield* fs.writeFileString(files.html, html).pipe(Effect.mapError(writeError(files.html)))
      return files
    })

    /** Every file of the report, the charts already drawn. */
    const write = Effect.fn("ReportWriter.write")(function*(input: ReportInput, options: { readonly deferXlsx?: boolean } = {}) {
      return yield* writeHtml(yield* writeDrafts(input, options), input.charts)
    })

    return { write, writeDrafts, writeHtml, writeStatementsXlsx, loadMetrics } as const
  })
}) {}
