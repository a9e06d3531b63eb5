import { describe, expect, it } from "vitest"
import { applyStatementEdits, readStatementEdits, textDigest } from "../src/pages/StatementEdits.js"

// The review form's "Udelad", "Ret tekst" and "Tag med igen" fields, without HTTP.

const rows = [{ id: "s1" }, { id: "s2" }, { id: "s3" }]

describe("statement edits from the review form", () => {
  it("reads ticks and changed texts; a text left as shown (spacing aside) is no change", () => {
    const edits = readStatementEdits([
      ["udelad", "s1"],
      ["medtag", "s9"],
      ["tekstfoer:s2", textDigest("Hej Jens")],
      ["tekst:s2", "Hej  [navn] "],
      ["tekstfoer:s3", textDigest("Uændret tekst")],
      ["tekst:s3", " Uændret   tekst"]
    ])
    expect([...edits.exclude]).toEqual(["s1"])
    expect([...edits.restore]).toEqual(["s9"])
    expect([...edits.texts]).toEqual([["s2", "Hej [navn]"]])
  })

  it("merges with saved corrections: themes kept, exclude and redact set, taken back, blank text restores", () => {
    const saved = [
      { id: "s2", themes: ["staff-burnout"] },
      { id: "s3", redact: "gammel rettelse" },
      { id: "s9", exclude: true },
      { id: "", text: "efter tekst", themes: ["other"] }
    ]
    const edits = readStatementEdits([
      ["udelad", "s1"],
      ["udelad", "s-unknown"],
      ["medtag", "s9"],
      ["tekstfoer:s2", textDigest("Hej Jens")],
      ["tekst:s2", "Hej [navn]"],
      ["tekstfoer:s3", textDigest("gammel rettelse")],
      ["tekst:s3", ""]
    ])
    expect(applyStatementEdits(saved, edits, rows, [{ id: "s9" }])).toEqual([
      { id: "s2", themes: ["staff-burnout"], redact: "Hej [navn]" },
      { id: "s1", exclude: true },
      { id: "", text: "efter tekst", themes: ["other"] }
    ])
  })
})
