import { describe, expect, it } from "@effect/vitest"
import { defaultThemesPath, modelPath, trainingStatementsPath } from "@udsagn/domain/Paths"
import { ThemeSet } from "@udsagn/domain/Theme"
import { Schema } from "effect"
import { readFileSync } from "node:fs"
import { decodeStoredModel, modelFor } from "../src/ModelStore.js"
import { categorizeTexts, PARALLEL_FROM, threadsFor } from "../src/ParallelCategorize.js"
import { parseLabeledCsv } from "../src/TrainingData.js"

const themeSet = Schema.decodeUnknownSync(ThemeSet)(JSON.parse(readFileSync(defaultThemesPath, "utf8")))
const csv = readFileSync(trainingStatementsPath, "utf8")
const freshModel = () => modelFor(themeSet, csv, decodeStoredModel(readFileSync(modelPath, "utf8"))).model

// 3,000 texts: the training statements, and again with a word swapped, in a fixed order.
const texts = (() => {
  const rows = parseLabeledCsv(csv).rows.map((r) => r.text)
  return Array.from({ length: 3_000 }, (_, i) => {
    const t = rows[(i * 7) % rows.length]!
    return i < rows.length ? t : t.split(" ").reverse().join(" ")
  })
})()

describe("categorizing in threads", () => {
  it("gives the same categorizations, in the same order, as one thread", async () => {
    const alone = await categorizeTexts(freshModel(), texts, { workers: 1 })
    // Two worker threads (each rebuilds the model from its data) take every batch.
    const threaded = await categorizeTexts(freshModel(), texts, { workers: 3, from: 0, batch: 250, here: false })
    expect(threaded).toHaveLength(texts.length)
    expect(threaded).toEqual(alone)
    // Domain objects again after the crossing.
    expect(threaded.find((c) => c.evidence.length > 0)!.evidence[0]!.constructor.name).toBe("Evidence")
  }, 120_000)

  it("starts threads only for large inputs and when there is more than one core", () => {
    expect(threadsFor(PARALLEL_FROM - 1, { workers: 8 })).toBe(0)
    expect(threadsFor(PARALLEL_FROM, { workers: 8 })).toBe(7)
    expect(threadsFor(100_000, { workers: 2 })).toBe(1)
    expect(threadsFor(100_000, { workers: 1 })).toBe(0)
    // Never more threads than batches of work beyond this thread's own.
    expect(threadsFor(3_000, { workers: 8, from: 0 })).toBe(1)
    expect(threadsFor(3_000, { workers: 8, from: 0, batch: 250 })).toBe(7)
  })
})
