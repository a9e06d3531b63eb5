import { describeOverrideProblem, findOverrideProblem } from "@udsagn/categorize/Overrides"
import { FileSystem, Path } from "@effect/platform"
import { type CategorizedStatement, type Override, OverridesFile } from "@udsagn/domain/Categorization"
import { Cause, Deferred, Effect, type Fiber, FiberSet, Option, Schema } from "effect"
import { KEEP_DECODED_UP_TO } from "@udsagn/conference-feedback/Reaggregate"
import { AnalysisMeta, type InputFile } from "./AnalysisMeta.js"
import { AnalysisStore, baseFile, overridesFile } from "./AnalysisStore.js"
import { type AnalyzeError, Analyzer, type RunOutput, type Stage } from "./Analyzer.js"
import { type AnalysisId, newRunId, type RunId } from "./Ids.js"
import { Learning } from "./Learning.js"
import { encodeLeftOut, leftOutAfter, leftOutFile, readLeftOut, type StatementText } from "./LeftOut.js"
import { analysisRemoval } from "./Removal.js"
import { type Sources, sourcePaths, sourcesOf } from "./UploadSources.js"
import { WebConfig } from "./WebConfig.js"

import {
  AnalysisFailed,
  type EventDetails,
  internalMessage,
  internalTags,
  interruptedMessage,
  InvalidOverrides,
  type JobState,
  maxRemembered,
  metaFromOutput,
  type StagedUpload,
  UnknownAnalysis,
  unknownIdsMessage,
  userMessage
} from "./AnalysisJobs.js"

export * from "./AnalysisJobs.js"

