import { Schema } from "effect"

// Ids are v4 UUIDs from crypto.randomUUID: 122 random bits, and a strict pattern
// so that an id from a URL can be used as a folder name without any other check.
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

export const AnalysisId = Schema.String.pipe(Schema.pattern(uuidPattern), Schema.brand("AnalysisId"))
export type AnalysisId = typeof AnalysisId.Type

export const isAnalysisId = (u: unknown): u is AnalysisId => typeof u === "string" && uuidPattern.test(u)

export const newAnalysisId = (): AnalysisId => crypto.randomUUID() as AnalysisId

/** A run is one pipeline pass over an analysis (the first, and one per saved correction). */
const runPattern = /^run-[0-9]{13}-[0-9a-f]{8}$/
export const RunId = Schema.String.pipe(Schema.pattern(runPattern), Schema.brand("RunId"))
export type RunId = typeof RunId.Type

export const newRunId = (): RunId => `run-${String(Date.now()).padStart(13, "0")}-${crypto.randomUUID().slice(0, 8)}` as RunId
