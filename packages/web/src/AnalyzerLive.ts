import * as NodeContext from "@effect/platform-node/NodeContext"
import { ConferenceFeedback } from "@udsagn/conference-feedback/ConferenceFeedback"
import { Reaggregate } from "@udsagn/conference-feedback/Reaggregate"
import { Duration, Effect, Layer, Schema } from "effect"
import { rmSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { type AnalyzeError, type AnalyzeInput, Analyzer, type ReaggregateInput, type RunOutput, type Stage, stages } from "./Analyzer.js"
import { AnalyzeJob, nameMark, runOutputOf, WorkerMessage } from "./AnalyzeWorker.js"
import { prestartChild, runChild } from "./TsxProcess.js"
import { WebConfig } from "./WebConfig.js"

/** The real pipeline in this process (tests, scripts): no time or memory limit. */
export const AnalyzerInProcess = Layer.effect(
  Analyzer,
  Effect.gen(function*() {
    const pipeline = yield* ConferenceFeedback
    const again = yield* Reaggregate
    return Analyzer.of({
      analyze: (input, onProgress) => Effect.map(pipeline.analyze(input, onProgress), runOutputOf),
      reaggregate: reaggregateWith(again),
      complete: again.complete,
      prepareCorrections: again.prepare
    })
  })
).pipe(
  Layer.provide(Layer.merge(ConferenceFeedback.Default, Reaggregate.Default)),
  Layer.provide(NodeContext.layer)
)

/** A saved correction in this process: only our own stored files are read, and it is quick. */
const reaggregateWith = (again: Reaggregate) => (input: ReaggregateInput) =>
  Effect.map(again.run(input), ({ drawn, output }) => ({ ...runOutputOf(output), drawn, rows: output.result.statements }))

const decodeMessage = Schema.decodeUnknownOption(Schema.parseJson(WorkerMessage))
const isStage = (s: string): s is Stage => stages.some((x) => x.stage === s)

export const timedOutMessage = (ms: number) =>
  `Analysen tog mere end ${Math.round(ms / 60000) || 1} minut(ter) og blev stoppet. ` +
  "Analysen fejlede – prøv at uploade filen igen; sker det igen, er filen måske for stor eller usædvanlig."
export const crashedMessage =
  "Analysen fejlede (den stoppede uventet eller brugte for meget hukommelse) – prøv at uploade filen igen; " +
  "sker det igen, er filen måske for stor eller usædvanlig."

/**
 * Each analysis in its own child process (`bin/analyze.ts`, compiled in a build), with a time limit and a heap
 * limit from `WebConfig`: a hostile file can use up its own process, never the server's HTTP
 * loop, and a run past its time is killed.
 */
export const AnalyzerInChild = Layer.effect(
  Analyzer,
  Effect.map(Effect.zip(WebConfig, Reaggregate), ([config, again]) => {
    return Analyzer.of({
      reaggregate: reaggregateWith(again),
      complete: again.complete,
      prepareCorrections: again.prepare,
      analyze: (input: AnalyzeInput, onProgress?: (stage: Stage, message: string) => void) =>
        Effect.gen(function*() {
          const job: AnalyzeJob = {
            input: input.input,
            ...(input.moreInputs !== undefined ? { moreInputs: input.moreInputs } : {}),
            ...(input.notes !== undefined ? { notes: input.notes } : {}),
            outDir: input.outDir,
            ...(input.themesPath !== undefined ? { themesPath: input.themesPath } : {}),
            ...(input.overridesPath !== undefined ? { overridesPath: input.overridesPath } : {}),
            ...(input.title !== undefined ? { title: input.title } : {}),
            ...(input.date !== undefined ? { date: input.date } : {}),
            ...(input.basePath !== undefined ? { basePath: input.basePath } : {}),
            ...(input.downloadNames !== undefined ? { downloadNames: input.downloadNames } : {}),
            ...(input.defer !== undefined ? { defer: input.defer } : {}),
            ...(input.corrections !== undefined
              ? { corrections: { dir: input.corrections.dir, ...(input.corrections.before !== undefined ? { before: input.corrections.before } : {}) } }
              : {})
          }
          // Beside the run's folder (private, removed with the analysis), never inside it.
          const jobFile = join(dirname(input.outDir), `.job-${crypto.randomUUID().slice(0, 8)}.json`)
          let answer: WorkerMessage | undefined
          const onLine = (line: string) => {
            const message = decodeMessage(line)
            if (message._tag === "None") return
            const m = message.value
            if ("progress" in m) {
              if (isStage(m.progress)) onProgress?.(m.progress, m.message)
            } else answer = m
          }
          yield* Effect.sync(() => writeFileSync(jobFile, JSON.stringify(Schema.encodeSync(AnalyzeJob)(job)), { mode: 0o600 }))
          const ran = yield* runChild("analyze", [jobFile], { maxOldSpaceMb: config.analysisMemoryMb, onLine }).pipe(
            Effect.timeoutFail({
              duration: Duration.millis(config.analysisTimeoutMs),
              onTimeout: (): AnalyzeError => ({ _tag: "AnalysisTimedOut", message: timedOutMessage(config.analysisTimeoutMs) })
            }),
            Effect.mapError((e): AnalyzeError => e._tag === "ChildFailed" ? { _tag: "AnalysisCrashed", message: crashedMessage } : e),
            Effect.ensuring(Effect.sync(() => rmSync(jobFile, { force: true }))),
            Effect.either
          )
          if (ran._tag === "Left") return yield* Effect.fail(ran.left)
          const got = answer as WorkerMessage | undefined
          if (got !== undefined && "done" in got) return got.done satisfies RunOutput
          if (got !== undefined && "failed" in got) {
            const { described, message, tag } = got.failed
            const error: AnalyzeError = {
              _tag: tag,
              message,
              ...(described !== undefined ? { describe: (name: string) => described.split(nameMark).join(name) } : {})
            }
            return yield* Effect.fail(error)
          }
          return yield* Effect.fail<AnalyzeError>({ _tag: "AnalysisCrashed", message: crashedMessage })
        })
    })
  })
).pipe(
  Layer.provide(Reaggregate.Default),
  Layer.provide(NodeContext.layer)
)

/** The real pipeline behind the web app, self-contained (tests, scripts), in this process. */
export const AnalyzerLive = AnalyzerInProcess

/**
 * Starts the first upload's analysis process ahead (compiled builds; see TsxProcess.ts), called
 * once the server listens: a person's first upload then finds it loaded and, given the few
 * seconds it takes to pick a file, warmed up.
 */
export const startAnalysisAhead = Effect.map(WebConfig, (config) => prestartChild("analyze", config.analysisMemoryMb))
