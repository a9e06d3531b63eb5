import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { closedQuestionsOf } from "../src/ClosedQuestions.js"
import { parseSessionSheet } from "../src/SessionSheet.js"
import { buildMentiWorkbook } from "../testing/MentiExportWriter.js"
import { read, TestLayer } from "./helpers.js"

describe("a closed question whose label is empty", () => {
  it.effect("a scale statement without a label is kept, named by the question", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "udsagn-closed-"))
      try {
        const file = join(dir, "skala.xlsx")
        writeFileSync(
          file,
          buildMentiWorkbook({
            event: "Skala",
            date: "2024-12-05",
            sessions: [1],
            slides: [
              { type: "open", title: "Hvad virker?", answers: ["Klart sprog i breve"] },
              { type: "scales", title: "Hvor enig er du?", statements: [{ label: "", distribution: [1, 2, 3, 0, 1] }] }
            ]
          })
        )
        const r = yield* read(file)
        expect(r.closedQuestions.map((q) => [q.title, q.options.map((o) => [o.label, o.distribution])])).toEqual([
          ["Hvor enig er du?", [["Hvor enig er du?", [1, 2, 3, 0, 1]]]]
        ])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }).pipe(Effect.provide(TestLayer)))

  it("without a title either, the slide names it; several empty labels are numbered", () => {
    const blocks = parseSessionSheet({
      name: "Session 1",
      rows: [
        ["Question 4"], ["Session", 1], ["Type", "scales"], ["Question", ""], ["Respondents", 3], [],
        ["Choices", "Weighted average", "1", "2", "3"], ["", 2, 1, 1, 1], ["", "3.0", 0, 0, 3], ["Tid", 1, 3, 0, 0]
      ]
    })
    const [q] = closedQuestionsOf(blocks)
    expect(q?.title).toBe("Question 4")
    expect(q?.options.map((o) => [o.label, o.distribution])).toEqual([
      ["Question 4 (1)", [1, 1, 1]],
      ["Question 4 (2)", [0, 0, 3]],
      ["Tid", [3, 0, 0]]
    ])
  })
})
