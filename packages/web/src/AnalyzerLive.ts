import { NodeContext } from "@effect/platform-node"
import { ConferenceFeedback } from "@udsagn/conference-feedback/ConferenceFeedback"
import { Effect, Layer } from "effect"
import { Analyzer } from "./Analyzer.js"

/** The real pipeline behind the web app. */
export const AnalyzerLive = Layer.effect(
  Analyzer,
  Effect.gen(function*() {
    const pipeline = yield* ConferenceFeedback
    return Analyzer.of({ analyze: pipeline.analyze })
  })
).pipe(Layer.provide(ConferenceFeedback.Default), Layer.provide(NodeContext.layer))
