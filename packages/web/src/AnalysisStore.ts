import { maskPersonalData } from "@udsagn/ingest/Mask"
import { FileSystem, Path } from "@effect/platform"
import type { PlatformError } from "@effect/platform/Error"
import { OverridesFile, StatementsFile } from "@udsagn/domain/Categorization"
import type { Override, CategorizedStatement } from "@udsagn/domain/Categorization"
import { Summary } from "@udsagn/domain/Summary"
import { Data, Effect, Option, Schema } from "effect"
import { AnalysisMeta, AnalysisMetaJson } from "./AnalysisMeta.js"
import { type AnalysisId, isAnalysisId, type RunId } from "./Ids.js"
import { WebConfig } from "./WebConfig.js"

export class StorageError extends Data.TaggedError("StorageError")<{
  readonly cause: unknown
  readonly action: string
}> {
  override get message() {
    return `Analysen kunne ikke gemmes eller læses på disken (${this.action}). Tjek at der er plads, og prøv igen.`
  }
}

const tmpPrefix = ".tmp-"
const decodeKeys = Schema.decodeUnknown(Schema.parseJson(Schema.Array(Schema.Struct({ id: Schema.String, themes: Schema.Array(Schema.String) }))))
const decodeTexts = Schema.decodeUnknown(Schema.parseJson(Schema.Array(Schema.Struct({ id: Schema.String, question: Schema.String, text: Schema.String }))))
/** The most statements `readStatements` keeps decoded between two pages (one run). */
export const KEEP_STATEMENTS_UP_TO = 20_000
/** `.failed-<id>`: an analysis that was running when the server stopped. */
const failedPrefix = ".failed-"
export const overridesFile = "overrides.json"
/** The categorizer's result before corrections (see `Reaggregate`): never served, removed with the analysis. */
export const baseFile = "categorized.json"

/**
 * Analyses on disk: `<reportsDir>/<id>/` holds the input file, `overrides.json`,
 * `runs/<run>/` (the pipeline's outputs) and `analysis.json`. New analyses are built in a
 * `.tmp-<id>` folder and renamed into place when finished; files are written to a temp
 * name and renamed, so readers never see half a file.
 */