/** Runs analyses in the background, one line of work per analysis, a few at a time. */
export class Analyses extends Effect.Service<Analyses>()("@udsagn/web/Analyses", {
  scoped: Effect.gen(function*() {
    const store = yield* AnalysisStore
    const analyzer = yield* Analyzer
    const learning = yield* Learning
    const config = yield* WebConfig
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const fibers = yield* FiberSet.make<unknown, unknown>()
    const permits = yield* Effect.makeSemaphore(config.concurrency)
    const jobs = new Map<AnalysisId, JobState>()
    /** New analyses running in the background, so a deletion can stop them first. */
    const running = new Map<AnalysisId, Fiber.RuntimeFiber<unknown, unknown>>()
    const locks = new Map<AnalysisId, Effect.Semaphore>()

    const setJob = (id: AnalysisId, state: JobState) => {
      jobs.delete(id)
      jobs.set(id, state)
      // Forget the oldest entries: finished analyses live on disk, and a failure only
      // needs to be shown to the person who is waiting for it.
      while (jobs.size > maxRemembered) {
        const oldest = jobs.keys().next().value
        if (oldest === undefined) break
        jobs.delete(oldest)
      }
    }

    const lockFor = (id: AnalysisId) => {
      const existing = locks.get(id)
      if (existing) return existing
      const lock = Effect.unsafeMakeSemaphore(1)
      locks.set(id, lock)
      return lock
    }

    /** One pipeline pass into `runs/<run>`; the folder is removed again if it fails. */
    const runPipeline = (
      folder: string,
      inputs: Sources & {
        readonly inputFile: InputFile
        readonly themesFile: string | undefined
        readonly overridesPath: string | undefined
        readonly sourceName: string
        /** When the analysis was started: it learns from the corrections saved before. */
        readonly startedAt: string
        readonly title?: string | undefined; readonly date?: string | undefined
      },
      onProgress: (stage: Stage, message: string) => void,
      /** A saved correction on the stored categorization (the file is not read again), from this run folder. */
      again?: { readonly previousRun: RunId }
    ) =>
      Effect.gen(function*() {
        const run = newRunId()
        const outDir = path.join(folder, "runs", run)
        yield* fs.makeDirectory(outDir, { recursive: true }).pipe(
          Effect.mapError((cause) => new AnalysisFailed({ kind: "internal", message: internalMessage, cause }))
        )
        const basePath = path.join(folder, baseFile)
        const work: Effect.Effect<RunOutput & { readonly rows?: ReadonlyArray<CategorizedStatement> }, AnalyzeError> =
          again !== undefined && inputs.overridesPath !== undefined
          ? analyzer.reaggregate({
            basePath,
            overridesPath: inputs.overridesPath,
            outDir,
            previousDir: path.join(folder, "runs", again.previousRun),
            ...(inputs.title !== undefined ? { title: inputs.title } : {}),
            ...(inputs.date !== undefined ? { date: inputs.date } : {})
          })
          : analyzer.analyze(
            {
              input: path.join(folder, inputs.inputFile),
              ...sourcePaths(path, folder, inputs),
              outDir,
              basePath,
              downloadNames: true,
              // statements.xlsx and the PNGs are made at their first download: the report is there sooner.
              defer: true,
              ...(inputs.themesFile !== undefined ? { themesPath: path.join(folder, inputs.themesFile) } : {}),
              ...(inputs.overridesPath !== undefined ? { overridesPath: inputs.overridesPath } : {}),
              ...(inputs.title !== undefined ? { title: inputs.title } : {}),
              ...(inputs.date !== undefined ? { date: inputs.date } : {}),
              corrections: learning.input(inputs.startedAt)
            },
            onProgress
          )
        const out = yield* work.pipe(
          // Writing, drawing and report failures are ours, not the user's file (and may name server paths).
          Effect.mapError((e) =>
            internalTags.has(e._tag)
              ? new AnalysisFailed({ kind: "internal", message: internalMessage, cause: e })
              : new AnalysisFailed({
                kind: "input",
                // An ingest error words itself with the name the user knows; the rest (theme and
                // override files) may name server paths, which are taken out.
                message: e.describe !== undefined ? e.describe(inputs.sourceName) : userMessage(e.message, folder, inputs),
                cause: e
              })
          ),
          Effect.catchAllDefect((cause) =>
            Effect.fail(new AnalysisFailed({ kind: "internal", message: internalMessage, cause }))
          ),
          // The run's folder and the pipeline's own temp folder beside it (`.<run>-XXXX`, left
          // when the child process was killed).
          Effect.tapError(() =>
            Effect.zipRight(
              store.remove(outDir),
              fs.readDirectory(path.join(folder, "runs")).pipe(
                Effect.flatMap((names) =>
                  Effect.forEach(names.filter((n) => n.startsWith(`.${run}-`)), (n) => store.remove(path.join(folder, "runs", n)), { discard: true })
                ),
                Effect.ignore
              )
            )
          )
        )
        // The pipeline opens its output folder to everyone (0755); here it holds personal data.
        yield* fs.chmod(outDir, 0o700).pipe(Effect.ignore)
        const onDisk = yield* store.listFiles(outDir).pipe(
          Effect.mapError((cause) => new AnalysisFailed({ kind: "internal", message: cause.message, cause }))
        )
        // With the files left for their first download (`complete`), which the pipeline lists too.
        const named = out.files.map((f) => path.relative(outDir, f)).filter((f) => !f.startsWith(".."))
        const later = yield* Effect.filter(named, (f) => Effect.map(fs.exists(path.join(outDir, f)), (there) => !there).pipe(Effect.orElseSucceed(() => false)))
        const files = [...new Set([...onDisk, ...later.map((f) => f.split(path.sep).join("/"))])].sort()
        return { run, out, files }
      })

    const asFailure = (cause: Cause.Cause<AnalysisFailed | { readonly message: string }>): AnalysisFailed => {
      const failure = Cause.failureOption(cause)
      if (failure._tag === "Some") {
        const e = failure.value
        return e instanceof AnalysisFailed ? e : new AnalysisFailed({ kind: "internal", message: e.message, cause: e })
      }
      return new AnalysisFailed({ kind: "internal", message: internalMessage, cause })
    }

    /** Starts a new analysis in the background; the deferred completes when it is listed. */
    const start = Effect.fn("Analyses.start")(
      function*(upload: StagedUpload) {
        const done = yield* Deferred.make<AnalysisMeta, AnalysisFailed>()
        const startedAt = new Date().toISOString()
        setJob(upload.id, { state: "queued" })
        const work = Effect.gen(function*() {
          setJob(upload.id, { state: "running", stage: "ingest", message: "" })
          const { files, out, run } = yield* runPipeline(
            upload.folder,
            { ...upload, overridesPath: undefined, startedAt },
            (stage, message) => setJob(upload.id, { state: "running", stage, message })
          )
          const now = new Date().toISOString()
          const meta = metaFromOutput(
            {
              id: upload.id,
              createdAt: now,
              sourceName: upload.sourceName,
              inputFile: upload.inputFile,
              ...sourcesOf(upload),
              ...(upload.themesFile !== undefined ? { themesFile: upload.themesFile } : {})
            },
            run,
            out,
            files,
            0
          )
          yield* store.writeMeta(upload.folder, meta)
          yield* store.publish(upload.id, upload.folder)
          return meta
        }).pipe(
          permits.withPermits(1),
          Effect.catchAllCause((cause) => Effect.fail(asFailure(cause))),
          Effect.tapError((error) =>
            Effect.zipRight(
              Effect.zipRight(store.remove(upload.folder), store.recordFailure(upload.id, error)),
              error.kind === "internal" ? Effect.logError("Analysen fejlede", error.cause) : Effect.void
            )
          ),
          Effect.onExit((exit) =>
            Effect.sync(() => {
              if (exit._tag === "Success") setJob(upload.id, { state: "finished" })
              else {
                const failure = Cause.failureOption(exit.cause)
                setJob(upload.id, {
                  state: "failed",
                  error: failure._tag === "Some"
                    ? failure.value
                    : new AnalysisFailed({ kind: "internal", message: internalMessage })
                })
              }
            })
          ),
          Effect.intoDeferred(done)
        )
        const fiber = yield* FiberSet.run(fibers, work.pipe(Effect.ensuring(Effect.sync(() => running.delete(upload.id)))))
        running.set(upload.id, fiber)
        return done
      }
    )

    /** What this server knows of a running or failed analysis; one cut short by a restart is failed. */
    const status = (id: AnalysisId) =>
      Effect.gen(function*() {
        const job = jobs.get(id)
        if (job !== undefined) return job
        const failed = yield* store.failure(id)
        if (failed._tag === "None") return undefined
        const error = failed.value === "interrupted"
          ? new AnalysisFailed({ kind: "input", message: interruptedMessage })
          : new AnalysisFailed({ kind: failed.value.kind, message: failed.value.message })
        return { state: "failed", error } satisfies JobState
      })

    /** Saves corrections and makes the report again with them; the old outputs stay until the new ones are in place. */
    const saveUnlocked = Effect.fn("Analyses.saveUnlocked")(
      function*(id: AnalysisId, overrides: ReadonlyArray<Override>, details?: EventDetails) {
        const meta = yield* store.readMeta(id).pipe(
          Effect.flatMap((m) => m._tag === "Some" ? Effect.succeed(m.value) : Effect.fail(new UnknownAnalysis({ id })))
        )
        // The one validity check of corrections (categorize's), as for an overrides file.
        const problem = findOverrideProblem(overrides, meta.themeLabels.map((t) => t.id))
        if (problem) return yield* new InvalidOverrides({ message: describeOverrideProblem(problem) })
        // A correction for a statement the analysis does not have would be kept and never applied.
        const withId = overrides.flatMap((o) => o.id !== undefined ? [o.id] : [])
        // Statements left out earlier are not in the outputs but are still the analysis' own.
        const leftOut = yield* readLeftOut(fs, path, store.dir(id))
        let current: ReadonlyArray<StatementText> = []
        if (withId.length > 0) {
          const rows = yield* store.readStatementTexts(meta).pipe(
            Effect.mapError((cause) => new AnalysisFailed({ kind: "internal", message: internalMessage, cause }))
          )
          const known = new Set<string>([...rows.map((r) => r.id), ...leftOut.map((r) => r.id)])
          const unknown = [...new Set(withId.filter((id) => !known.has(id)))]
          if (unknown.length > 0) return yield* new InvalidOverrides({ message: unknownIdsMessage(unknown) })
          current = rows
        }
        const folder = store.dir(id)
        const finalPath = path.join(folder, overridesFile)
        const pendingPath = path.join(folder, `overrides.pending-${crypto.randomUUID().slice(0, 8)}.json`)
        yield* store.writeJsonAtomic(pendingPath, Schema.encodeSync(OverridesFile)(overrides))
        // The categorizer's result is kept beside the upload: a correction is applied to it in
        // about a second. Analyses made before it was kept are run once more in full (and keep it).
        const stored = yield* fs.exists(path.join(folder, baseFile)).pipe(Effect.orElseSucceed(() => false))
        const { files, out, run } = yield* runPipeline(
          folder,
          {
            inputFile: meta.inputFile,
            ...sourcesOf(meta),
            themesFile: meta.themesFile,
            overridesPath: pendingPath,
            sourceName: meta.sourceName,
            startedAt: meta.createdAt,
            // The title and date stay as they are unless this save changes them.
            title: details?.title ?? meta.title,
            date: details?.date ?? meta.date
          },
          () => {},
          stored ? { previousRun: meta.run } : undefined
        ).pipe(
          // A full run waits its turn with the uploads; applying a correction needs no child process.
          stored ? (e) => e : permits.withPermits(1),
          Effect.tapError(() => store.remove(pendingPath))
        )
        yield* store.writeJsonAtomic(path.join(folder, leftOutFile), encodeLeftOut(leftOutAfter(leftOut, current, overrides)))
        yield* fs.rename(pendingPath, finalPath).pipe(Effect.mapError((cause) => new AnalysisFailed({ kind: "internal", message: internalMessage, cause })))
        const next = metaFromOutput(meta, run, out, files, overrides.length)
        yield* store.writeMeta(folder, next)
        // The review page a person sees next reads these statements: no need to decode them again.
        if (out.rows !== undefined) yield* store.keepStatements(next, out.rows)
        // The corrections become the memory later analyses learn from; failing that must not undo the save.
        yield* learning.record(id, out.themeSet, out.corrected).pipe(
          Effect.catchAll((e) => Effect.logWarning(`Rettelserne kunne ikke gemmes til læring: ${e.message}`))
        )
        // Drop the earlier run and anything a crashed run left beside it.
        const runsDir = path.join(folder, "runs")
        const leftovers = yield* fs.readDirectory(runsDir).pipe(Effect.orElseSucceed((): ReadonlyArray<string> => []))
        yield* Effect.forEach(leftovers.filter((name) => name !== run), (name) => store.remove(path.join(runsDir, name)), { discard: true })
        return next
      }
    )

    // One correction at a time per analysis: each run starts from the last one's outputs.
    const saveOverrides = (id: AnalysisId, overrides: ReadonlyArray<Override>) =>
      lockFor(id).withPermits(1)(saveUnlocked(id, overrides))

    /**
     * Read, change and save the corrections as one step under the analysis' lock, so two
     * people saving at once both keep their changes (the second builds on the first's).
     * `change` gets the current analysis and corrections and returns the new corrections,
     * or `undefined` when nothing changed (then nothing is run).
     */
    const updateOverrides = <E, R>(
      id: AnalysisId,
      change: (meta: AnalysisMeta, existing: ReadonlyArray<Override>) => Effect.Effect<ReadonlyArray<Override> | undefined, E, R>
    ) =>
      lockFor(id).withPermits(1)(
        Effect.gen(function*() {
          const before = yield* store.readMeta(id).pipe(
            Effect.flatMap((m) => m._tag === "Some" ? Effect.succeed(m.value) : Effect.fail(new UnknownAnalysis({ id })))
          )
          const existing = yield* store.readOverrides(id)
          const overrides = yield* change(before, existing)
          if (overrides === undefined) return { before, after: undefined }
          const after = yield* saveUnlocked(id, overrides)
          return { before, after }
        })
      )

    /** A new title or date: the report, drafts and download names are made again with it. */
    const saveDetails = (id: AnalysisId, details: EventDetails) =>
      lockFor(id).withPermits(1)(Effect.flatMap(store.readOverrides(id), (existing) => saveUnlocked(id, existing, details)))

    const remove = analysisRemoval({ store, jobs, running, lockFor, fs, path })


    /**
     * Makes the files a saved correction left for their first download (statements.xlsx, the PNGs
     * of the charts drawn anew; only `wanted` when given), under
     * the analysis' lock so they are made with the corrections of the run they belong to.
     */
    const complete = (meta: AnalysisMeta, wanted?: string) =>
      lockFor(meta.id).withPermits(1)(
        Effect.gen(function*() {
          // A save may have finished since `meta` was read: its run is the one to serve.
          const current = Option.getOrElse(yield* store.readMeta(meta.id), () => meta)
          const folder = store.dir(current.id)
          const outDir = store.runDir(current.id, current.run)
          const missing = yield* Effect.filter(current.files.filter((f) => wanted === undefined || f === wanted), (f) => Effect.map(fs.exists(path.join(outDir, f)), (ok) => !ok))
          if (missing.length > 0) {
            yield* analyzer.complete({ basePath: path.join(folder, baseFile), overridesPath: path.join(folder, overridesFile), outDir, wanted })
          }
          return current
        }).pipe(
          Effect.catchAllCause((cause) => Effect.fail(new AnalysisFailed({ kind: "internal", message: internalMessage, cause })))
        )
      )


    /**
     * A person opened the review page: the stored categorization is read and its words counted
     * in the background (once the page is on its way), so their first save is as quick as the next.
     * Only for analyses of a size kept between saves (KEEP_DECODED_UP_TO): reading a larger one
     * would hold up the server's other answers for seconds while nobody has saved yet.
     */
    const prepareSave = (meta: AnalysisMeta) =>
      meta.statements > KEEP_DECODED_UP_TO
        ? Effect.void
        : Effect.forkDaemon(Effect.sleep("200 millis").pipe(Effect.zipRight(analyzer.prepareCorrections(path.join(store.dir(meta.id), baseFile))))).pipe(
          Effect.asVoid
        )

    return { start, status, saveOverrides, updateOverrides, saveDetails, remove, complete, prepareSave } as const
  })
}) {}

