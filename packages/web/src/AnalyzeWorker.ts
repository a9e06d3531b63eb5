import { CorrectionsUsed } from "@udsagn/categorize/Corrections"
import { type AnalyzeOutput, ConferenceFeedback } from "@udsagn/conference-feedback/ConferenceFeedback"
import { EventInfo } from "@udsagn/domain/Analysis"
import { Summary } from "@udsagn/domain/Summary"
import { ThemeId, ThemeSet } from "@udsagn/domain/Theme"
import { Candidate } from "@udsagn/domain/Topics"
import { languageOf, uncertainPlacement } from "@udsagn/report/ReportModel"
import { isIngestError } from "@udsagn/ingest/IngestError"
import { Effect, Schema } from "effect"

// What the child process that runs one analysis does (see AnalyzerLive.ts): the pipeline's CPU
// and memory are this process', never the server's, and it can be killed. It answers on stdout,
// one JSON message a line: progress, then the result or the failure.

export const AnalyzeJob = Schema.Struct({
  input: Schema.String,
  moreInputs: Schema.optional(Schema.Array(Schema.String)),
  notes: Schema.optional(Schema.Array(Schema.String)),
  outDir: Schema.String,
  themesPath: Schema.optional(Schema.String),
  overridesPath: Schema.optional(Schema.String),
  title: Schema.optional(Schema.String),
  date: Schema.optional(Schema.String),
  basePath: Schema.optional(Schema.String),
  downloadNames: Schema.optional(Schema.Boolean),
  defer: Schema.optional(Schema.Boolean),
  corrections: Schema.optional(Schema.Struct({ dir: Schema.String, before: Schema.optional(Schema.String) }))
})
export type AnalyzeJob = typeof AnalyzeJob.Type

/**
 * What the web app reads of a finished run (`runOutputOf` the pipeline's output): its files and
 * figures, not its statements. The child process sends it to the server as one line: with the
 * statements in it, at 10,000 of them the server spent most of a second decoding the line.
 */
export const RunOutput = Schema.Struct({
  outDir: Schema.String,
  reportPath: Schema.String,
  summary: Summary,
  files: Schema.Array(Schema.String),
  event: EventInfo,
  themeSet: ThemeSet,
  /** How many statements; how many placed with low confidence, as the report counts them. */
  statements: Schema.Number,
  needsReview: Schema.Number,
  /** Whether the answers look Danish (`languageOf`). */
  language: Schema.Struct({ warning: Schema.Boolean, danishShare: Schema.Number }),
  /** The statements a reviewer corrected, with their themes: what the memory of corrections learns from. */
  corrected: Schema.Array(Schema.Struct({ text: Schema.String, themes: Schema.Array(ThemeId) })),
  /** Candidate new themes (topics.json's). */
  candidates: Schema.Array(Candidate),
  charts: Schema.optional(Schema.Array(Schema.Struct({ name: Schema.String, title: Schema.String }))),
  corrections: Schema.optional(CorrectionsUsed)
})
export type RunOutput = typeof RunOutput.Type

/** What the web app reads of a run of the pipeline (see RunOutput). */
export const runOutputOf = (out: AnalyzeOutput): RunOutput => {
  const { result } = out
  const language = languageOf(result)
  return {
    outDir: out.outDir,
    reportPath: out.reportPath,
    summary: out.summary,
    files: out.files,
    event: result.event,
    themeSet: result.themeSet,
    statements: result.statements.length,
    needsReview: result.statements.filter(uncertainPlacement).length,
    language: { warning: language.warning, danishShare: language.danishShare },
    corrected: result.statements.filter((s) => s.overridden).map((s) => ({ text: s.text, themes: s.themes })),
    candidates: out.topics.candidates,
    ...(out.charts !== undefined ? { charts: out.charts } : {}),
    ...(out.corrections !== undefined ? { corrections: out.corrections } : {})
  }
}

/** The file's name in an ingest error's text, put back by the server (it knows the user's name). */
export const nameMark = "\u0001FILE\u0001"

export const WorkerMessage = Schema.Union(
  Schema.Struct({ progress: Schema.String, message: Schema.String }),
  Schema.Struct({ done: RunOutput }),
  Schema.Struct({ failed: Schema.Struct({ tag: Schema.String, message: Schema.String, described: Schema.optional(Schema.String) }) })
)
export type WorkerMessage = typeof WorkerMessage.Type
const encodeMessage = Schema.encodeSync(WorkerMessage)

const say = (message: WorkerMessage) => process.stdout.write(JSON.stringify(encodeMessage(message)) + "\n")

/** Runs one job, answering on stdout (see bin/analyze.ts, the child's entry). */
export const analyze = (job: AnalyzeJob) =>
  Effect.gen(function*() {
    const pipeline = yield* ConferenceFeedback
    const out = yield* pipeline.analyze(job, (progress, message) => say({ progress, message }))
    say({ done: runOutputOf(out) })
  }).pipe(
    Effect.catchAll((e) =>
      Effect.sync(() =>
        say({ failed: { tag: e._tag, message: e.message, ...(isIngestError(e) ? { described: e.describe(nameMark) } : {}) } })
      )
    )
  )
