import type { AnalyzeInput, AnalyzeOutput, Stage } from "@udsagn/conference-feedback/ConferenceFeedback"
import { Context, type Effect } from "effect"

// The web app's view of the conference-feedback pipeline. The server is written against
// this small interface; `AnalyzerLive` wires it to the real pipeline.

export { type AnalyzeInput, type AnalyzeOutput, type Stage, stages } from "@udsagn/conference-feedback/ConferenceFeedback"

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
  ) => Effect.Effect<AnalyzeOutput, AnalyzeError>
}

export class Analyzer extends Context.Tag("@udsagn/web/Analyzer")<Analyzer, AnalyzerShape>() {}
