import { OverridesFile } from "@udsagn/domain/Categorization"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  changesText,
  filterQuery,
  filterStatements,
  overridesFromForm,
  readReviewForm,
  reviewFilter,
  savedLocation
} from "../src/pages/ReviewForm.js"
import { known, row } from "./rows.js"

// The review form without HTTP: its query string, its posted fields and how they merge.

describe("overridesFromForm", () => {
  const rows = [row("s1", ["health-literacy"]), row("s2", ["visual-communication", "health-literacy"]), row("s3", ["other"])]

  it("adds an override only where the ticks differ from the current themes", () => {
    const ticked = new Map([["s1", ["health-literacy"]], ["s2", ["visual-communication"]], ["s3", ["other"]]])
    expect(overridesFromForm(rows, [], ["s1", "s2", "s3"], ticked, known)).toEqual([{ id: "s2", themes: ["visual-communication"] }])
  })

  it("gives `other` when nothing is ticked and drops `other` next to a real theme", () => {
    const ticked = new Map([["s2", ["other", "staff-burnout"]]])
    expect(overridesFromForm(rows, [], ["s1", "s2"], ticked, known)).toEqual([
      { id: "s1", themes: ["other"] },
      { id: "s2", themes: ["staff-burnout"] }
    ])
  })

  it("keeps earlier overrides for statements not shown, and ignores unknown themes and ids", () => {
    const existing = Schema.decodeUnknownSync(OverridesFile)([{ id: "s9", themes: ["staff-burnout"] }])
    const ticked = new Map([["s3", ["nonsense", "patient-involvement"]], ["s404", ["other"]]])
    expect(overridesFromForm(rows, existing, ["s3", "s404"], ticked, known)).toEqual([
      { id: "s9", themes: ["staff-burnout"] },
      { id: "s3", themes: ["patient-involvement"] }
    ])
  })
})

describe("filterStatements", () => {
  it("filters by theme, question, needs review and text (case-insensitive)", () => {
    const rows = [
      row("s1", ["health-literacy"], { text: "Klart SPROG i breve", needsReview: true }),
      row("s2", ["visual-communication"], { question: "Andet spørgsmål" })
    ]
    expect(filterStatements(rows, { theme: "health-literacy" }).map((r) => r.id)).toEqual(["s1"])
    expect(filterStatements(rows, { question: "Andet spørgsmål" }).map((r) => r.id)).toEqual(["s2"])
    expect(filterStatements(rows, { needsReview: true }).map((r) => r.id)).toEqual(["s1"])
    expect(filterStatements(rows, { search: "sprog" }).map((r) => r.id)).toEqual(["s1"])
    expect(filterStatements(rows, {}).length).toBe(2)
  })
})


describe("overridesFromForm with the themes the page showed", () => {
  it("leaves a statement the reviewer did not touch as it is saved now", () => {
    const rows = [row("s1", ["staff-burnout"]), row("s2", ["health-literacy"])]
    // A colleague moved s1 to staff-burnout after this page was shown with health-literacy.
    const existing = Schema.decodeUnknownSync(OverridesFile)([{ id: "s1", themes: ["staff-burnout"] }])
    const ticked = new Map([["s1", ["health-literacy"]], ["s2", ["visual-communication"]]])
    const shownThemes = new Map([["s1", "health-literacy"], ["s2", "health-literacy"]])
    expect(overridesFromForm(rows, existing, ["s1", "s2"], ticked, known, shownThemes)).toEqual([
      { id: "s1", themes: ["staff-burnout"] },
      { id: "s2", themes: ["visual-communication"] }
    ])
  })
})

describe("reviewFilter", () => {
  it("reads the query string, ignoring blanks and cutting long values", () => {
    const params = new URLSearchParams({ tema: " staff-burnout ", spoergsmaal: "", soeg: "x".repeat(600), usikre: "1" })
    expect(reviewFilter(params)).toEqual({ theme: "staff-burnout", search: "x".repeat(500), needsReview: true })
    expect(reviewFilter(new URLSearchParams("usikre=0"))).toEqual({})
  })

  it("round-trips through filterQuery", () => {
    const filter = { theme: "other", question: "Hvad så?", search: "æble", needsReview: true }
    expect(reviewFilter(new URLSearchParams(filterQuery(filter)))).toEqual(filter)
  })
})

describe("readReviewForm", () => {
  it("collects the shown statements, every tick and the themes each had", () => {
    const form = readReviewForm([
      ["vist", "s1"], ["foer:s1", "health-literacy"], ["tema:s1", "other"], ["tema:s1", "staff-burnout"],
      ["vist", "s2"], ["foer:s2", ""], ["ukendt", "x"]
    ])
    expect(form.shown).toEqual(["s1", "s2"])
    expect(Object.fromEntries(form.ticked)).toEqual({ s1: ["other", "staff-burnout"] })
    expect(Object.fromEntries(form.shownThemes)).toEqual({ s1: "health-literacy", s2: "" })
  })
})

describe("after saving", () => {
  const meta = { themeLabels: [{ id: "staff-burnout", label: "Medarbejdertrivsel" }] }

  it("names the changed counts with the themes' labels and ignores anything else", () => {
    expect(changesText(meta, "staff-burnout:3:4,nope:1:2,<script>")).toBe(" Ændret: Medarbejdertrivsel 3 → 4.")
    expect(changesText(meta, "")).toBe("")
  })

  it("goes back to the same filter with a notice and the changes", () => {
    expect(savedLocation("abc", {}, "")).toBe("/analyser/abc/gennemgang?gemt=1")
    expect(savedLocation("abc", { theme: "other" }, "other:1:2")).toBe("/analyser/abc/gennemgang?tema=other&gemt=1&aendret=other%3A1%3A2")
  })
})
