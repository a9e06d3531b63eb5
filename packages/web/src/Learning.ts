import { FileSystem, Path } from "@effect/platform"
import {
  type Correction,
  learningDir,
  modelsDir,
  readCorrections,
  recordCorrections,
  themeSetKey,
  writeAtomic,
  writeCorrections
} from "@udsagn/categorize/Corrections"
import { currentLocations } from "@udsagn/domain/DataLocations"
import { type ThemeId, ThemeSet } from "@udsagn/domain/Theme"
import { Data, Effect, FiberSet, Schema } from "effect"
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import { RetrainJob } from "./RetrainWorker.js"
import { runChild } from "./TsxProcess.js"
import { WebConfig } from "./WebConfig.js"

// The web app's memory of corrections (issue 11): every correction saved in an analysis is
// kept in `<reports>/laering/corrections.json`; later analyses with the same theme set follow
// it, and a model retrained with the corrections (in a child process, never on the HTTP loop)
// is cached in `<reports>/laering/modeller/` and used once ready.

export class RetrainFailed extends Data.TaggedError("RetrainFailed")<{ readonly message: string; readonly cause?: unknown }> {}

const themeSetsDir = (path: Path.Path, dir: string) => path.join(dir, "temaer")
const encodeThemeSet = Schema.encodeSync(ThemeSet)
const decodeThemeSet = Schema.decodeUnknown(Schema.parseJson(ThemeSet))

/** Trains in a child process (its own CPU time, off the HTTP loop); the job goes in a file. */
const runWorker = (job: RetrainJob, jobFile: string) =>
  Effect.sync(() => writeFileSync(jobFile, JSON.stringify(Schema.encodeSync(RetrainJob)(job)), { mode: 0o600 })).pipe(
    Effect.zipRight(runChild("retrain", [jobFile])),
    Effect.mapError((cause) => new RetrainFailed({ message: cause.message, cause })),
    Effect.ensuring(Effect.sync(() => rmSync(jobFile, { force: true }))),
    Effect.asVoid
  )

export class Learning extends Effect.Service<Learning>()("@udsagn/web/Learning", {
  scoped: Effect.gen(function*() {
    const config = yield* WebConfig
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const dir = learningDir(path, config.reportsDir)
    const fibers = yield* FiberSet.make<unknown, unknown>()
    // One writer of corrections.json at a time (read, change, write).
    const lock = yield* Effect.makeSemaphore(1)
    let training = false
    let again = false
    let trained = 0

    const files = <A, E>(effect: Effect.Effect<A, E, FileSystem.FileSystem | Path.Path>) =>
      effect.pipe(Effect.provideService(FileSystem.FileSystem, fs), Effect.provideService(Path.Path, path))

    const list = files(readCorrections(dir))

    /** One retraining per theme set that has corrections, each in a worker thread. */
    const retrainAll = Effect.gen(function*() {
      const corrections = yield* list
      const bySet = new Map<string, Array<Correction>>()
      for (const c of corrections) bySet.set(c.themeSet, [...(bySet.get(c.themeSet) ?? []), c])
      for (const [key, set] of bySet) {
        const text = yield* fs.readFileString(path.join(themeSetsDir(path, dir), `${key}.json`))
        const themeSet = yield* decodeThemeSet(text)
        const models = modelsDir(path, dir)
        yield* Effect.sync(() => mkdirSync(models, { recursive: true }))
        const { trainingFile } = yield* currentLocations
        yield* runWorker({ themeSet, corrections: set, trainingFile, modelsDir: models }, path.join(models, `job-${key}.json`))
        trained++
      }
    })

    /**
     * Starts retraining in the background (a forked fiber waiting on a child process); when
     * corrections change while it trains, it trains once more afterwards with the newest.
     */
    const retrainSoon = Effect.suspend(() => {
      if (training) {
        again = true
        return Effect.void
      }
      training = true
      const loop: Effect.Effect<void> = Effect.suspend(() => {
        again = false
        return retrainAll.pipe(
          Effect.catchAll((e) => Effect.logWarning(`Modellen kunne ikke trænes med rettelserne: ${"message" in e ? e.message : String(e)}`)),
          Effect.flatMap(() => (again ? loop : Effect.void))
        )
      })
      return FiberSet.run(fibers, loop.pipe(Effect.ensuring(Effect.sync(() => (training = false)))))
    }).pipe(Effect.asVoid)

    const change = (f: (existing: ReadonlyArray<Correction>) => ReadonlyArray<Correction>) =>
      lock.withPermits(1)(
        Effect.gen(function*() {
          const existing = yield* list
          const next = f(existing)
          const same = JSON.stringify(next) === JSON.stringify(existing)
          if (!same) yield* files(writeCorrections(dir, next))
          return { existing, next, same }
        })
      )

    /** After an analysis' corrections are saved: its overridden statements become the memory's entries for it. */
    const record = Effect.fn("Learning.record")(function*(
      analysis: string,
      themeSet: ThemeSet,
      /** The analysis' corrected statements, with their themes now. */
      corrected: ReadonlyArray<{ readonly text: string; readonly themes: ReadonlyArray<ThemeId> }>
    ) {
      const key = themeSetKey(themeSet)
      yield* files(writeAtomic(path.join(themeSetsDir(path, dir), `${key}.json`), JSON.stringify(encodeThemeSet(themeSet))))
      const now = new Date().toISOString()
      const { same } = yield* change((existing) => recordCorrections(existing, corrected, { themeSet: key, analysis, now }))
      if (!same) yield* retrainSoon
    })

    /** Removes one correction; false when there is none with that id. */
    const remove = Effect.fn("Learning.remove")(function*(id: string) {
      const { same } = yield* change((existing) => existing.filter((c) => c.id !== id))
      if (!same) yield* retrainSoon
      return !same
    })

    return {
      dir,
      list,
      record,
      remove,
      /** Whether a retraining is running now, and how many finished since the server started. */
      status: Effect.sync(() => ({ training, trained })),
      /** The pipeline's `corrections` input for an analysis started at `before`. */
      input: (before: string) => ({ dir, before })
    } as const
  })
}) {}
