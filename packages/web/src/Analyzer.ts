import type { AnalyzeInput, Stage } from "@udsagn/conference-feedback/ConferenceFeedback"
import type { ReaggregateInput } from "@udsagn/conference-feedback/Reaggregate"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import { Context, type Effect } from "effect"

// The web app's view of the conference-feedback pipeline. The server is written against
// this small interface; `AnalyzerLive` wires it to the real pipeline.

import type { RunOutput } from "./AnalyzeWorker.js"

export { type AnalyzeInput, type Stage, stages } from "@udsagn/conference-feedback/ConferenceFeedback"
export type { RunOutput } from "./AnalyzeWorker.js"
export type { ReaggregateInput } from "@udsagn/conference-feedback/Reaggregate"

/** Any pipeline failure: a tag and a one-line Danish message a person can act on. */
export interface AnalyzeError {
  readonly _tag: string
  readonly message: string
  /** The one-line text naming the user's file `name` (ingest errors). */
  readonly describe?: ((name: string) => string) | undefined
}

export interface AnalyzerShape {
  readonly analyze: (
    input: AnalyzeInput,
    onProgress?: (stage: Stage, message: string) => void
  ) => Effect.Effect<RunOutput, AnalyzeError>
  /**
   * A saved correction: the stored categorization (`basePath`, written by `analyze`) with the
   * corrections applied and the outputs written again; the uploaded file is not read. In this
   * process (it is quick and reads only our own files); `drawn` names the charts drawn anew, `rows`
   * are the statements as its statements.json has them.
   */
  readonly reaggregate: (
    input: ReaggregateInput
  ) => Effect.Effect<RunOutput & { readonly drawn: ReadonlyArray<string>; readonly rows: ReadonlyArray<CategorizedStatement> }, AnalyzeError>
  /** Writes the files `reaggregate` left for their first download (statements.xlsx, new charts' PNGs), or only `wanted`. */
  readonly complete: (input: Omit<ReaggregateInput, "previousDir"> & { readonly wanted?: string | undefined }) => Effect.Effect<void, AnalyzeError>
  /** Gets a first `reaggregate` of the stored categorization ready (read and its words counted), in this process. */
  readonly prepareCorrections: (basePath: string) => Effect.Effect<void>
}

export class Analyzer extends Context.Tag("@udsagn/web/Analyzer")<Analyzer, AnalyzerShape>() {}
