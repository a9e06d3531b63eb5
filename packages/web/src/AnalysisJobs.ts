import { OTHER } from "@udsagn/domain/Theme"
import { Data } from "effect"
import { AnalysisMeta, type InputFile, ThemeCount, ThemeLabel } from "./AnalysisMeta.js"
import type { RunOutput, Stage } from "./Analyzer.js"
import type { AnalysisId, RunId } from "./Ids.js"
import type { Sources } from "./UploadSources.js"

// What Analyses (Analyses.ts) works with: its errors, a job's states, a staged upload, the
// Danish messages, and an analysis' record made from the pipeline's output.

/** Why an analysis could not be made: `input` is the user's file (400), `internal` is ours (500). */
export class AnalysisFailed extends Data.TaggedError("AnalysisFailed")<{
  readonly kind: "input" | "internal"
  readonly message: string
  readonly cause?: unknown
}> {}

export class UnknownAnalysis extends Data.TaggedError("UnknownAnalysis")<{ readonly id: string }> {
  override get message() {
    return "Analysen findes ikke. Den kan være slettet, eller adressen er skrevet forkert."
  }
}

/** A title and date a person gave an analysis. */
export interface EventDetails { readonly title: string; readonly date: string | undefined }
export class InvalidOverrides extends Data.TaggedError("InvalidOverrides")<{ readonly message: string }> {}

export type JobState =
  | { readonly state: "queued" }
  | { readonly state: "running"; readonly stage: Stage; readonly message: string }
  | { readonly state: "failed"; readonly error: AnalysisFailed }
  | { readonly state: "finished" }

/** A new upload, already saved in its temp folder under a fixed name. */
export interface StagedUpload extends Sources {
  readonly id: AnalysisId
  readonly folder: string
  readonly inputFile: InputFile
  readonly themesFile: "themes.json" | undefined
  readonly sourceName: string
  /** The title and date a person gave (blank: the export's own). */
  readonly title?: string | undefined
  readonly date?: string | undefined
}

export const internalTags = new Set(["OutputError", "ChartError", "ReportError"])
export const internalMessage = "Der skete en uventet fejl under analysen. Prøv igen; sker det igen, så kontakt IT."
export const maxRemembered = 500

/** Names at most ten of the unknown ids (the list may be long, and it is shown as is). */
export const unknownIdsMessage = (ids: ReadonlyArray<string>) => {
  const shown = ids.slice(0, 10).map((id) => `»${id.length > 40 ? `${id.slice(0, 40)}…` : id}«`).join(", ")
  const more = ids.length > 10 ? ` og ${ids.length - 10} til` : ""
  return `Rettelserne nævner udsagn, som analysen ikke har: ${shown}${more}. Hent udsagnenes id'er fra statements.json.`
}
export const interruptedMessage = "Analysen blev afbrudt, fordi serveren stoppede. Analysen fejlede – prøv at uploade filen igen."

/**
 * The pipeline names the file it read; here that is our stored copy (`input.xlsx` in a
 * server folder), so put back the name the user knows and drop server paths.
 */
export const userMessage = (
  message: string,
  folder: string,
  inputs: { readonly inputFile: string; readonly themesFile: string | undefined; readonly sourceName: string; readonly moreInputs?: ReadonlyArray<string> | undefined }
) => {
  let out = message.split(folder + "/").join("").split(folder).join("")
  if (inputs.moreInputs === undefined) out = out.split(inputs.inputFile).join(inputs.sourceName)
  if (inputs.themesFile !== undefined) out = out.split(inputs.themesFile).join("temafilen")
  return out
}

export const metaFromOutput = (
  base: Pick<AnalysisMeta, "id" | "createdAt" | "sourceName" | "inputFile" | "themesFile" | "moreInputs" | "notesFiles">,
  run: RunId,
  out: RunOutput,
  files: ReadonlyArray<string>,
  overrides: number
): AnalysisMeta => {
  const { summary, language } = out
  const themeLabels = out.themeSet.themes.map((t) => new ThemeLabel({ id: t.id, label: t.label }))
  if (!themeLabels.some((t) => t.id === OTHER)) {
    themeLabels.push(new ThemeLabel({ id: OTHER, label: out.themeSet.otherLabel }))
  }
  return new AnalysisMeta({
    ...base,
    status: "finished",
    updatedAt: new Date().toISOString(),
    title: out.event.title,
    ...(out.event.date !== undefined ? { date: out.event.date } : {}),
    run,
    files,
    statements: out.statements,
    // As the report and the drafts count them: placed with low confidence, not "Andet".
    needsReview: out.needsReview,
    overrides,
    ...(out.corrections !== undefined ? { corrections: out.corrections } : {}),
    ...(language.warning ? { notDanish: { danishShare: language.danishShare } } : {}),
    themes: summary.themes.map((t) =>
      new ThemeCount({ theme: t.theme, label: t.label, color: t.color, count: t.count, share: t.share })
    ),
    themeLabels,
    candidates: out.candidates,
    ...(out.charts !== undefined ? { charts: out.charts } : {})
  })
}

