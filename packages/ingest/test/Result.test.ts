import { describe, expect, it } from "@effect/vitest"
import { IngestResult } from "@udsagn/domain/Analysis"
import { Effect, Schema } from "effect"
import { eventTitle } from "../src/EventTitle.js"
import { local, read, fixture, TestLayer } from "./helpers.js"

describe("results", () => {
  for (const file of [fixture("menti-alle-slidetyper.xlsx"), fixture("udsagn-excel-semikolon-cp1252.csv"), local("menti-old-export.xlsx")]) {
    it.effect(`${file.split("/").pop()}: same bytes every run, and valid against the domain schema`, () =>
      Effect.gen(function*() {
        const a = yield* read(file)
        const b = yield* read(file)
        const encode = Schema.encodeSync(IngestResult)
        const json = JSON.stringify(encode(a))
        expect(JSON.stringify(encode(b))).toBe(json)
        const decoded = Schema.decodeUnknownSync(IngestResult)(JSON.parse(json))
        expect(decoded.statements.length).toBe(a.statements.length)
        // No key is present with an undefined value (statements.json stays clean).
        expect(json).not.toContain("null")
      }).pipe(Effect.provide(TestLayer)), 30_000)
  }
})

describe("eventTitle", () => {
  it.each([
    ["menti-konference-2024-12-05.xlsx", "Konference 5. december 2024"],
    ["Mentimeter results - Temadag 2025_03_01.xlsx", "Temadag 1. marts 2025"],
    ["udsagn.csv", "Udsagn"],
    ["2024-12-05.xlsx", "Konference 5. december 2024"],
    ["export.xlsx", "Konference"],
    ["input.xlsx", "Konference"]
  ])("%j → %j", (file, title) => {
    expect(eventTitle(file)).toBe(title)
  })

  it("adds the first answer's date when the name has none", () => {
    expect(eventTitle("input.xlsx", "2024-12-05")).toBe("Konference 5. december 2024")
    expect(eventTitle("temadag-2025-03-01.xlsx", "2024-12-05")).toBe("Temadag 1. marts 2025")
  })
})
