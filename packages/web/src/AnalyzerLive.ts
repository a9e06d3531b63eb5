import { FileSystem } from "@effect/platform"
import { NodeContext } from "@effect/platform-node"
import { ConferenceFeedback } from "@udsagn/conference-feedback/ConferenceFeedback"
import { Effect, Layer } from "effect"
import { Analyzer } from "./Analyzer.js"

/** The real pipeline behind the web app. */
export const AnalyzerLive = Layer.effect(
  Analyzer,
  Effect.gen(function*() {
    const pipeline = yield* ConferenceFeedback
    // `analyze` may still ask for FileSystem (reading an overrides file); give it ours.
    const fs = yield* FileSystem.FileSystem
    return Analyzer.of({
      analyze: (input, onProgress) =>
        pipeline.analyze(input, onProgress).pipe(Effect.provideService(FileSystem.FileSystem, fs))
    })
  })
).pipe(Layer.provide(ConferenceFeedback.Default), Layer.provide(NodeContext.layer))
