import { NodeContext } from "@effect/platform-node"
import { ConferenceFeedback } from "@udsagn/conference-feedback/ConferenceFeedback"
import { Effect, Layer } from "effect"
import { Analyzer } from "./Analyzer.js"

/** The pipeline already in the context (the `udsagn` program's main layer provides it). */
export const AnalyzerFromPipeline = Layer.effect(
  Analyzer,
  Effect.map(ConferenceFeedback, (pipeline) => Analyzer.of({ analyze: pipeline.analyze }))
)

/** The real pipeline behind the web app, self-contained (tests, scripts). */
export const AnalyzerLive = AnalyzerFromPipeline.pipe(
  Layer.provide(ConferenceFeedback.Default),
  Layer.provide(NodeContext.layer)
)
