import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { Schema } from "effect"
import { defaultThemesPath, trainingStatementsPath } from "@udsagn/domain/Paths"
import { ThemeSet } from "@udsagn/domain/Theme"
import { decodeStoredModel, modelFor, modelPath } from "../src/ModelStore.js"
import type { ThemeModelData } from "../src/ModelData.js"
import { modelKey, themeSetJson } from "../src/ModelKey.js"
import { ThemeModel } from "../src/ThemeModel.js"
import { parseLabeledCsv } from "../src/TrainingData.js"

const themeSet = Schema.decodeUnknownSync(ThemeSet)(JSON.parse(readFileSync(defaultThemesPath, "utf8")))
const csv = readFileSync(trainingStatementsPath, "utf8")
const stored = JSON.parse(readFileSync(modelPath, "utf8")) as ThemeModelData

describe("model.json", () => {
  it("is up to date with the training data, the theme file and the model code (else run scripts/build-model.ts)", () => {
    expect(stored.key).toBe(modelKey(themeSetJson(themeSet), csv))
  })

  // The key holds MODEL_VERSION, not a hash of the code: this test is what notices that the
  // model code changed the model without model.json being rebuilt (and MODEL_VERSION bumped).
  it("is what the model code trains from the data today (else bump MODEL_VERSION and run scripts/build-model.ts)", () => {
    const fresh = ThemeModel.train(themeSet, parseLabeledCsv(csv).rows, stored.key).data
    expect(fresh.version).toBe(stored.version)
    expect(fresh.vocabulary).toEqual(stored.vocabulary)
    expect(fresh.parts).toEqual(stored.parts)
    expect(fresh.thresholds).toEqual(stored.thresholds)
    expect(fresh.lexiconAssigns).toEqual(stored.lexiconAssigns)
    const close = (a: ReadonlyArray<number>, b: ReadonlyArray<number>) => a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) < 1e-5)
    expect(close(fresh.bias, stored.bias)).toBe(true)
    expect(fresh.weights.every((w, t) => close(w, stored.weights[t]!))).toBe(true)
    expect(fresh.review?.features).toEqual(stored.review?.features)
    expect(close(fresh.review?.weights ?? [], stored.review?.weights ?? [])).toBe(true)
    expect(Math.abs((fresh.review?.reviewBelow ?? 0) - (stored.review?.reviewBelow ?? 0))).toBeLessThan(1e-3)
  }, 60_000)

  it("loads in well under 300 ms and is used instead of training", () => {
    const t0 = performance.now()
    const { fromStore, model } = modelFor(themeSet, csv, JSON.parse(readFileSync(modelPath, "utf8")) as ThemeModelData)
    model.categorizeText("Mere tid til den enkelte patient")
    const ms = performance.now() - t0
    expect(fromStore).toBe(true)
    expect(ms).toBeLessThan(1000) // generous under parallel test load; bench reports the real figure
  })

  it("decodes model.json with its schema and refuses broken files", () => {
    const text = readFileSync(modelPath, "utf8")
    expect(decodeStoredModel(text)?.key).toBe(stored.key)
    expect(decodeStoredModel("")).toBeUndefined()
    expect(decodeStoredModel("{ not json")).toBeUndefined()
    expect(decodeStoredModel(JSON.stringify({ ...stored, weights: "x" }))).toBeUndefined()
    // a weight row missing: inconsistent shapes
    expect(decodeStoredModel(JSON.stringify({ ...stored, weights: stored.weights.slice(1) }))).toBeUndefined()
  })

  it("a stale model (other data) is not used: the categorizer retrains", () => {
    const { fromStore } = modelFor(themeSet, csv + "x9999,q,Tak for i dag,other\n", stored)
    expect(fromStore).toBe(false)
  }, 60_000)
})
