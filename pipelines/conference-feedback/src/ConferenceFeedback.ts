import { FileSystem, Path } from "@effect/platform"
import { Categorizer } from "@udsagn/categorize/Categorizer"
import { CorrectionsUsed } from "@udsagn/categorize/Corrections"
import { loadOverrides } from "@udsagn/categorize/Overrides"
import { ThemeLoader } from "@udsagn/categorize/ThemeLoader"
import { CategorizedResult } from "@udsagn/domain/Analysis"
import type { Summary } from "@udsagn/domain/Summary"
import type { TopicsFile } from "@udsagn/domain/Topics"
import { ExportReader } from "@udsagn/ingest/ExportReader"
import { downloadNames } from "@udsagn/report/FileNames"
import { readNotes } from "@udsagn/ingest/NotesReader"
import { Effect } from "effect"
import { DataLocations } from "./DataLocations.js"
import { readInputs } from "./MultiInput.js"
import { categorizeNotes, ledgerWithNotes } from "./Notes.js"
import { encodeBase, OutputError, RunOutputs } from "./RunOutputs.js"

export { OutputError, OutputNotEmpty } from "./RunOutputs.js"
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
  /** Further exports read into the same analysis, after `input` (see MultiInput.ts). */
  readonly moreInputs?: ReadonlyArray<string> | undefined
  /** Notes from talks and table discussions (.md, .txt, .docx): shown apart, never counted as statements. */
  readonly notes?: ReadonlyArray<string> | undefined
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
  /**
   * Where to keep the categorizer's result before corrections (the web app's analysis folder),
   * so a saved correction is applied to it (`Reaggregate`) without reading the file again.
   */
  readonly basePath?: string | undefined
  /** The report and drafts name the other files as the web app's downloads (`udsagn-<titel>.xlsx`). */
  readonly downloadNames?: boolean | undefined
  /**
   * Leave statements.xlsx and the charts' PNGs for their first download (the web app, which
   * makes them from `basePath` then): the report is there sooner.
   */
  readonly defer?: boolean | undefined
}

export interface AnalyzeOutput {
  readonly outDir: string
  readonly reportPath: string
  readonly result: CategorizedResult
  readonly summary: Summary
  readonly files: ReadonlyArray<string>
  /** Sub-topics of each theme and candidate themes (written as topics.json). */
  readonly topics: TopicsFile
  /** Each chart's file name (`charts/<name>.png`…) and its Danish title, for links and captions. */
  readonly charts?: ReadonlyArray<{ readonly name: string; readonly title: string }> | undefined
  /** What the categorizer learnt from saved corrections, when the run was given them. */
  readonly corrections?: CorrectionsUsed | undefined
}

/**
 * The stored categorization as JSON (`CategorizedBase` encoded). The statements are our own
 * objects whose fields are their encoding (as statements.json's writer relies on, and its test
 * holds): they are serialized as they are, not walked by the schema, which at 100,000 statements
 * took four times as long.
 */
export const baseJson = (result: CategorizedResult, corrections?: CorrectionsUsed): string => {
  const encoded = encodeBase({ result: new CategorizedResult({ ...result, statements: [] }, true), ...(corrections ? { corrections } : {}) })
  return JSON.stringify({ ...encoded, result: { ...encoded.result, statements: result.statements } })
}

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
      const outputs = yield* RunOutputs
      const locations = yield* DataLocations

      const analyze = Effect.fn("ConferenceFeedback.analyze")(function*(
        input: AnalyzeInput,
        onProgress: (stage: Stage, message: string) => void = () => {}
      ) {
        const outDir = path.resolve(input.outDir)
        // The charts' thread loads vega meanwhile.
        yield* outputs.prepare

        onProgress("ingest", stageLabel("ingest"))
        // Notes first: a bad notes file stops the run before the export is read.
        const notesFiles = yield* readNotes(fs, path, input.notes ?? [])
        const ingested = yield* readInputs(reader, [input.input, ...(input.moreInputs ?? [])], {
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
        const notes = yield* categorizeNotes(categorizer, notesFiles, themeSet)
        const base = new CategorizedResult({
          event: ingested.event,
          themeSet,
          questions: ingested.questions,
          statements: categorized,
          closedQuestions: ingested.closedQuestions,
          ledger: ledgerWithNotes(ingested.ledger, notesFiles),
          notes
        }, true) // made of our own objects: no schema walk over every statement again
        if (input.basePath !== undefined) {
          const file = input.basePath
          const tmp = `${file}.tmp-${process.pid}`
          yield* fs.writeFileString(tmp, baseJson(base, learnt?.used)).pipe(
            Effect.zipRight(fs.rename(tmp, file)),
            Effect.mapError((cause) => new OutputError({ path: file, cause }))
          )
        }

        const { drawn: _drawn, ...out } = yield* outputs.write({
          base,
          event: eventWith(ingested.event, input),
          overrides,
          outDir,
          corrections: learnt?.used,
          fileNames: input.downloadNames === true ? downloadNames(base.event.title) : undefined,
          defer: input.defer === true && input.basePath !== undefined,
          onStage: (stage) => onProgress(stage, stageLabel(stage))
        })
        return out satisfies AnalyzeOutput
      })

      return { analyze } as const
    }),
    dependencies: [
      ExportReader.Default,
      ThemeLoader.Default,
      Categorizer.Default,
      RunOutputs.Default,
      DataLocations.Default
    ]
  }
) {}
