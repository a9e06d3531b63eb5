import { NodeContext } from "@effect/platform-node"
import { ConferenceFeedback } from "@udsagn/conference-feedback/ConferenceFeedback"
import { Effect, Layer } from "effect"
import { Analyzer } from "./Analyzer.js"

/** The real pipeline behind the web app. */
export const AnalyzerLive = Layer.effect(
  Analyzer,
  Effect.map(ConferenceFeedback, (pipeline) => Analyzer.of({ analyze: (input, onProgress) => pipeline.analyze(input, onProgress) }))
).pipe(Layer.provide(ConferenceFeedback.Default), Layer.provide(NodeContext.layer))
