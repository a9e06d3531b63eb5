import { FileSystem } from "@effect/platform"
import { corpusOf } from "@udsagn/aggregate/Corpus"
import { topicCorpus } from "@udsagn/aggregate/TopicWords"
import { loadOverrides } from "@udsagn/categorize/Overrides"
import { downloadNames } from "@udsagn/report/FileNames"
import { Data, Effect, Option, Schema } from "effect"
import type { AnalyzeOutput } from "./ConferenceFeedback.js"
import { eventWith } from "./EventDetails.js"
import { CategorizedBase, RunOutputs } from "./RunOutputs.js"

// A saved correction, fast: the categorizer's stored result (`AnalyzeInput.basePath`) with the
// corrections applied, counted and written again. The uploaded file is not read and nothing is
// categorized again; charts whose spec did not change are copied from the previous run.

/** The stored categorization is missing or unreadable (an analysis made before it was kept). */
export class BaseUnavailable extends Data.TaggedError("BaseUnavailable")<{ readonly path: string; readonly cause: unknown }> {
  override get message() {
    return `Den gemte kategorisering (${this.path}) kunne ikke læses.`
  }
}

export interface ReaggregateInput {
  readonly basePath: string
  readonly overridesPath: string
  readonly outDir: string
  /** The previous run's folder, whose charts are reused where nothing changed. */
  readonly previousDir?: string | undefined
  /** The title and date a person gave (blank: the export's). */
  readonly title?: string | undefined
  readonly date?: string | undefined
}

const decodeBase = Schema.decodeUnknown(Schema.parseJson(CategorizedBase))

/** The most statements a stored categorization may have to be kept decoded between two saves. */
export const KEEP_DECODED_UP_TO = 20_000

export class Reaggregate extends Effect.Service<Reaggregate>()("@udsagn/conference-feedback/Reaggregate", {
  effect: Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const outputs = yield* RunOutputs

    // The last stored categorization read, as long as its file is unchanged: a person saves
    // corrections to one analysis in a row, and decoding its file again was a third of the time
    // a save took at 10,000 statements. One, and only of a size people review here, so the
    // server's memory stays small.
    let last: { readonly path: string; readonly version: string; readonly stored: CategorizedBase } | undefined
    const readBase = (file: string) =>
      Effect.gen(function*() {
        const info = yield* fs.stat(file)
        const version = `${Option.getOrElse(info.mtime, () => new Date(0)).getTime()}:${info.size}`
        if (last !== undefined && last.path === file && last.version === version) return last.stored
        const stored = yield* fs.readFileString(file).pipe(Effect.flatMap(decodeBase))
        last = stored.result.statements.length <= KEEP_DECODED_UP_TO ? { path: file, version, stored } : undefined
        return stored
      })

    const load = (input: Pick<ReaggregateInput, "basePath" | "overridesPath">) =>
      Effect.gen(function*() {
        const stored = yield* readBase(input.basePath).pipe(
          Effect.mapError((cause) => new BaseUnavailable({ path: input.basePath, cause }))
        )
        // No file: no corrections saved yet (a new analysis' files left for their first download).
        const saved = yield* fs.exists(input.overridesPath).pipe(Effect.orElseSucceed(() => true))
        const overrides = saved ? yield* loadOverrides(input.overridesPath).pipe(Effect.provideService(FileSystem.FileSystem, fs)) : []
        return { stored, overrides }
      })

    /** The outputs again with the corrections; statements.xlsx and new PNGs are left for `complete` (the slowest files). */
    const run = Effect.fn("Reaggregate.run")(function*(input: ReaggregateInput) {
      const { overrides, stored } = yield* load(input)
      const { drawn, ...out } = yield* outputs.write({
        base: stored.result,
        event: eventWith(stored.result.event, input),
        overrides,
        outDir: input.outDir,
        corrections: stored.corrections,
        reuseChartsFrom: input.previousDir,
        defer: true,
        // Only the web app saves corrections this way: its download names.
        fileNames: downloadNames(stored.result.event.title)
      })
      return { output: out satisfies AnalyzeOutput, drawn }
    })

    /**
     * Writes what `run` left for later (statements.xlsx, the PNGs of the charts drawn anew), or
     * only `wanted` (a file of the run, e.g. `charts/theme-overview.png`), with the same corrections.
     */
    const complete = Effect.fn("Reaggregate.complete")(function*(input: Omit<ReaggregateInput, "previousDir"> & { readonly wanted?: string | undefined }) {
      const { overrides, stored } = yield* load(input)
      yield* outputs.complete({ base: stored.result, overrides, outDir: input.outDir }, input.wanted)
    })

    /**
     * Reads the stored categorization and counts its words ahead of a first save (the web app
     * calls it when the review page is opened): that save then finds both ready. Failures are
     * the save's to report.
     */
    const prepare = (basePath: string) =>
      readBase(basePath).pipe(
        Effect.map(({ result }) => {
          corpusOf(result.statements)
          topicCorpus(result.statements, result.themeSet)
        }),
        Effect.ignore
      )

    return { run, complete, prepare } as const
  }),
  dependencies: [RunOutputs.Default]
}) {}
