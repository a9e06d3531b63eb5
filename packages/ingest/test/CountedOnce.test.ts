import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { readMentiWorkbook } from "../src/MentiWorkbook.js"
import { buildMentiWorkbook, type LayoutFlags, type SampleSpec } from "../testing/MentiExportWriter.js"
import { checkInvariants, read, TestLayer } from "./helpers.js"

// The Voters sheet and the Session blocks list the same open answers; the Session-block
// fallback is for answers without a voter row only, never a second count.

const ANSWERS = ["Mere tid til patienten", "5", "2", "Mere tid til patienten", "Klart sprog", "10", "Tolke", "Ro"]

const spec: SampleSpec = {
  event: "Dobbelttælling",
  date: "2024-12-05",
  sessions: [1, 2],
  slides: [
    { type: "open", title: "Hvad virker?", answers: ANSWERS },
    { type: "wordcloud", title: "Ét ord", answers: [["ro"], ["tid", "tillid"], ["ro"]] }
  ]
}

const readBuilt = (flags: LayoutFlags) =>
  Effect.gen(function*() {
    const dir = mkdtempSync(join(tmpdir(), "udsagn-once-"))
    try {
      const file = join(dir, "eksport.xlsx")
      writeFileSync(file, buildMentiWorkbook(spec, flags))
      return yield* read(file)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

describe("answers in both the Voters sheet and the Session sheets", () => {
  for (
    const [name, flags] of Object.entries({
      "numbers as numbers": {},
      "counts and numeric answers as text like 1.0": { numbersAsText: true, numericAnswers: true },
      "numeric answers as numbers, Session values as numbers": { numericAnswers: true }
    } satisfies Record<string, LayoutFlags>)
  ) {
    it.effect(`are counted once (${name})`, () =>
      Effect.gen(function*() {
        const r = yield* readBuilt(flags)
        expect(checkInvariants(r)).toEqual([])
        // 8 open answers (one given twice by two people: both count) + 4 word-cloud words.
        expect(r.ledger.read).toBe(ANSWERS.length + 4)
        expect(r.statements.filter((s) => s.questionType === "open").map((s) => s.text).sort()).toEqual([...ANSWERS].sort())
        // Every statement comes from the Voters sheet: none was added from a Session sheet.
        expect(r.statements.every((s) => s.source.sheet === "Voters")).toBe(true)
      }).pipe(Effect.provide(TestLayer)))
  }

  it("a Voters row without its session still matches the block's answer", () => {
    const r = readMentiWorkbook({
      sheets: [
        {
          name: "Voters",
          rows: [["Date", "Session", "Voter", "Hvad virker?: 1", "Upvotes"], ["2024-12-05", "", 1, 7, 0], ["2024-12-05", "1.0", 2, "Tolke", 1]]
        },
        {
          name: "Session 1",
          rows: [["Question 1"], ["Session", "1.0"], ["Type", "open"], ["Question", "Hvad virker?"], [], ["Responses", "Upvotes"], ["7.0", "0.0"], ["Tolke", "1.0"], ["Ro", "0.0"]]
        }
      ]
    })
    // `7` and `Tolke` are in the Voters sheet; only `Ro` (no voter row) comes from the block.
    expect(Either.getOrThrow(r).entries.map((e) => [e.raw, e.source.sheet])).toEqual([
      ["7", "Voters"],
      ["Tolke", "Voters"],
      ["Ro", "Session 1"]
    ])
  })
})
