// Ad-hoc preview: writes the sample report to <repo>/test-artifacts/preview/ for a look in a browser.
import { NodeContext } from "@effect/platform-node"
import { Effect } from "effect"
import { ReportWriter } from "../src/ReportWriter.js"
import { hostileFixture, sampleFixture, simpleCharts } from "./fixtures.js"

const which = process.argv[2] === "hostile" ? hostileFixture() : sampleFixture()
const outDir = new URL(`../../../test-artifacts/preview-${process.argv[2] ?? "sample"}/`, import.meta.url).pathname
Effect.gen(function*() {
  const w = yield* ReportWriter
  const files = yield* w.write({ ...which, charts: simpleCharts(which.summary), outDir })
  console.log(files)
}).pipe(Effect.provide(ReportWriter.Default), Effect.provide(NodeContext.layer), Effect.runPromise)