export class AnalysisStore extends Effect.Service<AnalysisStore>()("@udsagn/web/AnalysisStore", {
  effect: Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const config = yield* WebConfig
    const root = path.resolve(config.reportsDir)

    const fail = (action: string) => (cause: PlatformError | unknown) => new StorageError({ cause, action })

    const readMetaAt = (folder: string) =>
      fs.readFileString(path.join(folder, "analysis.json")).pipe(
        Effect.flatMap(Schema.decode(AnalysisMetaJson)),
        Effect.option
      )

    const remove = (folder: string) => fs.remove(folder, { recursive: true }).pipe(Effect.ignore)

    /** In a published analysis: corrections never applied, runs that are not the current one, job files. */
    const removeLeftovers = (folder: string) =>
      Effect.gen(function*() {
        const meta = yield* readMetaAt(folder)
        const names = yield* fs.readDirectory(folder)
        for (const name of names.filter((n) => n.startsWith("overrides.pending-"))) yield* remove(path.join(folder, name))
        if (Option.isNone(meta)) return
        const runs = path.join(folder, "runs")
        const inRuns = yield* fs.readDirectory(runs).pipe(Effect.orElseSucceed((): ReadonlyArray<string> => []))
        for (const name of inRuns.filter((n) => n !== meta.value.run)) yield* remove(path.join(runs, name))
      })

    process.umask(0o077)
    yield* fs.makeDirectory(root, { recursive: true }).pipe(Effect.mapError(fail("opret mappe")))

    // Only the server's user may read the analyses (raw uploads hold personal data): everything
    // this process and its children write is created 0700 (folders) / 0600 (files) (umask above).
    yield* fs.chmod(root, 0o700).pipe(Effect.ignore)

    // Leftovers from a crash or a restart mid-run: a half-built analysis (its raw upload
    // included) is removed and remembered as interrupted, so its address answers "failed,
    // upload again" instead of 404; pending corrections and unfinished runs are removed.
    yield* Effect.gen(function*() {
      const names = yield* fs.readDirectory(root)
      for (const name of names) {
        const full = path.join(root, name)
        if (name.startsWith(tmpPrefix)) {
          yield* fs.remove(full, { recursive: true })
          const id = name.slice(tmpPrefix.length)
          if (isAnalysisId(id)) yield* fs.writeFileString(path.join(root, `${failedPrefix}${id}`), "", { mode: 0o600 })
        } else if (isAnalysisId(name)) {
          yield* removeLeftovers(full)
        }
      }
    }).pipe(Effect.catchAll((e) => Effect.logWarning("Kunne ikke rydde gamle midlertidige mapper op", e)))

    const dir = (id: AnalysisId) => path.join(root, id)
    const runDir = (id: AnalysisId, run: RunId) => path.join(root, id, "runs", run)

    const writeAtomic = (file: string, content: string | Uint8Array) => {
      const tmp = `${file}.tmp-${crypto.randomUUID().slice(0, 8)}`
      const write = typeof content === "string" ? fs.writeFileString(tmp, content) : fs.writeFile(tmp, content)
      return write.pipe(
        Effect.zipRight(fs.rename(tmp, file)),
        Effect.tapError(() => fs.remove(tmp).pipe(Effect.ignore)),
        Effect.mapError(fail(`skriv ${path.basename(file)}`))
      )
    }

    const writeJsonAtomic = (file: string, value: unknown) => writeAtomic(file, JSON.stringify(value, null, 2) + "\n")

    const readMeta = (id: AnalysisId) => readMetaAt(dir(id))

    const writeMeta = (folder: string, meta: AnalysisMeta) =>
      writeJsonAtomic(path.join(folder, "analysis.json"), Schema.encodeSync(AnalysisMeta)(meta))

    const list = Effect.gen(function*() {
      const names = yield* fs.readDirectory(root).pipe(Effect.mapError(fail("læs mappe")))
      const metas = yield* Effect.forEach(names.filter(isAnalysisId), (id) => readMeta(id), { concurrency: 8 })
      return metas
        .flatMap((m) => Option.isSome(m) ? [m.value] : [])
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    })

    /** A fresh, unlisted folder to build a new analysis in. */
    const stage = (id: AnalysisId) => {
      const folder = path.join(root, `${tmpPrefix}${id}`)
      return fs.makeDirectory(folder, { recursive: true }).pipe(Effect.as(folder), Effect.mapError(fail("opret mappe")))
    }

    const publish = (id: AnalysisId, staged: string) => fs.rename(staged, dir(id)).pipe(Effect.mapError(fail("gem analysen")))

    // The statements of the run a person is reviewing, as its save made them (or as first read),
    // while its statements.json is as it was then: the review page after a save, and the pages
    // after it, need no decode of the whole file. One run, of a size people review here.
    let kept: { readonly file: string; readonly version: string; readonly rows: ReadonlyArray<CategorizedStatement> } | undefined
    const statementsFile = (meta: AnalysisMeta) => path.join(runDir(meta.id, meta.run), "statements.json")
    const versionOf = (file: string) =>
      fs.stat(file).pipe(
        Effect.map((info) => `${Option.getOrElse(info.mtime, () => new Date(0)).getTime()}:${info.size}`),
        Effect.orElseSucceed(() => undefined)
      )
    const keptRows = (file: string, version: string | undefined) =>
      kept !== undefined && version !== undefined && kept.file === file && kept.version === version ? kept.rows : undefined
    const keep = (file: string, version: string | undefined, rows: ReadonlyArray<CategorizedStatement>) => {
      kept = version !== undefined && rows.length <= KEEP_STATEMENTS_UP_TO ? { file, version, rows } : undefined
    }

    const readStatements = (meta: AnalysisMeta) =>
      Effect.gen(function*() {
        const file = statementsFile(meta)
        const version = yield* versionOf(file)
        const hit = keptRows(file, version)
        if (hit !== undefined) return hit
        const rows: ReadonlyArray<CategorizedStatement> = yield* fs.readFileString(file).pipe(
          Effect.flatMap(Schema.decode(Schema.parseJson(StatementsFile))),
          Effect.mapError(fail("læs statements.json"))
        )
        keep(file, version, rows)
        return rows
      })

    /** The statements a run wrote to its statements.json (a save's, in this process): kept for the pages that read them next. */
    const keepStatements = (meta: AnalysisMeta, rows: ReadonlyArray<CategorizedStatement>) =>
      Effect.map(versionOf(statementsFile(meta)), (version) => keep(statementsFile(meta), version, rows))

    // The kept statements, when they are the run's statements.json as it is now.
    const keptFor = (meta: AnalysisMeta) =>
      Effect.map(versionOf(statementsFile(meta)), (version) => keptRows(statementsFile(meta), version))

    /** Each statement's id and themes only: what a save needs, at a fraction of the full decode's cost. */
    const readStatementKeys = (meta: AnalysisMeta) =>
      Effect.flatMap(keptFor(meta), (rows): Effect.Effect<ReadonlyArray<{ readonly id: string; readonly themes: ReadonlyArray<string> }>, StorageError> =>
        rows !== undefined
          ? Effect.succeed(rows)
          : fs.readFileString(statementsFile(meta)).pipe(Effect.flatMap(decodeKeys), Effect.mapError(fail("læs statements.json"))))

    /** Each statement's id, question and text only: what a save checks and keeps of statements left out. */
    const readStatementTexts = (meta: AnalysisMeta) =>
      Effect.flatMap(keptFor(meta), (rows): Effect.Effect<ReadonlyArray<{ readonly id: string; readonly question: string; readonly text: string }>, StorageError> =>
        rows !== undefined
          ? Effect.succeed(rows)
          : fs.readFileString(statementsFile(meta)).pipe(Effect.flatMap(decodeTexts), Effect.mapError(fail("læs statements.json"))))

    /**
     * The pipeline's `summary.json`. Runs made before the pipeline wrote it have the copy the
     * web used to write itself, `web-summary.json`, instead.
     */
    const readSummary = (meta: AnalysisMeta) =>
      fs.readFileString(path.join(runDir(meta.id, meta.run), "summary.json")).pipe(
        Effect.orElse(() => fs.readFileString(path.join(runDir(meta.id, meta.run), "web-summary.json"))),
        Effect.flatMap(Schema.decode(Schema.parseJson(Summary))),
        Effect.mapError(fail("læs opsummering"))
      )

    const readLedgerJson = (meta: AnalysisMeta) =>
      fs.readFileString(path.join(runDir(meta.id, meta.run), "ledger.json")).pipe(
        Effect.flatMap((text) => Effect.try(() => JSON.parse(text) as unknown)),
        Effect.mapError(fail("læs ledger.json"))
      )

    const readOverrides = (id: AnalysisId) =>
      fs.readFileString(path.join(dir(id), overridesFile)).pipe(
        Effect.flatMap(Schema.decode(Schema.parseJson(OverridesFile))),
        Effect.map((rows): ReadonlyArray<Override> => rows),
        Effect.orElseSucceed((): ReadonlyArray<Override> => [])
      )

    /** Every file under a folder, as `/`-separated paths relative to it. */
    const listFiles = (folder: string) =>
      fs.readDirectory(folder, { recursive: true }).pipe(
        Effect.flatMap((names) =>
          Effect.filter(names, (name) =>
            fs.stat(path.join(folder, name)).pipe(Effect.map((s) => s.type === "File"))
          )
        ),
        Effect.map((names) => names.map((n) => n.split(path.sep).join("/")).sort()),
        Effect.mapError(fail("læs mappe"))
      )

    /** Whether the analysis was interrupted by a stop of the server (see the cleanup above). */
    const interrupted = (id: AnalysisId) => fs.exists(path.join(root, `${failedPrefix}${id}`)).pipe(Effect.orElseSucceed(() => false))

    /**
     * A failed analysis, remembered on disk (its folder is gone): after a restart its address still
     * answers with why it failed. An empty record is one cut short by a stop of the server.
     */
    const recordFailure = (id: AnalysisId, failure: { readonly kind: string; readonly message: string }) =>
      fs.writeFileString(
        path.join(root, `${failedPrefix}${id}`),
        // Only the Danish line the person saw, masked (it may name the uploaded file): no data.
        JSON.stringify({ kind: failure.kind, message: maskPersonalData(failure.message).text }),
        { mode: 0o600 }
      ).pipe(Effect.ignore)

    const failure = (id: AnalysisId) =>
      fs.readFileString(path.join(root, `${failedPrefix}${id}`)).pipe(
        Effect.map((text): { readonly kind: "input" | "internal"; readonly message: string } | "interrupted" => {
          if (text.trim() === "") return "interrupted"
          try {
            const parsed = JSON.parse(text) as { kind?: unknown; message?: unknown }
            return typeof parsed.message === "string"
              ? { kind: parsed.kind === "internal" ? "internal" : "input", message: parsed.message }
              : "interrupted"
          } catch {
            return "interrupted"
          }
        }),
        Effect.option
      )

    return {
      root,
      interrupted,
      recordFailure,
      failure,
      dir,
      runDir,
      stage,
      publish,
      remove,
      list,
      readMeta,
      writeMeta,
      writeAtomic,
      writeJsonAtomic,
      readStatements,
      keepStatements,
      readStatementKeys,
      readStatementTexts,
      readSummary,
      readLedgerJson,
      readOverrides,
      listFiles
    } as const
  })
}) {}
