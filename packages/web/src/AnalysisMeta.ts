import { CorrectionsUsed } from "@udsagn/categorize/Corrections"
import { Candidate } from "@udsagn/domain/Topics"
import { Schema } from "effect"
import { AnalysisId, RunId } from "./Ids.js"

/** One theme's figures, cached in the metadata for the list and the compare page. */
export class ThemeCount extends Schema.Class<ThemeCount>("ThemeCount")({
  theme: Schema.String,
  label: Schema.String,
  color: Schema.String,
  count: Schema.Number,
  share: Schema.Number
}) {}

export class ThemeLabel extends Schema.Class<ThemeLabel>("ThemeLabel")({
  id: Schema.String,
  label: Schema.String
}) {}

/**
 * The stored input file: a name made only of [a-z0-9-] from the client's name (the reader
 * takes the report title from it) plus the validated extension, so it can never be a path.
 */
export const inputFilePattern = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?\.(?:xlsx|csv)$/
export const InputFile = Schema.String.pipe(Schema.pattern(inputFilePattern))
export type InputFile = typeof InputFile.Type

/**
 * `analysis.json`: written last, atomically. A folder without it (or with one that does
 * not decode) is not an analysis, so a crash mid-write never shows up as finished.
 */
export class AnalysisMeta extends Schema.Class<AnalysisMeta>("AnalysisMeta")({
  id: AnalysisId,
  status: Schema.Literal("finished"),
  createdAt: Schema.String,
  updatedAt: Schema.String,
  title: Schema.String,
  date: Schema.optional(Schema.String),
  /** The client's file name, for display only: never used as a path. */
  sourceName: Schema.String,
  inputFile: InputFile,
  /** Further exports read into the same analysis (stored names, beside `inputFile`). */
  moreInputs: Schema.optional(Schema.Array(InputFile)),
  /** Notes from talks and table discussions (stored names in `noter/`). */
  notesFiles: Schema.optional(Schema.Array(Schema.String.pipe(Schema.pattern(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.(?:md|txt|docx)$/)))),
  themesFile: Schema.optional(Schema.Literal("themes.json")),
  /** The folder (under `runs/`) that holds the current outputs. */
  run: RunId,
  /** Output files of the current run, relative to its folder (the only files served). */
  files: Schema.Array(Schema.String),
  statements: Schema.Number,
  needsReview: Schema.Number,
  overrides: Schema.Number,
  /** What the categorizer learnt from saved corrections in the current run (see categorize/Corrections.ts). */
  corrections: Schema.optional(CorrectionsUsed),
  themes: Schema.Array(ThemeCount),
  /**
   * The share (0-1) of the words telling the language that are Danish, when the answers do not
   * look Danish (the page then warns that the Danish themes and figures do not apply).
   */
  notDanish: Schema.optional(Schema.Struct({ danishShare: Schema.Number })),
  /** Every theme a statement can be given, in the theme file's order, `other` last. */
  themeLabels: Schema.Array(ThemeLabel),
  /** Candidate new themes among the statements without one (topics.json); older runs: none. */
  candidates: Schema.optionalWith(Schema.Array(Candidate), { default: () => [] }),
  /** Each chart's name (`charts/<name>.png`) and Danish title, for the download links. */
  charts: Schema.optional(Schema.Array(Schema.Struct({ name: Schema.String, title: Schema.String })))
}) {}

export const AnalysisMetaJson = Schema.parseJson(AnalysisMeta)
