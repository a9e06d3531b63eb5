import { CorrectionsUsed } from "@udsagn/categorize/Corrections"
import { ConferenceFeedback } from "@udsagn/conference-feedback/ConferenceFeedback"
import { CategorizedResult } from "@udsagn/domain/Analysis"
import { Summary } from "@udsagn/domain/Summary"
import { TopicsFile } from "@udsagn/domain/Topics"
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

/** The parts of the pipeline's output the web app reads. */
export const AnalyzeDone = Schema.Struct({
  outDir: Schema.String,
  reportPath: Schema.String,
  result: CategorizedResult,
  summary: Summary,
  files: Schema.Array(Schema.String),
  topics: TopicsFile,
  charts: Schema.optional(Schema.Array(Schema.Struct({ name: Schema.String, title: Schema.String }))),
  corrections: Schema.optional(CorrectionsUsed)
})

/** The file's name in an ingest error's text, put back by the server (it knows the user's name). */
export const nameMark = "\u0001FILE\u0001"

export const WorkerMessage = Schema.Union(
  Schema.Struct({ progress: Schema.String, message: Schema.String }),
  Schema.Struct({ done: AnalyzeDone }),
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
    say({
      done: {
        outDir: out.outDir,
        reportPath: out.reportPath,
        result: out.result,
        summary: out.summary,
        files: out.files,
        topics: out.topics,
        ...(out.charts !== undefined ? { charts: out.charts } : {}),
        ...(out.corrections !== undefined ? { corrections: out.corrections } : {})
      }
    })
  }).pipe(
    Effect.catchAll((e) =>
      Effect.sync(() =>
        say({ failed: { tag: e._tag, message: e.message, ...(isIngestError(e) ? { described: e.describe(nameMark) } : {}) } })
      )
    )
  )
